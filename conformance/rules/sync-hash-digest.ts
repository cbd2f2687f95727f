import fc from 'fast-check';
import { defineRule } from '../rule.ts';
import { digest, hashInput, headEtag, type Algorithm } from '../support/digest.ts';
import { putTestObject } from '../support/jobs.ts';

const type = fc.constantFrom<Algorithm>('MD5', 'SHA1', 'SHA256');

/**
 * `GET /{Key}?ci-process=filehash&type=<md5|sha1|sha256>` answers 200 `application/xml` with a
 * Content-Length, the requested digest equal to the local one, FileSize, Etag and Input (§2.12).
 */
export default defineRule({
  id: 'sync-hash-digest',
  title: 'Synchronous filehash returns the right digest as application/xml with Content-Length',
  spec: 'spec/cos-ci/paths/object.yaml#get (ci-process=filehash) · FileHashResponse.yaml · FileHashInput.yaml · ref §2.12, §8 F8',
  profile: 'quick',
  kind: 'property',
  async run(ctx) {
    let run = 0;
    await ctx.check.property([hashInput, type], async (bytes, algorithm) => {
      const key = await putTestObject(ctx, `sync-${++run}.bin`, bytes);
      const answer = await ctx.client.syncFileHash(key, algorithm.toLowerCase());
      ctx.check.exchange(answer, { status: 200 });
      ctx.check.equal(answer.headers.get('content-type'), 'application/xml', 'Content-Type header');
      ctx.check.equal(answer.headers.get('content-length'), String(answer.bytes.length), 'Content-Length header (the body length)');
      const value = ctx.check.present(answer.value, 'a FileHashResponse body', () => answer.text);
      const result = value.FileHashCodeResult;
      ctx.check.equal(result[algorithm], await digest(algorithm, bytes), `FileHashCodeResult.${algorithm} of ${bytes.length} bytes`);
      ctx.check.equal(result.FileSize, bytes.length, 'FileHashCodeResult.FileSize');
      ctx.check.equal(result.Etag, await headEtag(ctx, key), 'FileHashCodeResult.Etag (the object ETag)');
      ctx.check.equal([value.Input.Bucket, value.Input.Object], [ctx.target.bucket, key], 'Input [Bucket, Object]');
    });
  },
});
