/**
 * Test-only harness of the processing rules: runs chosen rules in-process against the Node mock,
 * optionally through a deliberately broken transport, so each rule is shown to pass on a correct
 * target and to fail when the behaviour it judges is broken. (Test support: may import `mocks/`.)
 */
import { createNodeMock, type NodeMock } from '../../mocks/adapters/node-mock.ts';
import type { Transport } from '../../protocol/client.ts';
import type { CallbackReceiver } from '../receiver.ts';
import { startReceiver } from '../receiver.node.ts';
import type { RunResult } from '../results.ts';
import { runConformance } from '../run.ts';
import type { Rule } from '../rule.ts';

/** A running mock plus receiver, and a way to run rules against it. */
export interface Harness {
  mock: NodeMock;
  receiver: CallbackReceiver;
  /** Runs `rules` through `wrap(mock.fetch)` (identity by default) with `runs` per property (default 3). */
  run(rules: readonly Rule[], wrap?: (inner: Transport) => Transport, runs?: number): Promise<RunResult>;
  close(): Promise<void>;
}

/** Starts the Node mock with fast job timing and a local callback receiver. */
export async function startHarness(seed = 11): Promise<Harness> {
  const mock = await createNodeMock({ seed, log: () => {} });
  mock.admin.configureTiming({ startLatencyMs: [0, 5], baseDurationMs: { FileHashCode: 10, FileCompress: 10, FileUncompress: 10 }, jitter: 0, jdStartLatencyMs: 0 });
  const receiver = await startReceiver();
  const fc = process.env.FC_SEED ? Number(process.env.FC_SEED) : seed;
  return {
    mock, receiver,
    run: (rules, wrap = (inner) => inner, runs = 3) => runConformance(
      { endpoint: 'http://127.0.0.1', bucket: 'test-1250000000', region: 'ap-guangzhou', fetch: wrap((request) => mock.fetch(request)) },
      { rules, only: rules.map((rule) => rule.id), seed: fc, runs, receiver },
    ),
    async close() {
      await receiver.close();
      await mock.close();
    },
  };
}

/** A transport that rewrites the response of requests matching `when` (the original stays untouched otherwise). */
export function breakResponses(when: (request: Request) => boolean, rewrite: (response: Response, request: Request) => Promise<Response>): (inner: Transport) => Transport {
  return (inner) => async (request) => {
    const matches = when(request);
    const response = await inner(request);
    return matches ? rewrite(response, request) : response;
  };
}

/** A transport that rewrites matching requests before the target sees them (e.g. a corrupted upload). */
export function breakRequests(when: (request: Request) => boolean, rewrite: (request: Request) => Promise<Request>): (inner: Transport) => Transport {
  return (inner) => async (request) => inner(when(request) ? await rewrite(request) : request);
}

const pathOf = (request: Request) => decodeURIComponent(new URL(request.url).pathname);

/** Requests that PUT an object whose key matches `pattern`. */
export const isPut = (pattern: RegExp) => (request: Request) => request.method === 'PUT' && pattern.test(pathOf(request));

/** Rewrites the text body of matching requests: a target that misreads the request. */
export function rewriteBody(when: (request: Request) => boolean, pattern: RegExp, replacement: string): (inner: Transport) => Transport {
  return breakRequests(when, async (request) => new Request(request, { body: (await request.text()).replace(pattern, replacement) }));
}

/** Rewrites the XML of job submits (`POST /jobs`, `/file_jobs`). */
export function rewriteSubmit(pattern: RegExp, replacement: string): (inner: Transport) => Transport {
  return rewriteBody((request) => request.method === 'POST' && /^\/(file_)?jobs$/.test(pathOf(request)), pattern, replacement);
}

/** Requests of JD Compress Object (`POST /{Key}?compress`). */
export const isJdCompress = (request: Request) => request.method === 'POST' && new URL(request.url).search === '?compress';

/** Rewrites the text of matching responses (status and headers kept): a target that reports wrongly. */
export function rewriteResponse(when: (request: Request) => boolean, pattern: RegExp, replacement: string): (inner: Transport) => Transport {
  return breakResponses(when, async (response) => {
    const headers = new Headers(response.headers);
    const body = new TextEncoder().encode((await response.text()).replace(pattern, replacement));
    if (headers.has('content-length')) headers.set('content-length', String(body.length));
    return new Response(body, { status: response.status, headers });
  });
}

/** Rewrites the bytes of uploads matching `pattern` (what the target stores differs from what the suite sent). */
export function rewriteUpload(pattern: RegExp, rewrite: (body: Uint8Array) => Uint8Array): (inner: Transport) => Transport {
  return breakRequests(isPut(pattern), async (request) => new Request(request, { body: new Uint8Array(rewrite(new Uint8Array(await request.arrayBuffer()))) }));
}
