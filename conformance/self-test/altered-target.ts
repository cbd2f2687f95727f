/**
 * Deliberately broken targets for the "each rule can fail" tests of the job, lifecycle, list,
 * callback and negative rules: the mock with its requests or answers altered on the way (one
 * realistic defect at a time), or its callback deliveries altered before the rules read them.
 */
import { expect } from 'vitest';
import type { NodeMock } from '../../mocks/adapters/node-mock.ts';
import type { Transport } from '../../protocol/client.ts';
import type { CallbackReceiver, ReceivedCallback } from '../receiver.ts';
import { startReceiver } from '../receiver.node.ts';
import type { RuleResult } from '../results.ts';
import { runConformance } from '../run.ts';
import { SELF_TEST_BUCKET, SELF_TEST_CREDENTIALS } from './support.ts';

/** Sits between the suite and the mock: may change the request, the answer, or both. */
export type Alteration = (request: Request, forward: (request: Request) => Promise<Response>) => Promise<Response>;

/** The answer with its body text edited (Content-Length kept right). */
export async function editBody(response: Response, edit: (text: string) => string): Promise<Response> {
  const text = edit(await response.text());
  const headers = new Headers(response.headers);
  headers.set('content-length', String(new TextEncoder().encode(text).byteLength));
  return new Response([204, 304].includes(response.status) ? null : text, { status: response.status, headers });
}

/** The request with its URL and/or body text replaced (method and headers kept). */
export async function editRequest(request: Request, change: { url?: (url: URL) => URL; body?: (text: string) => string }): Promise<Request> {
  const url = change.url ? change.url(new URL(request.url)).href : request.url;
  const text = ['GET', 'HEAD'].includes(request.method) ? undefined : await request.text();
  const body = text !== undefined && change.body ? change.body(text) : text;
  const headers = new Headers(request.headers);
  headers.delete('content-length');
  return new Request(url, { method: request.method, headers, ...(body !== undefined ? { body } : {}) });
}

/** A receiver whose deliveries are edited before rules see them. */
export function editedReceiver(inner: CallbackReceiver, edit: (callback: ReceivedCallback) => ReceivedCallback[]): CallbackReceiver {
  const all = async () => (await inner.received()).flatMap(edit);
  return {
    url: inner.url,
    received: all,
    async waitFor(predicate, timeoutMs) {
      await inner.waitFor((callback) => edit(callback).some(predicate), timeoutMs);
      return (await all()).find(predicate) as ReceivedCallback;
    },
    close: () => inner.close(),
  };
}

/** Options of one altered run. */
export interface AlteredRun { alter?: Alteration; editCallbacks?: (callback: ReceivedCallback) => ReceivedCallback[]; credentials?: boolean; runs?: number }

/** Runs `ruleId` against `mock` altered as given and asserts it fails; returns its result. */
export async function expectRuleFails(mock: NodeMock, ruleId: string, options: AlteredRun): Promise<RuleResult> {
  const alter = options.alter ?? ((request, forward) => forward(request));
  const fetch: Transport = (request) => alter(request, (changed) => mock.fetch(changed));
  const inner = options.editCallbacks ? await startReceiver() : undefined;
  const receiver = inner && options.editCallbacks ? editedReceiver(inner, options.editCallbacks) : undefined;
  try {
    const run = await runConformance(
      { endpoint: 'http://mock.invalid', ...SELF_TEST_BUCKET, fetch, jobTimeoutMs: 5_000, ...(options.credentials ? { credentials: { ...SELF_TEST_CREDENTIALS } } : {}) },
      { only: [ruleId], seed: 11, runs: options.runs ?? 5, ...(receiver ? { receiver } : {}) },
    );
    const [result] = run.results;
    expect(result?.status, `${ruleId} on the altered target: ${JSON.stringify(result?.failure ?? result?.reason)}`).toBe('failed');
    return result as RuleResult;
  } finally {
    await inner?.close();
  }
}
