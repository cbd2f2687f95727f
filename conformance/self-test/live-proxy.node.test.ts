/**
 * `fileproc proxy` in front of the mock: the official Node SDK flow (put, compress, download,
 * hash, uncompress, list, cancel) through the proxy yields 0 violations and unchanged answers; the
 * same flow against a mock with a response-level fault yields violations named by rule id.
 */
import { readFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import COS from 'cos-nodejs-sdk-v5';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeMock } from '../../mocks/adapters/node-mock.ts';
import { startServer } from '../../mocks/adapters/node-server.ts';
import { bodies, cancelJob, describeJob, listJobIds, submitJob, waitForEnd, type SdkTarget } from '../../mocks/adapters/sdk-flow.ts';
import { startLiveProxy, type LiveProxy } from '../live-proxy.node.ts';
import { VIOLATIONS_HEADER } from '../live-proxy/judge.ts';

const BUCKET = 'test-1250000000';
const REGION = 'ap-guangzhou';
const KEYS = { AKIDproxytest: 'proxy-test-secret' };
const FAST = { startLatencyMs: [0, 10] as [number, number], baseDurationMs: { FileHashCode: 30, FileCompress: 30, FileUncompress: 30 }, perKeyMs: 0, jitter: 0 };

const closing: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const item of closing.splice(0).reverse()) await item.close();
});

async function proxiedMock(faults: string[] = [], mode: 'Ip' | 'Proxy' = 'Ip'): Promise<{ proxy: LiveProxy; sdk: SdkTarget; upstream: string; report: string }> {
  const mock = await createNodeMock({ keys: KEYS, bucket: BUCKET, region: REGION, seed: 3, timing: FAST, faults, log: () => undefined });
  const server = await startServer({ mock, port: 0 });
  const report = join(await mkdtemp(join(tmpdir(), 'fileproc-proxy-')), 'violations.jsonl');
  const proxy = await startLiveProxy({ upstream: server.url, reportFile: report, log: () => undefined });
  closing.push(mock, server, proxy);
  // Ip mode: origin-form with the vendor Host; Proxy mode: absolute-form targets (sdk-wire-behaviour.md).
  const via = mode === 'Ip' ? { Ip: `127.0.0.1:${proxy.port}` } : { Proxy: proxy.url };
  const cos = new COS({ SecretId: 'AKIDproxytest', SecretKey: KEYS.AKIDproxytest, Protocol: 'http:', ...via });
  return { proxy, upstream: server.url, report, sdk: { cos, ciBase: `http://${BUCKET}.ci.${REGION}.myqcloud.com`, bucket: BUCKET, region: REGION } };
}

async function sdkFlow(t: SdkTarget): Promise<Buffer> {
  const keys = ['flow/a.txt', 'flow/b.bin'];
  for (const [i, Key] of keys.entries()) await t.cos.putObject({ Bucket: BUCKET, Region: REGION, Key, Body: Buffer.alloc(2000 + i * 30_000, i + 1) });
  const compress = await submitJob(t, bodies.compress(keys, 'flow/pack.zip', BUCKET, REGION));
  expect((await waitForEnd(t, compress.JobId)).State).toBe('Success');
  const zip = await t.cos.getObject({ Bucket: BUCKET, Region: REGION, Key: 'flow/pack.zip' });
  expect((await waitForEnd(t, (await submitJob(t, bodies.hash('flow/b.bin'))).JobId)).State).toBe('Success');
  expect((await waitForEnd(t, (await submitJob(t, bodies.uncompress('flow/pack.zip', 'flow/x/', BUCKET, REGION))).JobId)).State).toBe('Success');
  expect(await listJobIds(t, 'FileHashCode')).toHaveLength(1);
  await t.cos.headObject({ Bucket: BUCKET, Region: REGION, Key: 'flow/x/flow/a.txt' });
  await cancelJob(t, compress.JobId).catch(() => undefined);
  await describeJob(t, compress.JobId);
  return zip.Body as Buffer;
}

describe('fileproc proxy', () => {
  it.each(['Ip', 'Proxy'] as const)('the SDK flow (%s mode) through the proxy against the mock has 0 violations and unchanged bytes', async (mode) => {
    const { proxy, sdk, upstream, report } = await proxiedMock([], mode);
    const zip = await sdkFlow(sdk);
    const records = proxy.records();
    expect(records.length).toBeGreaterThanOrEqual(12);
    expect(records.flatMap((record) => record.violations)).toEqual([]);
    expect(records.map((record) => record.status)).toContain(400);
    expect(records.every((record) => (mode === 'Proxy') === record.url.startsWith('http://'))).toBe(true);
    const directSdk = new COS({ SecretId: 'AKIDproxytest', SecretKey: KEYS.AKIDproxytest, Protocol: 'http:', Ip: new URL(upstream).host });
    const direct = await directSdk.getObject({ Bucket: BUCKET, Region: REGION, Key: 'flow/pack.zip' });
    expect(zip.equals(direct.Body as Buffer)).toBe(true);
    const lines = (await readFile(report, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(records.length);
  });

  it.each([
    ['missing-request-id', 'response-request-id'],
    ['wrong-content-type', 'response-content-type'],
    ['wrong-error-code', 'error-body-shape'],
  ])('with fault %s the violations name %s and the header announces them', async (fault, ruleId) => {
    const { proxy, sdk } = await proxiedMock([fault]);
    await sdk.cos.putObject({ Bucket: BUCKET, Region: REGION, Key: 'f/a.txt', Body: 'x' });
    await describeJob(sdk, (await submitJob(sdk, bodies.hash('f/a.txt'))).JobId);
    const missing = await sdk.cos.getObject({ Bucket: BUCKET, Region: REGION, Key: 'f/missing.txt' }).catch((error: unknown) => error as { headers?: Record<string, string> });
    const ruleIds = new Set(proxy.records().flatMap((record) => record.violations.map((v) => v.ruleId)));
    expect([...ruleIds]).toContain(ruleId);
    expect(missing.headers?.[VIOLATIONS_HEADER]).toMatch(new RegExp(`^\\d+; .*${ruleId}`));
  });
});
