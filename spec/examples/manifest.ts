/**
 * Reads `spec/examples/manifest.yaml` (one entry per example body) and derives the OpenAPI Example
 * Objects that operations reference (`spec/<api>/components/examples/<name>.yaml`). The body files
 * stay the single source: Redocly does not resolve `$ref` inside `value`, so the body (XML text,
 * parsed JSON) is copied into the Example Object by `sync-examples.ts`; a test fails when they drift.
 */
import { readFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';

/** One manifest entry; field meanings are documented at the top of manifest.yaml. */
export interface ManifestEntry {
  file: string;
  api: 'cos-ci' | 'jdcloud';
  schema: string;
  valid: boolean;
  defect?: string;
  expectError?: string;
  coerceLeaves?: boolean;
  source: string;
  note?: string;
}

/** `spec/examples/`, where the bodies and the manifest live. */
export const examplesDir = resolve(import.meta.dirname);
const specDir = resolve(examplesDir, '..');

/** The parsed manifest, in file order. */
export function readManifest(): ManifestEntry[] {
  const entries = parse(readFileSync(join(examplesDir, 'manifest.yaml'), 'utf8')) as unknown;
  if (!Array.isArray(entries)) throw new Error('[fileproc] spec/examples/manifest.yaml must be a YAML list of entries');
  return entries as ManifestEntry[];
}

/** The Example Object name of a body file: its base name without extension, e.g. `F2-compress-submit-request`. */
export function exampleName(file: string): string {
  return basename(file, extname(file));
}

/** Path (relative to spec/) of the Example Object file derived from a valid entry. */
export function exampleObjectPath(entry: ManifestEntry): string {
  return join(entry.api, 'components', 'examples', `${exampleName(entry.file)}.yaml`);
}

/** Every Example Object file spec/ should contain, as relative path → YAML text. */
export function exampleObjects(entries: ManifestEntry[] = readManifest()): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of entries.filter((e) => e.valid)) {
    const value = exampleValue(entry);
    const description = [`Body file: spec/examples/${entry.file}. Source: ${entry.source}.`, entry.note && `Note: ${entry.note}`].filter(Boolean).join(' ');
    const object = { summary: `${entry.schema} — ${exampleName(entry.file)}`, description, value };
    const header = `# Derived from spec/examples/${entry.file} by spec/examples/sync-examples.ts; edit the body file, not this one.\n`;
    out.set(exampleObjectPath(entry), header + stringify(object, { lineWidth: 0 }));
  }
  return out;
}

/**
 * The Example Object `value` of a body: XML as its literal text (Prism serves it verbatim), JSON as
 * the parsed value so JSON tools see an object, not a string holding JSON.
 */
export function exampleValue(entry: ManifestEntry): unknown {
  const text = readFileSync(join(examplesDir, entry.file), 'utf8');
  return extname(entry.file) === '.json' ? (JSON.parse(text) as unknown) : text;
}

/** Absolute path of a file under spec/. */
export function specPath(relative: string): string {
  return join(specDir, relative);
}
