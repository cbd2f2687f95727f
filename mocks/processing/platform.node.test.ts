/** The Node and web processor bundles give the same job results (compress, uncompress, hash) through the whole mock. */
import { gunzipSync, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createMock } from '../index.ts';
import { webProcessors, type Processors } from './platform.ts';
import { createNodeProcessors } from './platform.node.ts';

const CI = 'http://test-1250000000.ci.ap-guangzhou.myqcloud.com';
const COS = 'http://test-1250000000.cos.ap-guangzhou.myqcloud.com';
const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

async function run(processors: Processors) {
  const mock = createMock({ seed: 5, startTime: Date.UTC(2026, 0, 1), processors });
  const data = 'node and web must agree\n'.repeat(5000);
  await mock.admin.putObject('in/a.txt', new TextEncoder().encode(data));
  await mock.admin.putObject('in/b.txt', new TextEncoder().encode(data.toUpperCase()));
  const jobs = [
    `<Request><Tag>FileCompress</Tag><Operation><FileCompressConfig><Flatten>1</Flatten><Format>zip</Format><Key>in/a.txt</Key><Key>in/b.txt</Key></FileCompressConfig><Output><Bucket>test-1250000000</Bucket><Region>ap-guangzhou</Region><Object>o.zip</Object></Output></Operation></Request>`,
    `<Request><Tag>FileCompress</Tag><Operation><FileCompressConfig><Flatten>0</Flatten><Format>tar.gz</Format><Key>in/a.txt</Key></FileCompressConfig><Output><Bucket>test-1250000000</Bucket><Region>ap-guangzhou</Region><Object>o.tgz</Object></Output></Operation></Request>`,
    `<Request><Tag>FileHashCode</Tag><Input><Object>in/b.txt</Object></Input><Operation><FileHashCodeConfig><Type>SHA1</Type></FileHashCodeConfig></Operation></Request>`,
  ];
  for (const body of jobs) expect((await mock.fetch(new Request(`${CI}/file_jobs`, { method: 'POST', body }))).status).toBe(200);
  await mock.admin.advance(20_000);
  const uncompress = `<Request><Tag>FileUncompress</Tag><Input><Object>o.tgz</Object></Input><Operation><FileUncompressConfig><Prefix>x/</Prefix></FileUncompressConfig><Output><Bucket>test-1250000000</Bucket><Region>ap-guangzhou</Region></Output></Operation></Request>`;
  expect((await mock.fetch(new Request(`${CI}/file_jobs`, { method: 'POST', body: uncompress }))).status).toBe(200);
  await mock.admin.advance(20_000);
  const extracted = await (await mock.fetch(new Request(`${COS}/x/in/a.txt`))).text();
  const zip = unzipSync(new Uint8Array(await (await mock.fetch(new Request(`${COS}/o.zip`))).arrayBuffer()));
  const tgz = gunzipSync(new Uint8Array(await (await mock.fetch(new Request(`${COS}/o.tgz`))).arrayBuffer()));
  const states = mock.admin.state().jobs.map((j) => `${j.Tag}:${j.State}`);
  const sha1 = /<SHA1>(\w+)<\/SHA1>/.exec(await (await mock.fetch(new Request(`${COS}/in/b.txt?ci-process=filehash&type=sha1`))).text())?.[1];
  return { states, extractedEqual: extracted === data, members: Object.fromEntries(Object.entries(zip).map(([k, v]) => [k, text(v)])), tarHasData: text(tgz).includes(data.slice(0, 100)), sha1 };
}

describe('processor bundles', () => {
  it('createNodeProcessors and webProcessors produce the same archives contents and digests', async () => {
    const [node, web] = [await run(createNodeProcessors()), await run(webProcessors)];
    expect(node.states).toEqual(['FileCompress:Success', 'FileCompress:Success', 'FileHashCode:Success', 'FileUncompress:Success']);
    expect(node.extractedEqual).toBe(true);
    expect(Object.keys(node.members).sort()).toEqual(['a.txt', 'b.txt']);
    expect(node.tarHasData).toBe(true);
    expect(node.sha1).toMatch(/^[0-9a-f]{40}$/);
    expect(web).toEqual(node);
  });
});
