/**
 * Proof of power: for every named fault of the mock (`mocks/faults/README.md`), the suite run
 * against the mock with that one fault on fails, and every rule the catalogue names for the fault
 * is among the failures, by a documented-vs-received violation. Each fault runs only the rules the
 * catalogue maps to it (the other rules are judged fault-free by `mock.node.test.ts`), in
 * parallel, on a fresh mock with fast job timing.
 */
import { describe, expect, it } from 'vitest';
import { createNodeMock } from '../../mocks/adapters/node-mock.ts';
import { FAULTS, type FaultInfo } from '../../mocks/faults/catalogue.ts';
import { runConformanceNode } from '../node.ts';
import { RULES } from '../rules/index.ts';
import { SELF_TEST_BUCKET, SELF_TEST_SECOND_BUCKET, selfTestSeed } from './support.ts';

const registered = new Set(RULES.map((rule) => rule.id));

/** Jobs finish in tens of ms instead of hundreds, with enough Progress steps to be observed. */
const FAST_TIMING = { startLatencyMs: [20, 40] as [number, number], baseDurationMs: { FileHashCode: 150, FileUncompress: 200, FileCompress: 200 }, perKeyMs: 2 };

/**
 * The mock's default timing for faults that need a job observed mid-run (Progress seen at 70 % and
 * then at 35 % takes several 40 ms polls within one run).
 */
const timingFor = (fault: FaultInfo) => (fault.name === 'progress-decreases' ? {} : { timing: FAST_TIMING });

async function runWithFault(fault: FaultInfo, only: string[]) {
  const mock = await createNodeMock({ ...SELF_TEST_BUCKET, faults: [fault.name], ...timingFor(fault), log: () => undefined });
  try {
    return await runConformanceNode(
      { endpoint: 'http://mock.invalid', ...SELF_TEST_BUCKET, secondBucket: SELF_TEST_SECOND_BUCKET, addressing: 'virtual-host', fetch: (request) => mock.fetch(request) },
      { only, profile: 'quick', seed: selfTestSeed(), runs: 5, noProbe: true },
    );
  } finally {
    await mock.close();
  }
}

it('every rule the catalogue names is a registered rule (a renamed rule must not leave a fault unchecked)', () => {
  const missing = FAULTS.flatMap((fault) => fault.rules.filter((id) => !registered.has(id)).map((id) => `${fault.name} → ${id}`));
  expect(missing).toEqual([]);
});

describe.concurrent('every named fault is caught by the rules named for it', () => {
  for (const fault of FAULTS) {
    it(`${fault.name} (${fault.layer}) fails ${fault.rules.join(' and ')}`, async () => {
      const only = fault.rules.filter((id) => registered.has(id));
      const run = await runWithFault(fault, only);
      const summary = JSON.stringify(run.results.map((r) => [r.id, r.status, r.failure?.received]));
      expect(run.passed).toBe(false);
      for (const ruleId of fault.rules) {
        const failure = run.results.find((result) => result.id === ruleId)?.failure;
        expect(failure, `fault ${fault.name}: ${ruleId} must fail; results ${summary}`).toBeDefined();
        // Caught by a documented-vs-received violation, not by a timeout or an interrupted property.
        expect(failure?.documented, `${ruleId}: ${JSON.stringify(failure)}`).not.toBe('the property to hold');
        expect(failure?.received).not.toMatch(/did not finish within/);
      }
    }, 120_000);
  }
});
