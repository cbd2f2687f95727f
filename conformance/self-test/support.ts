/**
 * Starting the mock as a conformance target for the self-tests (the only conformance code that
 * may import mocks/): in process (its fetch handler) or over HTTP (`startServer`), real clock.
 */
import { createNodeMock, type NodeMock } from '../../mocks/adapters/node-mock.ts';
import { startServer, type RunningServer } from '../../mocks/adapters/node-server.ts';
import type { Target } from '../target.ts';

/** Bucket and region the self-tests use. */
export const SELF_TEST_BUCKET = { bucket: 'selftest-1250000000', region: 'ap-guangzhou' } as const;

/** The other bucket of rule jobs-scoped-by-bucket (the mock serves any bucket a Host names). */
export const SELF_TEST_SECOND_BUCKET = { bucket: 'selftest2-1250000000' } as const;

/** The seed of property rules: FC_SEED when CI pins it, else a fixed default so runs repeat. */
export const selfTestSeed = (): number => (process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261121);

const quiet = (level: string, message: string, detail?: unknown) => {
  if (level === 'error') console.error(message, detail ?? '');
};

/** Credentials the signed self-test runs use (the mock verifies them, reference §6). */
export const SELF_TEST_CREDENTIALS = { secretId: 'AKIDselftest', secretKey: 'selftest-secret' } as const;

/**
 * Job timing of the self-test mocks: the defaults (0.5–1 s per job, engine README "Timing") make
 * the quick profile take about 75 s; a tenth of it keeps every state observable (jobs still pass
 * through Submitted and Running, Progress still steps) and the test file in seconds.
 */
export const SELF_TEST_TIMING = { startLatencyMs: [20, 40] as [number, number], baseDurationMs: { FileHashCode: 60, FileUncompress: 80, FileCompress: 80 }, perKeyMs: 2 };

/** A Node mock (real clock, real processors and callback deliveries) without info logging; `auth` turns signature checks on. */
export function quietMock(options: { auth?: boolean } = {}): Promise<NodeMock> {
  const keys: Record<string, string> = options.auth ? { [SELF_TEST_CREDENTIALS.secretId]: SELF_TEST_CREDENTIALS.secretKey } : {};
  return createNodeMock({ ...SELF_TEST_BUCKET, log: quiet, keys, timing: SELF_TEST_TIMING });
}

/** A running mock over HTTP and its target. */
export async function httpMockTarget(addressing: Target['addressing'] = 'path', options: { auth?: boolean } = {}): Promise<{ target: Target; mock: NodeMock; server: RunningServer }> {
  const mock = await quietMock(options);
  const server = await startServer({ mock, port: 0 });
  const credentials = options.auth ? { credentials: { ...SELF_TEST_CREDENTIALS } } : {};
  // With path addressing the endpoint is the bucket: the mock has no second one to offer there.
  const second = addressing === 'path' ? {} : { secondBucket: SELF_TEST_SECOND_BUCKET };
  return { target: { endpoint: server.url, ...SELF_TEST_BUCKET, ...second, addressing, ...credentials }, mock, server };
}
