import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENGINE_FAULTS } from '../engine/faults.ts';
import { FAULTS, faultInfo } from './catalogue.ts';

describe('fault catalogue', () => {
  it('has at least 25 uniquely named faults, each mapped to a rule and a reference section', () => {
    expect(FAULTS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(FAULTS.map((f) => f.name)).size).toBe(FAULTS.length);
    for (const fault of FAULTS) {
      expect(fault.rules.length, fault.name).toBeGreaterThan(0);
      expect(fault.ref, fault.name).toMatch(/§/);
    }
  });

  it('includes every engine fault as an engine-layer entry', () => {
    expect(FAULTS.filter((f) => f.layer === 'engine').map((f) => f.name).sort()).toEqual([...ENGINE_FAULTS].sort());
  });

  it('README lists every fault with its layer and rules', () => {
    const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
    for (const fault of FAULTS) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${fault.name}\` |`));
      expect(row, fault.name).toBeDefined();
      expect(row).toContain(`| ${fault.layer} |`);
      for (const rule of fault.rules) expect(row).toContain(`#${rule})`);
    }
  });

  it('rejects unknown names', () => {
    expect(() => faultInfo('no-such-fault')).toThrow(/\[fileproc\] unknown fault "no-such-fault"/);
  });
});
