import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleUses, loadBundle, type Bundle } from './bundle-walk.ts';
import { exampleName, exampleObjects, exampleValue, examplesDir, readManifest, specPath } from './manifest.ts';

const manifest = readManifest();
const bundles: Record<'cos-ci' | 'jdcloud', Bundle> = { 'cos-ci': loadBundle('cos-ci'), jdcloud: loadBundle('jdcloud') };

function bodyFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? bodyFiles(join(dir, entry.name)) : /\.(xml|json)$/.test(entry.name) ? [relative(examplesDir, join(dir, entry.name))] : []);
}

describe('spec/examples/manifest.yaml', () => {
  it('lists every body file exactly once, and only files that exist', () => {
    const listed = manifest.map((entry) => entry.file);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(bodyFiles(examplesDir).sort());
  });

  it('keeps invalid bodies under invalid/ with a named defect and an expected error, valid ones outside', () => {
    for (const entry of manifest) {
      expect(entry.file.startsWith('invalid/'), entry.file).toBe(!entry.valid);
      expect(Boolean(entry.defect && entry.expectError), entry.file).toBe(!entry.valid);
      expect(entry.source, entry.file).toBeTruthy();
    }
  });

  it('names a component schema that exists in the bundle of its api', () => {
    for (const entry of manifest) {
      expect(Object.keys(bundles[entry.api].components.schemas ?? {}), entry.file).toContain(entry.schema);
    }
  });

  it('derives Example Objects that match the body files (run sync-examples.ts after editing a body)', () => {
    const expected = exampleObjects(manifest);
    for (const [path, content] of expected) expect(readFileSync(specPath(path), 'utf8'), path).toBe(content);
    for (const api of ['cos-ci', 'jdcloud']) {
      const dir = specPath(join(api, 'components', 'examples'));
      const present = existsSync(dir) ? readdirSync(dir).map((name) => join(api, 'components', 'examples', name)) : [];
      expect(present.filter((path) => !expected.has(path)), `stale Example Objects in ${dir}`).toEqual([]);
    }
  });
});

describe('examples in the bundled documents', () => {
  it('references every valid body from an operation whose schema matches the manifest, with the body as value', () => {
    for (const entry of manifest.filter((e) => e.valid)) {
      const bundle = bundles[entry.api];
      const name = exampleName(entry.file);
      const uses = exampleUses(bundle).filter((use) => use.example === name);
      expect(uses.length, `${name} is not referenced by any operation`).toBeGreaterThan(0);
      for (const use of uses) expect(use.schemas, `${name} at ${use.where}`).toContain(entry.schema);
      const object = bundle.components.examples?.[name] as { value?: unknown } | undefined;
      expect(object?.value).toEqual(exampleValue(entry));
    }
  });

  it('never offers an invalid body as an example', () => {
    const invalid = new Set(manifest.filter((e) => !e.valid).map((e) => exampleName(e.file)));
    for (const bundle of Object.values(bundles)) {
      expect(exampleUses(bundle).filter((use) => invalid.has(use.example))).toEqual([]);
    }
  });
});
