import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { unzipSync } from 'fflate';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosCiValidator } from '../../protocol/validate.ts';
import { createMock } from '../index.ts';
import { createHandlers } from './msw.ts';

const COS = 'http://test-1250000000.cos.ap-guangzhou.myqcloud.com';
const CI = 'http://test-1250000000.ci.ap-guangzhou.myqcloud.com';
const OTHER_ORIGIN = 'http://mock.fileproc.test';

const handlers = createHandlers({ mock: createMock({ clock: 'virtual', seed: 3 }), origins: [OTHER_ORIGIN] });
const server = setupServer(...handlers);
const bystander = createServer((_req, res) => res.end('from the network'));
let bystanderUrl = '';

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'bypass' });
  await new Promise<void>((resolve) => bystander.listen(0, '127.0.0.1', resolve));
  bystanderUrl = `http://127.0.0.1:${(bystander.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await new Promise<void>((resolve) => bystander.close(() => resolve()));
});

const compressBody = `<Request><Tag>FileCompress</Tag><Operation><FileCompressConfig><Flatten>0</Flatten><Format>zip</Format><Key>docs/a.txt</Key><Key>docs/b.txt</Key></FileCompressConfig><Output><Bucket>test-1250000000</Bucket><Region>ap-guangzhou</Region><Object>out/pack.zip</Object></Output></Operation></Request>`;

describe('createHandlers with msw/node setupServer', () => {
  it('registers a single MSW handler whatever the number of routes', () => {
    expect(handlers).toHaveLength(1);
  });

  it('serves the vendor hosts: upload, FileCompress, advance, describe Success, download the zip', async () => {
    expect((await fetch(`${COS}/docs/a.txt`, { method: 'PUT', body: 'first file' })).status).toBe(200);
    expect((await fetch(`${COS}/docs/b.txt`, { method: 'PUT', body: 'second file, longer' })).status).toBe(200);
    const submitted = await fetch(`${CI}/file_jobs`, { method: 'POST', body: compressBody, headers: { 'content-type': 'application/xml' } });
    expect(submitted.headers.get('x-ci-request-id')).toBeTruthy();
    const submit = cosCiValidator.parseBody(await submitted.text(), 'SubmitJobResponse');
    if (!submit.ok) throw new Error(submit.message);
    const jobId = submit.value.JobsDetail.JobId;
    const advanced = await fetch(`${OTHER_ORIGIN}/__fileproc/clock/advance`, { method: 'POST', body: JSON.stringify({ ms: 20_000 }) });
    expect(advanced.status).toBe(200);
    const described = cosCiValidator.parseBody(await (await fetch(`${CI}/file_jobs/${jobId}`)).text(), 'DescribeJobsResponse');
    if (!described.ok) throw new Error(described.message);
    expect(described.value.JobsDetail?.[0]).toMatchObject({ JobId: jobId, State: 'Success' });
    const zip = await fetch(`${COS}/out/pack.zip`);
    expect(zip.status).toBe(200);
    const members = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(Object.fromEntries(Object.entries(members).map(([name, data]) => [name, new TextDecoder().decode(data)]))).toEqual({
      'docs/a.txt': 'first file', 'docs/b.txt': 'second file, longer',
    });
  });

  it('lets requests to other origins fall through to the network', async () => {
    expect(await (await fetch(`${bystanderUrl}/file_jobs`)).text()).toBe('from the network');
  });

  it('answers errors of the mock as COS error bodies through MSW', async () => {
    const missing = await fetch(`${COS}/no/such/object`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<Code>NoSuchKey</Code>');
  });
});
