import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonLinesReport } from './report/jsonl.ts';
import { junitReport } from './report/junit.ts';
import { markdownReport } from './report/markdown.ts';
import { consoleReporter } from './report/console.ts';
import type { RuleResult, RunResult } from './results.ts';
import { defineRule, type Rule } from './rule.ts';
import { runConformance, selectRules } from './run.ts';
import type { Target } from './target.ts';

const deleted: string[] = [];
// A target that answers every request 204 and records deletions (cleanup must reach it).
const target: Target = {
  endpoint: 'http://target.invalid', bucket: 'b-1250000000', region: 'ap-guangzhou',
  fetch: async (request) => {
    if (request.method === 'DELETE') deleted.push(new URL(request.url).pathname);
    return new Response(null, { status: 204 });
  },
};

const rule = (id: string, profile: Rule['profile'], run: Rule['run'], extra: Partial<Rule> = {}): Rule =>
  defineRule({ id, title: `title of ${id}`, spec: `spec/x.yaml#${id}`, profile, kind: 'scenario', run, ...extra });

const rules: Rule[] = [
  rule('holds', 'quick', async (ctx) => ctx.cleanup.object(`${ctx.prefix}made.txt`)),
  rule('breaks', 'quick', async (ctx) => ctx.check.equal('<got & "this">', 'wanted', 'the thing')),
  rule('property-breaks', 'full', async (ctx) => {
    const { default: fc } = await import('fast-check');
    await ctx.check.property([fc.integer({ min: 0, max: 1000 })], async (n) => ctx.check.that(n < 10, 'n < 10', `n = ${n}`));
  }),
  rule('needs-auth', 'quick', async () => {}, { needs: ['auth'] }),
  rule('throws', 'full', async () => { throw new Error('boom'); }),
];

describe('selectRules', () => {
  it('quick runs quick rules, full runs all, only picks by id; unknown ids are an error', () => {
    expect(selectRules({ rules }).map((r) => r.id)).toEqual(['holds', 'breaks', 'needs-auth']);
    expect(selectRules({ rules, profile: 'full' })).toHaveLength(5);
    expect(selectRules({ rules, only: ['throws'] }).map((r) => r.id)).toEqual(['throws']);
    expect(() => selectRules({ rules, only: ['nope'] })).toThrow(/\[fileproc\] unknown rule id\(s\): nope/);
  });
});

describe('runConformance', () => {
  const lines: string[] = [];
  let run: RunResult;
  let byId: Record<string, RuleResult>;
  beforeAll(async () => {
    run = await runConformance(target, {
      rules, profile: 'full', seed: 42, runs: 50, skip: [{ rule: 'throws', reason: 'known vendor gap' }], reporter: consoleReporter((line) => lines.push(line)),
    });
    byId = Object.fromEntries(run.results.map((result) => [result.id, result]));
  });

  it('reports pass, fail, skip (with reasons) and cleans up what rules created', () => {
    expect(run.passed).toBe(false);
    expect(Object.fromEntries(run.results.map((r) => [r.id, r.status]))).toEqual({ holds: 'passed', breaks: 'failed', 'property-breaks': 'failed', 'needs-auth': 'skipped', throws: 'skipped' });
    expect(byId['throws']?.reason).toBe('known vendor gap');
    expect(byId['needs-auth']?.reason).toMatch(/credentials/);
    expect(deleted.some((path) => /^\/fpc-[a-z0-9]+\/holds\/made\.txt$/.test(path))).toBe(true);
  });

  it('gives documented vs received, the seed, the replay command and the shrunk counterexample', () => {
    expect(byId['breaks']?.failure).toMatchObject({ documented: 'the thing = "wanted"', received: 'the thing = "<got & \\"this\\">"' });
    expect(byId['property-breaks']?.failure?.counterexample).toMatchObject({ value: [10], seed: 42 });
    expect(byId['breaks']?.replay).toContain('--only breaks --seed 42');
    expect(lines).toContain('▶ holds …');
    expect(lines.join('\n')).toMatch(/✗ breaks — title of breaks\n\s+spec:\s+spec\/x.yaml#breaks\n\s+documented:/);
  });

  it('writes well-formed JUnit XML, one JSON line per rule and a Markdown table with anchors', () => {
    const junit = junitReport(run);
    expect(XMLValidator.validate(junit)).toBe(true);
    expect(junit).toContain('<testsuites tests="5" failures="2" skipped="2"');
    const records = jsonLinesReport(run).trim().split('\n').map((line) => JSON.parse(line));
    expect(records.map((record) => [record.id, record.status, record.seed])).toEqual(run.results.map((r) => [r.id, r.status, 42]));
    expect(records.find((record) => record.id === 'property-breaks').counterexample.value).toEqual([10]);
    expect(markdownReport(run)).toContain('| [breaks](conformance/README.md#breaks) | ❌ fail |');
  });
});

describe('runConformance interrupted', () => {
  it('abandons the running rule, cleans up its objects, skips the rest and marks the run interrupted', async () => {
    deleted.length = 0;
    const interrupt = new AbortController();
    const hanging = rule('hangs', 'quick', async (ctx) => {
      ctx.cleanup.object(`${ctx.prefix}partial.txt`);
      interrupt.abort();
      await new Promise(() => {});
    });
    const run = await runConformance(target, { rules: [hanging, rules[0] as Rule], seed: 1, signal: interrupt.signal });
    expect(run.interrupted).toBe(true);
    expect(run.results.map((result) => [result.id, result.status, result.reason])).toEqual([
      ['hangs', 'skipped', 'run interrupted during this rule (its objects were cleaned up)'],
      ['holds', 'skipped', 'run interrupted before this rule'],
    ]);
    expect(deleted.some((path) => path.endsWith('/hangs/partial.txt'))).toBe(true);
    expect(markdownReport(run)).toContain('**Interrupted (incomplete): 0 passed, 0 failed, 2 skipped**');
    expect(junitReport(run)).toContain('<property name="interrupted" value="true"/>');
  });
});
