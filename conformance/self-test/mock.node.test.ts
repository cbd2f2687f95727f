/**
 * The whole quick profile holds against the mock: in process (its fetch handler) and over HTTP
 * with virtual-host addressing (the socket transport sets Host), and a few rules with signed
 * requests against a mock that verifies signatures (§6). One vitest test per rule.
 */
import { afterAll } from 'vitest';
import type { NodeMock } from '../../mocks/adapters/node-mock.ts';
import { describeConformance } from '../vitest.ts';
import { SELF_TEST_BUCKET, httpMockTarget, quietMock, selfTestSeed } from './support.ts';

const opened: Array<{ close(): Promise<void> }> = [];
afterAll(async () => {
  for (const item of opened.reverse()) await item.close();
});

describeConformance(async () => {
  const mock: NodeMock = await quietMock();
  opened.push(mock);
  return { endpoint: 'http://mock.invalid', ...SELF_TEST_BUCKET, addressing: 'virtual-host', fetch: (request) => mock.fetch(request) };
}, { name: 'quick profile against the in-process mock', profile: 'quick', seed: selfTestSeed() });

describeConformance(async () => {
  const { target, mock, server } = await httpMockTarget('virtual-host');
  opened.push(mock, server);
  return target;
}, { name: 'quick profile against fileproc serve over HTTP', profile: 'quick', seed: selfTestSeed() });

describeConformance(async () => {
  const { target, mock, server } = await httpMockTarget('path', { auth: true });
  opened.push(mock, server);
  return target;
}, { name: 'signed requests against fileproc serve with keys', only: ['submit-response-shape', 'describe-roundtrip-echo', 'error-body-shape', 'response-request-id'], seed: selfTestSeed() });
