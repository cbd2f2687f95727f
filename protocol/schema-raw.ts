/**
 * Helpers over raw JSON Schema objects of a bundled OpenAPI document: `$ref` names and the
 * `allOf` merge the spec conventions allow (object schemas merged property by property).
 */

/** A JSON Schema object as it appears in the bundle. */
export type RawSchema = Record<string, unknown>;

/** Thrown when the document uses a construct the codec cannot map to XML (a spec bug). */
export class FileprocSchemaError extends Error {
  override readonly name = 'FileprocSchemaError';
}

/** Checks that a value is a schema object, naming where it was found if not. */
export function asSchema(value: unknown, where: string): RawSchema {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FileprocSchemaError(`[fileproc] schema at "${where}" is not an object`);
  }
  return value as RawSchema;
}

/** `#/components/schemas/Name` → `Name`; other reference forms are not produced by Redocly bundles. */
export function refName(ref: string): string {
  const prefix = '#/components/schemas/';
  if (!ref.startsWith(prefix)) throw new FileprocSchemaError(`[fileproc] unsupported $ref "${ref}"; expected ${prefix}<Name>`);
  return decodeURIComponent(ref.slice(prefix.length)).replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * Flattens `allOf` (and a lone `$ref` member) into one schema: `properties` merged in order,
 * `required` united, other keywords last-wins. The schema's own keywords come after its members.
 */
export function mergeAllOf(schema: RawSchema, resolve: (ref: string) => RawSchema): RawSchema {
  if (!Array.isArray(schema.allOf)) return schema;
  const { allOf, ...own } = schema;
  const merged: RawSchema = {};
  const parts = (allOf as unknown[]).map((member, i) => {
    const raw = asSchema(member, `allOf[${i}]`);
    const target = typeof raw.$ref === 'string' ? resolve(raw.$ref) : raw;
    return mergeAllOf(target, resolve);
  });
  for (const part of [...parts, own]) {
    for (const [key, value] of Object.entries(part)) {
      if (key === 'properties') merged.properties = { ...(merged.properties as object | undefined), ...(value as object) };
      else if (key === 'required') merged.required = [...new Set([...((merged.required as string[] | undefined) ?? []), ...(value as string[])])];
      else merged[key] = value;
    }
  }
  return merged;
}
