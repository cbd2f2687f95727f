import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// ARCHITECTURE.md: mocks/engine is pure — no I/O, no host timers, no host clock, no randomness.
const FORBIDDEN: [RegExp, string][] = [
  [/from\s+['"]node:/, 'node:* import'],
  [/\bDate\.now\s*\(/, 'Date.now()'],
  [/new Date\(\s*\)/, 'new Date() without an argument'],
  [/\bMath\.random\s*\(/, 'Math.random()'],
  [/\b(setTimeout|setInterval|setImmediate|queueMicrotask)\s*\(/, 'host timers'],
  [/\b(fetch|XMLHttpRequest|process\.)/, 'I/O or process access'],
  [/from\s+['"](?!\.{1,2}\/)/, 'a package import (the engine needs none)'],
];

describe('mocks/engine purity', () => {
  const dir = new URL('.', import.meta.url).pathname;
  const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'test-support.ts');

  it('has sources to check', () => {
    expect(sources.length).toBeGreaterThan(10);
  });

  for (const file of sources) {
    it(`${file} uses nothing impure`, () => {
      const text = readFileSync(join(dir, file), 'utf8').split('\n').filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line)).join('\n');
      for (const [pattern, what] of FORBIDDEN) expect(pattern.test(text), `${file}: ${what}`).toBe(false);
    });
  }
});
