import { createHash, randomBytes } from 'node:crypto';
import COS from 'cos-nodejs-sdk-v5';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeMock, type NodeMock } from './node-mock.ts';
import { startServer, type RunningServer } from './node-server.ts';
import { bodies, cancelJob, describeJob, listJobIds, submitJob, waitForEnd, type SdkTarget } from './sdk-flow.ts';

// The official Node SDK against `fileproc serve` with signatures verified, in the three redirect
// modes of sdk-wire-behaviour.md (Ip, Domain, Proxy).
const BUCKET = 'test-1250000000';
const REGION = 'ap-guangzhou';
const KEYS = { AKIDfileproctest: 'fileproc-test-secret-key' };
const FAST = { startLatencyMs: [0, 10] as [number, number], baseDurationMs: { FileHashCode: 30, FileCompress: 30, FileUncompress: 30 }, perKeyMs: 0, jitter: 0 };

let mock: NodeMock;
let server: RunningServer;

beforeAll(async () => {
  mock = await createNodeMock({ keys: KEYS, bucket: BUCKET, region: REGION, seed: 11, log: () => {} });
  mock.admin.configureTiming(FAST);
  server = await startServer({ mock, port: 0 });
});
afterAll(async () => {
  await server.close();
  await mock.close();
});

function target(mode: 'Ip' | 'Domain' | 'Proxy', secretKey = KEYS.AKIDfileproctest): SdkTarget {
  const common = { SecretId: 'AKIDfileproctest', SecretKey: secretKey, Protocol: 'http:' as const };
  const local = `127.0.0.1:${server.port}`;
  const vendorCi = `http://${BUCKET}.ci.${REGION}.myqcloud.com`;
  if (mode === 'Ip') return { cos: new COS({ ...common, Ip: local }), ciBase: vendorCi, bucket: BUCKET, region: REGION };
  if (mode === 'Domain') return { cos: new COS({ ...common, Domain: local }), ciBase: `http://${local}`, bucket: BUCKET, region: REGION };
  return { cos: new COS({ ...common, Proxy: `http://${local}` }), ciBase: vendorCi, bucket: BUCKET, region: REGION };
}

const md5 = (data: Buffer) => createHash('md5').update(data).digest('hex');

describe.each(['Ip', 'Domain', 'Proxy'] as const)('cos-nodejs-sdk-v5, redirect mode %s', (mode) => {
  const run = `run-${mode.toLowerCase()}`;
  const files = { [`${run}/src/a.txt`]: randomBytes(3000), [`${run}/src/b.bin`]: randomBytes(70_000) };
  const t = () => target(mode);

  it('puts two objects, compresses them, downloads and unzips the archive', async () => {
    for (const [Key, Body] of Object.entries(files)) {
      const put = await t().cos.putObject({ Bucket: BUCKET, Region: REGION, Key, Body });
      expect(put.ETag).toBe(`"${md5(Body)}"`);
    }
    const job = await submitJob(t(), bodies.compress(Object.keys(files), `${run}/pack.zip`, BUCKET, REGION));
    expect(job.State).toBe('Submitted');
    expect((await waitForEnd(t(), job.JobId)).State).toBe('Success');
    const zip = await t().cos.getObject({ Bucket: BUCKET, Region: REGION, Key: `${run}/pack.zip` });
    const members = unzipSync(new Uint8Array(zip.Body as Buffer));
    expect(Object.keys(members).sort()).toEqual(Object.keys(files).sort());
    for (const [key, data] of Object.entries(files)) expect(Buffer.from(members[key] ?? [])).toEqual(data);
  });

  it('FileHashCode MD5 equals the local digest', async () => {
    const key = `${run}/src/b.bin`;
    const job = await submitJob(t(), bodies.hash(key));
    const done = await waitForEnd(t(), job.JobId);
    expect(done.State).toBe('Success');
    expect(done.Operation?.FileHashCodeResult?.MD5).toBe(md5(files[key] as Buffer));
  });

  it('FileUncompress puts the members back; the extracted objects equal the originals', async () => {
    const job = await submitJob(t(), bodies.uncompress(`${run}/pack.zip`, `${run}/x/`, BUCKET, REGION));
    expect((await waitForEnd(t(), job.JobId)).State).toBe('Success');
    const listing = await t().cos.getBucket({ Bucket: BUCKET, Region: REGION, Prefix: `${run}/x/` });
    expect(listing.Contents.map((c) => c.Key).sort()).toEqual(Object.keys(files).map((k) => `${run}/x/${k}`).sort());
    for (const [key, data] of Object.entries(files)) {
      const got = await t().cos.getObject({ Bucket: BUCKET, Region: REGION, Key: `${run}/x/${key}` });
      expect(Buffer.from(got.Body as Buffer)).toEqual(data);
    }
  });

  it('lists jobs by tag and cancels a queued job', async () => {
    const compressIds = await listJobIds(t(), 'FileCompress');
    expect(compressIds.length).toBeGreaterThan(0);
    expect(await listJobIds(t(), 'FileHashCode')).not.toEqual(expect.arrayContaining(compressIds));
    mock.admin.configureTiming({ startLatencyMs: [600_000, 600_000] });
    try {
      const queued = await submitJob(t(), bodies.hash(`${run}/src/a.txt`));
      await cancelJob(t(), queued.JobId);
      expect((await describeJob(t(), queued.JobId)).State).toBe('Cancel');
      expect(await listJobIds(t(), 'FileHashCode')).toContain(queued.JobId);
    } finally {
      mock.admin.configureTiming(FAST);
    }
  });

  it('refuses a wrong secret key with 403 SignatureDoesNotMatch', async () => {
    const bad = target(mode, 'not-the-key');
    const error = await bad.cos.headObject({ Bucket: BUCKET, Region: REGION, Key: `${run}/src/a.txt` }).catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 403 });
    const ciError = await describeJob(bad, 'f' + '0'.repeat(32)).catch((e: unknown) => e);
    expect(ciError).toMatchObject({ statusCode: 403, code: 'SignatureDoesNotMatch' });
  });
});
