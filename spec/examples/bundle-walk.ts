/**
 * Helpers for tests over the bundled documents in generated/: loading a bundle and finding every
 * media type that references an Example Object, with the schema names that media type allows.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A bundled OpenAPI document as JSON. */
export type Bundle = Record<string, unknown> & { components: Record<string, Record<string, unknown>> };

/** Reads generated/<api>.bundled.json. */
export function loadBundle(api: 'cos-ci' | 'jdcloud'): Bundle {
  return JSON.parse(readFileSync(resolve(import.meta.dirname, '../../generated', `${api}.bundled.json`), 'utf8')) as Bundle;
}

/** One `examples` entry of a media type: the example's component name and the schemas it may match. */
export interface ExampleUse { example: string; schemas: string[]; where: string }

const schemaPrefix = '#/components/schemas/';
const examplePrefix = '#/components/examples/';

/** Component schema names a media-type schema allows: its `$ref`, or the `$ref`s of its `oneOf`. */
function schemaNames(schema: unknown, bundle: Bundle): string[] {
  const node = resolveRef(schema, bundle) as { $ref?: string; oneOf?: unknown[] } | undefined;
  if (typeof (schema as { $ref?: unknown })?.$ref === 'string') return [((schema as { $ref: string }).$ref).slice(schemaPrefix.length)];
  return (node?.oneOf ?? []).flatMap((option) => schemaNames(option, bundle));
}

/** Follows a `#/components/<kind>/<name>` reference inside the bundle (one level). */
export function resolveRef(value: unknown, bundle: Bundle): unknown {
  const ref = (value as { $ref?: unknown } | null)?.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/components/')) return value;
  const [kind, name] = ref.slice('#/components/'.length).split('/');
  return bundle.components[kind ?? '']?.[decodeURIComponent(name ?? '')];
}

/** Every media type (in paths, webhooks, callbacks and components) that lists examples. */
export function exampleUses(bundle: Bundle): ExampleUse[] {
  const uses: ExampleUse[] = [];
  const visit = (value: unknown, where: string): void => {
    if (typeof value !== 'object' || value === null) return;
    const media = value as { schema?: unknown; examples?: Record<string, { $ref?: string }> };
    if (media.schema !== undefined && media.examples && typeof media.examples === 'object') {
      for (const entry of Object.values(media.examples)) {
        if (typeof entry.$ref === 'string' && entry.$ref.startsWith(examplePrefix)) {
          uses.push({ example: entry.$ref.slice(examplePrefix.length), schemas: schemaNames(media.schema, bundle), where });
        }
      }
    }
    for (const [key, child] of Object.entries(value)) visit(child, `${where}/${key}`);
  };
  visit(bundle, '#');
  return uses;
}
