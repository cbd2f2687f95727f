/**
 * Each callback and negative-input rule not covered by the mock's fault catalogue fails on a
 * target with one realistic defect: callback deliveries altered before the rules read them, or
 * requests/answers altered between the suite and the mock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeMock } from '../../mocks/adapters/node-mock.ts';
import type { ReceivedCallback } from '../receiver.ts';
import { editBody, editRequest, expectRuleFails, type AlteredRun } from './altered-target.ts';
import { runConformance } from '../run.ts';
import { transportFor } from '../node.ts';
import { httpMockTarget, quietMock, selfTestSeed } from './support.ts';

let mock: NodeMock;
beforeAll(async () => {
  mock = await quietMock();
});
afterAll(() => mock.close());

const body = (edit: (text: string) => string) => (callback: ReceivedCallback) => [{ ...callback, body: edit(callback.body) }];

/** Submit bodies edited before the mock sees them (a target that "repairs" invalid input). */
const submitBodies = (edit: (text: string) => string): AlteredRun['alter'] => async (request, forward) =>
  forward(request.method === 'POST' && /\/(file_)?jobs$/.test(new URL(request.url).pathname) ? await editRequest(request, { body: edit }) : request);

describe('callback and negative-input rules fail on a broken target', () => {
  const cases: Array<[string, string, AlteredRun, string]> = [
    ['callback-json-format', 'JSON callbacks wrapped in Response', { editCallbacks: body((text) => (text.startsWith('{') ? `{"Response":${text}}` : text)) }, 'Response'],
    ['callback-matches-describe', 'callbacks report another State than describe', { editCallbacks: body((text) => text.replace('<State>Success</State>', '<State>Failed</State>').replace('"State":"Success"', '"State":"Failed"')) }, 'State'],
    ['callback-xml-format', 'EventName misspelt', { editCallbacks: body((text) => text.replace('<EventName>TaskFinish<', '<EventName>TaskFinished<')) }, 'EventName'],
    ['negative-userdata-too-long', 'over-long UserData cut to 1024 and accepted', { alter: submitBodies((text) => text.replace(/<UserData>([^<]*)<\/UserData>/, (_m, data: string) => `<UserData>${data.replace(/[^\x20-\x7e]/g, '').slice(0, 1024) || 'x'}</UserData>`)) }, 'HTTP 400'],
    ['negative-too-many-keys', 'Key elements beyond 1000 dropped and accepted', { alter: submitBodies((text) => {
      let seen = 0;
      return text.replace(/<Key>[^<]*<\/Key>/g, (element) => (++seen > 1000 ? '' : element)).replace(/<KeyConfig>(?:(?!<\/KeyConfig>)[\s\S])*<\/KeyConfig>/g, (element) => (++seen > 1000 ? '' : element));
    }) }, 'HTTP 400'],
    ['negative-unknown-job-id', 'unknown ids in a cancel ignored (200)', { alter: async (request, forward) => {
      const response = await forward(request);
      return request.method === 'PUT' && response.status === 404 ? editBody(new Response(null, { status: 200, headers: { 'x-ci-request-id': response.headers.get('x-ci-request-id') ?? 'r' } }), () => '') : response;
    } }, 'NoSuchJob'],
    ['negative-bad-signature', 'signatures not verified', { credentials: true }, '403'],
  ];
  for (const [ruleId, defect, run, mentioned] of cases) {
    it(`${ruleId} fails when ${defect}`, async () => {
      const result = await expectRuleFails(mock, ruleId, run);
      expect(`${result.failure?.documented} ${result.failure?.received}`).toContain(mentioned);
    }, 60_000);
  }
});

describe('negative-bad-signature against a target that verifies signatures', () => {
  it('holds: tampered and expired signatures are refused with the documented codes', async () => {
    const { target, mock: signed, server } = await httpMockTarget('path', { auth: true });
    try {
      const run = await runConformance(target, { only: ['negative-bad-signature'], seed: selfTestSeed(), runs: 8, transport: transportFor(target) });
      expect(run.results[0]?.status, JSON.stringify(run.results[0]?.failure)).toBe('passed');
    } finally {
      await server.close();
      await signed.close();
    }
  }, 60_000);
});
