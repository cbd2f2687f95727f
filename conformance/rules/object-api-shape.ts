import { md5 } from 'hash-wasm';
import { defineRule } from '../rule.ts';
import { putTestObject } from '../support/jobs.ts';

const BODY = 'object-api-shape: 0123456789 ünïcödé';

/**
 * The COS object subset the jobs rely on: PUT → 200 with ETag = quoted MD5, GET → the bytes with
 * Content-Length, Range → 206 with Content-Range, HEAD → headers only, GET / lists the key,
 * DELETE → 204 and then GET → 404 NoSuchKey.
 */
export default defineRule({
  id: 'object-api-shape',
  title: 'Object PUT/GET/Range/HEAD/list/DELETE answer as COS documents',
  spec: 'spec/cos-ci/paths/{Key}.yaml#put, #get, #head, #delete, spec/cos-ci/paths/root.yaml#get · spec/README.md §9.24 · ref §2.0, §5.3',
  profile: 'quick',
  kind: 'exchange',
  needs: ['objects'],
  async run(ctx) {
    const bytes = new TextEncoder().encode(BODY);
    const key = await putTestObject(ctx, 'dir/ob ject+ü.txt', bytes);
    const head = await ctx.client.headObject(key);
    ctx.check.exchange(head, { status: 200 });
    const etag = head.headers.get('etag');
    ctx.check.equal(etag, `"${await md5(bytes)}"`, `ETag of ${key} (quoted MD5 of a single-PUT object)`);
    ctx.check.equal(head.headers.get('content-length'), String(bytes.length), 'HEAD Content-Length');
    const get = await ctx.client.getObject(key);
    ctx.check.exchange(get, { status: 200 });
    ctx.check.equal([...get.bytes], [...bytes], `GET ${key} body`);
    ctx.check.equal([get.headers.get('content-length'), get.headers.get('etag')], [String(bytes.length), etag], 'GET [Content-Length, ETag]');
    const range = await ctx.client.getObject(key, { range: 'bytes=2-9' });
    ctx.check.exchange(range, { status: 206 });
    ctx.check.equal([...range.bytes], [...bytes.slice(2, 10)], 'Range bytes=2-9 body');
    ctx.check.equal(range.headers.get('content-range'), `bytes 2-9/${bytes.length}`, 'Content-Range');
    const listed = await ctx.client.listObjects({ prefix: ctx.prefix });
    ctx.check.exchange(listed, { status: 200 });
    const keys = [listed.value?.Contents ?? []].flat().map((entry) => entry.Key);
    ctx.check.that(keys.includes(key), `GET /?prefix=${ctx.prefix} lists ${key}`, `keys ${JSON.stringify(keys)}`);
    const deleted = await ctx.client.deleteObject(key);
    ctx.check.exchange(deleted, { status: 204 });
    const gone = await ctx.client.getObject(key);
    ctx.check.exchange(gone, { status: 404, code: 'NoSuchKey' });
  },
});
