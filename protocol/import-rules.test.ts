import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkImportRules, formatViolations, type SourceFile } from './import-rules/check.ts';
import { IMPORT_RULES, type RuleContext } from './import-rules/rules.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Fixed top level (ARCHITECTURE.md); folders that do not exist yet are skipped.
const SCANNED = ['spec', 'generated', 'protocol', 'mocks', 'conformance', 'bench'];
const SOURCE = /\.(?:[cm]?[jt]s|tsx)$/;
const SKIPPED_DIRS = new Set(['node_modules', '.out', '.bench-data']);

function* sourceFiles(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name)) yield* sourceFiles(path);
    else if (entry.isFile() && SOURCE.test(entry.name)) yield path;
  }
}

const context: RuleContext = {
  builtins: new Set(builtinModules),
  exists: (path) => existsSync(join(root, path)),
};

describe('import rules (ARCHITECTURE.md) hold for the repository', () => {
  const files: SourceFile[] = SCANNED.flatMap((top) => [...sourceFiles(join(root, top))]).map((path) => ({
    path: relative(root, path).split(sep).join('/'),
    text: readFileSync(path, 'utf8'),
  }));

  it('scans the real tree (this file included)', () => {
    expect(files.map((file) => file.path)).toContain('protocol/import-rules.test.ts');
  });

  it('finds no violation', () => {
    expect(formatViolations(checkImportRules(files, IMPORT_RULES, context))).toBe('');
  });
});
