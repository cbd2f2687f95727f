/**
 * The runner reports real failures: the mock's answers are altered on the way back (one realistic
 * defect each) and the rule named for that defect must fail with documented vs received, the seed,
 * a replay command and — for properties — the shrunk counterexample. (Engine-level faults and their
 * 100 % catch rate are the fault self-test's job.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeMock } from '../../mocks/adapters/node-mock.ts';
import type { Transport } from '../../protocol/client.ts';
import type { RuleResult } from '../results.ts';
import { runConformance } from '../run.ts';
import { SELF_TEST_BUCKET, quietMock } from './support.ts';

let mock: NodeMock;
beforeAll(async () => {
  mock = await quietMock();
});
afterAll(() => mock.close());

async function rewriteBody(response: Response, edit: (text: string) => string): Promise<Response> {
  const text = edit(await response.text());
  const headers = new Headers(response.headers);
  headers.set('content-length', String(new TextEncoder().encode(text).byteLength));
  return new Response(text, { status: response.status, headers });
}

async function runWith(tamper: (request: Request, response: Response) => Promise<Response>, only: string[]): Promise<RuleResult[]> {
  const fetch: Transport = async (request) => tamper(request, await mock.fetch(request.clone()));
  const run = await runConformance({ endpoint: 'http://mock.invalid', ...SELF_TEST_BUCKET, fetch }, { only, seed: 7, runs: 5 });
  expect(run.passed).toBe(false);
  return run.results;
}

describe('rules fail on tampered answers', () => {
  it('a missing x-ci-request-id fails response-request-id (and not the unrelated schema rule)', async () => {
    const results = await runWith(async (_request, response) => {
      const headers = new Headers(response.headers);
      headers.delete('x-ci-request-id');
      const body = [204, 304].includes(response.status) ? null : await response.arrayBuffer();
      return new Response(body, { status: response.status, headers });
    }, ['response-request-id', 'response-body-schema']);
    const byId = Object.fromEntries(results.map((result) => [result.id, result]));
    expect(byId['response-request-id']?.status).toBe('failed');
    expect(byId['response-request-id']?.failure?.documented).toContain('x-ci-request-id');
    expect(byId['response-body-schema']?.status).toBe('passed');
  });

  it('UserData altered in describe fails describe-roundtrip-echo with a shrunk counterexample and replay', async () => {
    const [result] = await runWith(async (request, response) => (request.method === 'GET' && /\/jobs\/f/.test(request.url)
      ? rewriteBody(response, (text) => text.replace(/<UserData>([^<]{3})/, '<UserData>$1!'))
      : response), ['describe-roundtrip-echo']);
    expect(result?.status).toBe('failed');
    expect(result?.failure?.received).toContain('UserData');
    const counterexample = result?.failure?.counterexample as { value: [string, string] } | undefined;
    // Shrinking reaches the shortest UserData the tamper touches: three characters.
    expect(counterexample?.value[0]).toHaveLength(3);
    expect(result?.replay).toContain('--only describe-roundtrip-echo --seed 7');
  });

  it('a 500 for malformed XML fails malformed-xml-400', async () => {
    const [result] = await runWith(async (_request, response) => (response.status === 400
      ? rewriteBody(new Response(await response.text(), { status: 500, headers: response.headers }), (text) => text.replace('MalformedXML', 'InternalError'))
      : response), ['malformed-xml-400']);
    expect(result?.status).toBe('failed');
    expect(result?.failure?.received).toContain('HTTP 500');
  });
});
