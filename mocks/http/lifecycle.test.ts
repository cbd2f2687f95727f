/**
 * A whole job lifecycle on virtual time, through the fetch handler only: upload → FileCompress →
 * Success → download and open the zip with an independent reader (fflate) → FileUncompress of that
 * zip → extracted objects equal the originals → FileHashCode equals a WebCrypto digest.
 */
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CI, COS, call, compressBody, expectSpecBody, hashBody, submit, testMock, uncompressBody, upload } from './test-support.ts';

type Detail = { JobId: string; State: string; Code: string; Progress: number; StartTime: string; EndTime: string; Message?: string; Operation: Record<string, Record<string, unknown>> };

const files: Record<string, string> = { 'src/a.txt': 'alpha '.repeat(1000), 'src/b.txt': 'bravo\n'.repeat(333) };
const hex = (buffer: ArrayBuffer): string => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

async function describeOne(mock: ReturnType<typeof testMock>, id: string): Promise<Detail> {
  const value = await expectSpecBody<{ JobsDetail: Detail[] }>(await call(mock, `${CI}/file_jobs/${id}`), 'DescribeJobsResponse');
  return value.JobsDetail[0] as Detail;
}

describe('job lifecycle on a virtual clock', () => {
  it('compresses, uncompresses and hashes real data', async () => {
    const mock = testMock();
    for (const [key, text] of Object.entries(files)) await upload(mock, key, text);

    const compress = await submit(mock, compressBody(Object.keys(files), 'out/pack.zip'));
    expect((await describeOne(mock, compress)).State).toBe('Submitted');
    await mock.admin.advance(10_000);
    const compressed = await describeOne(mock, compress);
    expect(compressed).toMatchObject({ State: 'Success', Code: 'Success', Progress: 100 });
    expect(compressed.EndTime).not.toBe('-');
    expect(compressed.Operation.FileCompressResult).toMatchObject({ Object: 'out/pack.zip', CompressFileCount: 2, ErrorCount: 0 });

    const zip = new Uint8Array(await (await call(mock, `${COS}/out/pack.zip`)).arrayBuffer());
    const members = unzipSync(zip);
    expect(Object.fromEntries(Object.entries(members).map(([name, data]) => [name, new TextDecoder().decode(data)]))).toEqual(files);

    const uncompress = await submit(mock, uncompressBody('out/pack.zip', 'copy/'));
    await mock.admin.advance(10_000);
    expect((await describeOne(mock, uncompress)).Operation.FileUncompressResult).toMatchObject({ FileCount: 2 });
    for (const [key, text] of Object.entries(files)) {
      const copy = await call(mock, `${COS}/copy/${key}`);
      expect([key, copy.status, await copy.text()]).toEqual([key, 200, text]);
    }

    const hash = await submit(mock, hashBody('src/a.txt', 'SHA256'));
    await mock.admin.advance(10_000);
    const digest = hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(files['src/a.txt'])));
    expect((await describeOne(mock, hash)).Operation.FileHashCodeResult).toMatchObject({ SHA256: digest, FileSize: 6000 });

    // Each finished job reached the callback sink once, in finishing order.
    const events = mock.admin.callbacks() as { jobId: string; state: string }[];
    expect(events.map((e) => [e.jobId, e.state])).toEqual([[compress, 'Success'], [uncompress, 'Success'], [hash, 'Success']]);
  });

  it('fails a job whose input is missing (Failed, NoSuchKey) and a scripted job with its scripted code', async () => {
    const mock = testMock();
    const missing = await submit(mock, hashBody('nope'));
    await upload(mock, 'x', 'x');
    const scripted = await submit(mock, hashBody('x'));
    const script = await call(mock, `http://127.0.0.1:9000/__fileproc/jobs/${scripted}/script`, { method: 'POST', body: JSON.stringify({ outcome: { Code: 'InternalError', Message: 'chaos' }, durationMs: 50 }) });
    expect(script.status).toBe(204);
    await mock.admin.advance(5_000);
    expect(await describeOne(mock, missing)).toMatchObject({ State: 'Failed', Code: 'NoSuchKey' });
    expect(await describeOne(mock, scripted)).toMatchObject({ State: 'Failed', Code: 'InternalError', Message: 'chaos' });
  });

  it('publishes TDMQ jobs to the in-memory topic named by CallBackMqConfig', async () => {
    const mock = testMock();
    await upload(mock, 'x', 'x');
    const body = hashBody('x').replace('</Request>', '<CallBackType>TDMQ</CallBackType><CallBackMqConfig><MqRegion>gz</MqRegion><MqMode>Queue</MqMode><MqName>done-topic</MqName></CallBackMqConfig></Request>');
    const id = await submit(mock, body);
    await mock.admin.advance(5_000);
    const topic = await call(mock, 'http://127.0.0.1:9000/__fileproc/tdmq/done-topic');
    expect(((await topic.json()) as { jobId: string }[]).map((m) => m.jobId)).toEqual([id]);
  });
});
