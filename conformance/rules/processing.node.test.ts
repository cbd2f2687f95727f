import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breakRequests, startHarness, type Harness } from '../archives/mock-harness.node.ts';
import type { RunResult } from '../results.ts';
import compressTarMembers from './compress-tar-members.ts';
import compressTargzMembers from './compress-targz-members.ts';
import compressZipMembers from './compress-zip-members.ts';

// Each processing rule holds against the mock and fails when the behaviour it judges is broken
// (a transport that corrupts exactly that behaviour stands in for a faulty vendor).
let harness: Harness;
beforeAll(async () => { harness = await startHarness(); });
afterAll(async () => { await harness.close(); });

const statuses = (run: RunResult) => Object.fromEntries(run.results.map((result) => [result.id, result.status]));
const failures = (run: RunResult) => run.results.filter((result) => result.status === 'failed').map((result) => `${result.id}: ${JSON.stringify(result.failure).slice(0, 600)}`);
const isPut = (pattern: RegExp) => (request: Request) => request.method === 'PUT' && pattern.test(decodeURIComponent(new URL(request.url).pathname));
/** Appends one byte to an uploaded body: the stored source no longer equals what the suite meant. */
const appendByte = async (request: Request) => new Request(request, { body: new Uint8Array([...new Uint8Array(await request.arrayBuffer()), 0x21]) });

describe('compress members rules', () => {
  const rules = [compressZipMembers, compressTarMembers, compressTargzMembers];
  it('hold against the mock', async () => {
    const run = await harness.run(rules);
    expect(failures(run)).toEqual([]);
    expect(Object.values(statuses(run))).toEqual(['passed', 'passed', 'passed']);
  });
  it('fail when member bytes differ from the sources', async () => {
    const run = await harness.run(rules, breakRequests(isPut(/\/src\d+\//), appendByte));
    expect(Object.values(statuses(run))).toEqual(['failed', 'failed', 'failed']);
  });
});
