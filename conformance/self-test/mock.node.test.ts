/**
 * The whole quick profile holds against the mock in process (its fetch handler, virtual-host
 * Host header). One vitest test per rule; `mock-http.node.test.ts` does the same over HTTP.
 */
import { afterAll } from 'vitest';
import type { NodeMock } from '../../mocks/adapters/node-mock.ts';
import { describeConformance } from '../vitest.ts';
import { SELF_TEST_BUCKET, SELF_TEST_SECOND_BUCKET, quietMock, selfTestSeed } from './support.ts';

const opened: Array<{ close(): Promise<void> }> = [];
afterAll(async () => {
  for (const item of opened.reverse()) await item.close();
});

describeConformance(async () => {
  const mock: NodeMock = await quietMock();
  opened.push(mock);
  return { endpoint: 'http://mock.invalid', ...SELF_TEST_BUCKET, secondBucket: SELF_TEST_SECOND_BUCKET, addressing: 'virtual-host', fetch: (request) => mock.fetch(request) };
}, { name: 'quick profile against the in-process mock', profile: 'quick', seed: selfTestSeed() });
