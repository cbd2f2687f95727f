/**
 * The whole quick profile holds against `fileproc serve`'s server over HTTP with virtual-host
 * addressing (the socket transport sets Host), and a few rules with signed requests against a mock
 * that verifies signatures (§6). One vitest test per rule.
 */
import { afterAll } from 'vitest';
import { describeConformance } from '../vitest.ts';
import { httpMockTarget, selfTestSeed } from './support.ts';

const opened: Array<{ close(): Promise<void> }> = [];
afterAll(async () => {
  for (const item of opened.reverse()) await item.close();
});

describeConformance(async () => {
  const { target, mock, server } = await httpMockTarget('virtual-host');
  opened.push(mock, server);
  return target;
}, { name: 'quick profile against fileproc serve over HTTP', profile: 'quick', seed: selfTestSeed() });

describeConformance(async () => {
  const { target, mock, server } = await httpMockTarget('path', { auth: true });
  opened.push(mock, server);
  return target;
}, { name: 'signed requests against fileproc serve with keys', only: ['negative-bad-signature', 'submit-response-shape', 'describe-roundtrip-echo', 'error-body-shape', 'response-request-id'], seed: selfTestSeed() });
