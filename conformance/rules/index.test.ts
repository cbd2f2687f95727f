import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from './index.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const ruleFiles = readdirSync(here).filter((name) => name.endsWith('.ts') && name !== 'index.ts' && !name.includes('.test.'));
const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');

describe('the rule index', () => {
  it('lists every rule file exactly once, and each id is its file name', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ruleFiles.map((name) => name.replace(/\.ts$/, '')).sort());
  });

  it('gives every rule a README anchor section, a spec pointer and a kebab-case id', () => {
    const anchors = new Set([...readme.matchAll(/^###? ([a-z0-9-]+)\s*$/gm)].map((match) => match[1]));
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(anchors.has(rule.id), `README section for ${rule.id}`).toBe(true);
      expect(rule.spec).toMatch(/spec\/|ref §/);
    }
  });
});
