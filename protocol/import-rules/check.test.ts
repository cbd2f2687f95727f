import { describe, expect, it } from 'vitest';
import { checkImportRules, formatViolations, resolveRelative, type SourceFile } from './check.ts';
import { IMPORT_RULES, isTestPath, type RuleContext } from './rules.ts';

const EXISTING = new Set(['generated/cos-ci.d.ts', 'generated/openapi.bundled.json']);
const context: RuleContext = { builtins: new Set(['fs', 'fs/promises', 'path', 'http', 'crypto', 'stream']), exists: (path) => EXISTING.has(path) };
const check = (path: string, text: string) => checkImportRules([{ path, text }], IMPORT_RULES, context);
const rulesBroken = (path: string, text: string) => check(path, text).map((v) => `${v.rule}:${v.line}`);

describe('protocol-browser-safe / engine-no-node', () => {
  it.each([
    `import { readFile } from 'node:fs';`,
    `import fs from 'fs';`,
    `export * from 'fs/promises';`,
    `import type { Readable } from 'node:stream';`,
    `const c = await import('node:crypto');`,
    `const p = require('path');`,
  ])('flag %s in protocol/ and mocks/engine/', (text) => {
    expect(rulesBroken('protocol/x.ts', text)).toEqual(['protocol-browser-safe:1']);
    expect(rulesBroken('mocks/engine/x.ts', text)).toEqual(['engine-no-node:1']);
  });

  it('allow libraries, relative imports, tests, and Node code elsewhere', () => {
    const text = `import fc from 'fast-check';\nimport { x } from './y.ts';\n// import fs from 'node:fs'\nconst s = "require('fs')";`;
    expect(check('protocol/x.ts', text)).toEqual([]);
    expect(check('protocol/x.test.ts', `import fs from 'node:fs';`)).toEqual([]);
    expect(check('protocol/test-fixtures/harness.ts', `import fs from 'node:fs';`)).toEqual([]);
    expect(check('mocks/processing/x.node.ts', `import fs from 'node:fs';`)).toEqual([]);
  });
});

describe('engine-pure', () => {
  it('flags clocks, timers and randomness, however spelled', () => {
    const text = [
      'const a = Date.now();',
      'const b = new Date();',
      'const c = new Date;',
      'const d = globalThis.setTimeout(run, 5);',
      'setInterval(run, 5);',
      'const e = Math.random();',
      'const f = { setTimeout };',
      'const g = crypto.randomUUID();',
      'const h = performance.now();',
      'const i = Date();',
      'const j = Date.now.bind(Date);',
    ].join('\n');
    expect(check('mocks/engine/x.ts', text).map((v) => `${v.line}:${v.detail}`)).toEqual([
      '1:uses Date.now', '2:uses new Date()', '3:uses new Date()', '4:uses setTimeout', '5:uses setInterval', '6:uses Math.random',
      '7:uses setTimeout', '8:uses crypto.randomUUID', '9:uses performance.now', '10:uses Date()', '11:uses Date.now',
    ]);
  });

  it('allows injected clocks, dates from numbers, and names that only look alike', () => {
    const text = [
      'interface Clock { now(): number; setTimeout(fn: () => void, ms: number): unknown }',
      'const started = new Date(clock.now());',
      'clock.setTimeout(run, 5);',
      'const random = deps.random();',
      'const timers = { setTimeout: clock.setTimeout };',
      '// Date.now() and Math.random() are forbidden here',
      'const note = "setTimeout(Date.now())";',
      'class Scheduler { setInterval(): void {} }',
    ].join('\n');
    expect(check('mocks/engine/x.ts', text)).toEqual([]);
    expect(check('mocks/engine/x.test.ts', 'Date.now();')).toEqual([]);
    expect(check('mocks/http/x.ts', 'Date.now();')).toEqual([]);
  });
});

describe('transport-in-adapters', () => {
  it.each(['msw', 'msw/node', 'node:http', 'http'])('flags %s outside mocks/adapters and bench', (specifier) => {
    const text = `import x from '${specifier}';`;
    expect(rulesBroken('mocks/http/handler.ts', text)).toEqual(['transport-in-adapters:1']);
    expect(rulesBroken('conformance/target.ts', text)).toEqual(['transport-in-adapters:1']);
    expect(check('mocks/adapters/msw.ts', text)).toEqual([]);
    expect(check('bench/raw-node-http.ts', text)).toEqual([]);
  });

  it('does not confuse look-alike packages', () => {
    expect(check('mocks/http/x.ts', `import x from 'mswx'; import y from 'node:https';`)).toEqual([]);
  });
});

describe('conformance-independent', () => {
  it('flags imports from mocks/ anywhere in conformance/ except self-test, tests included', () => {
    const text = `import { createEngine } from '../../mocks/engine/index.ts';`;
    expect(rulesBroken('conformance/rules/submit.ts', text)).toEqual(['conformance-independent:1']);
    expect(rulesBroken('conformance/rules/submit.test.ts', text)).toEqual(['conformance-independent:1']);
    expect(check('conformance/self-test/run.ts', `import { startServer } from '../../mocks/adapters/node-server.ts';`)).toEqual([]);
    expect(check('conformance/rules/submit.ts', `import { sign } from '../../protocol/signing.ts';`)).toEqual([]);
  });
});

describe('generated-exists', () => {
  it('flags a generated/ path that does not exist, from any file, tests included', () => {
    expect(rulesBroken('protocol/x.ts', `import type { paths } from '../generated/nope.d.ts';`)).toEqual(['generated-exists:1']);
    expect(rulesBroken('mocks/http/x.test.ts', `import doc from '../../generated/openapi.bundled.yaml';`)).toEqual(['generated-exists:1']);
  });

  it('accepts files that exist under the spellings TypeScript resolves', () => {
    expect(check('protocol/x.ts', `import type { paths } from '../generated/cos-ci.d.ts';`)).toEqual([]);
    expect(check('protocol/x.ts', `import type { paths } from '../generated/cos-ci.js';`)).toEqual([]);
    expect(check('protocol/x.ts', `import doc from '../generated/openapi.bundled.json' with { type: 'json' };`)).toEqual([]);
  });
});

describe('helpers', () => {
  it('resolve relative specifiers against the importing file', () => {
    expect(resolveRelative('conformance/rules/a.ts', '../../mocks/x.ts')).toBe('mocks/x.ts');
    expect(resolveRelative('protocol/a.ts', './b/c.ts')).toBe('protocol/b/c.ts');
    expect(resolveRelative('protocol/a.ts', 'fast-check')).toBeUndefined();
  });

  it('recognise test paths', () => {
    expect(['a/x.test.ts', 'a/x.node.test.ts', 'a/test-fixtures/h.ts', 'mocks/engine/test-support.ts', 'a/hash-test-support.ts'].every(isTestPath)).toBe(true);
    expect(['a/x.ts', 'a/testing.ts', 'a/contest.ts'].some(isTestPath)).toBe(false);
  });

  it('format one [fileproc] line per violation with the rule, place and advice', () => {
    const files: SourceFile[] = [{ path: 'protocol/x.ts', text: `\nimport fs from 'node:fs';` }];
    expect(formatViolations(checkImportRules(files, IMPORT_RULES, context))).toMatch(/^\[fileproc\] import rule protocol-browser-safe: protocol\/x\.ts:2 imports "node:fs" — protocol\/ runs in browsers/);
  });
});
