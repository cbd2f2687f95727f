/**
 * Turns a bundled document's component schemas into one JSON Schema 2020-12 resource Ajv can
 * compile with `discriminator: true`: components become `$defs`, OpenAPI-only keywords (`xml`,
 * `example(s)`, `externalDocs`, `x-*`) are dropped, `allOf` of object schemas is flattened (Ajv's
 * discriminator needs the tag in `properties` of each branch), and `discriminator.mapping` (which
 * Ajv refuses) is folded into each branch's tag `const`/`enum` when the branch lacks one.
 */
import { asSchema, mergeAllOf, refName, type RawSchema } from './schema-raw.ts';
import type { OpenApiDocument } from './schema-model.ts';

const dropped = new Set(['xml', 'example', 'examples', 'externalDocs']);
const defsPrefix = '#/$defs/';
const defName = (ref: string): string => decodeURIComponent(ref.slice(defsPrefix.length));

/** The Ajv resource for a document, and the JSON pointer prefix of its definitions. */
export function ajvResource(document: OpenApiDocument, id: string): RawSchema {
  const components = document.components?.schemas ?? {};
  const resolve = (ref: string): RawSchema => asSchema(components[refName(ref)], ref);
  const defs: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(components)) defs[name] = rewrite(mergeAllOf(asSchema(schema, name), resolve), resolve);
  for (const schema of Object.values(defs)) foldMappings(schema, defs);
  return { $id: id, $defs: defs };
}

function rewrite(value: unknown, resolve: (ref: string) => RawSchema): unknown {
  if (Array.isArray(value)) return value.map((item) => rewrite(item, resolve));
  if (typeof value !== 'object' || value === null) return value;
  const schema = mergeAllOf(value as RawSchema, resolve);
  const out: RawSchema = {};
  for (const [key, child] of Object.entries(schema)) {
    if (dropped.has(key) || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof child === 'string') out.$ref = defsPrefix + encodeURIComponent(refName(child));
    else if (key === 'properties' || key === '$defs') out[key] = mapValues(child as Record<string, unknown>, (v) => rewrite(v, resolve));
    else out[key] = rewrite(child, resolve);
  }
  return out;
}

function mapValues(record: Record<string, unknown>, map: (value: unknown) => unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}

/** Walks every schema object; where a discriminator has a mapping, moves it into the branches. */
function foldMappings(value: unknown, defs: Record<string, unknown>): void {
  if (typeof value !== 'object' || value === null) return;
  for (const child of Object.values(value)) foldMappings(child, defs);
  const schema = value as RawSchema;
  const discriminator = schema.discriminator as { propertyName?: string; mapping?: Record<string, string> } | undefined;
  if (!discriminator?.propertyName || !Array.isArray(schema.oneOf)) return;
  const tag = discriminator.propertyName;
  const mapping = discriminator.mapping ?? {};
  delete discriminator.mapping;
  // Ajv's discriminator only looks at objects and then skips oneOf, so without this a non-object passes.
  schema.type = 'object';
  if (!Array.isArray(schema.required) || !schema.required.includes(tag)) schema.required = [...((schema.required as string[]) ?? []), tag];
  for (const option of schema.oneOf as RawSchema[]) {
    const branch = typeof option.$ref === 'string' ? (defs[defName(option.$ref)] as RawSchema) : option;
    const properties = (branch.properties ??= {}) as Record<string, RawSchema>;
    const tagSchema = properties[tag];
    if (tagSchema && (tagSchema.const !== undefined || Array.isArray(tagSchema.enum))) continue;
    const target = typeof option.$ref === 'string' ? `#/components/schemas/${defName(option.$ref)}` : undefined;
    const values = Object.entries(mapping).filter(([, ref]) => ref === target).map(([key]) => key);
    properties[tag] = { ...tagSchema, type: 'string', enum: values };
  }
}

/** The tag values a `oneOf` branch accepts, read from a prepared resource (for error messages). */
export function branchTagValues(resource: RawSchema, option: RawSchema, tag: string): string[] {
  const defs = resource.$defs as Record<string, RawSchema>;
  const branch = typeof option.$ref === 'string' ? defs[defName(option.$ref)] : option;
  const tagSchema = (branch?.properties as Record<string, RawSchema> | undefined)?.[tag];
  if (tagSchema?.const !== undefined) return [String(tagSchema.const)];
  return Array.isArray(tagSchema?.enum) ? tagSchema.enum.map(String) : [];
}
