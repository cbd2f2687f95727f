import fc from 'fast-check';
import { defineRule } from '../rule.ts';
import { ALGORITHMS, digest, hashInput, headEtag, type Algorithm } from '../support/digest.ts';
import { hashJob, putTestObject } from '../support/jobs.ts';
import { expectSuccess, jobRuns, resultOf, runJob } from '../support/processing.ts';

const typeAsSent = fc.constantFrom<[Algorithm, string]>(['MD5', 'MD5'], ['SHA1', 'SHA1'], ['SHA256', 'SHA256'], ['MD5', 'md5'], ['SHA1', 'sha1'], ['SHA256', 'Sha256']);

/**
 * A FileHashCode job's result holds exactly the requested digest (any Type case, §9.10) equal to
 * the locally computed one, with FileSize and the object's Etag (§2.4, §3.4).
 */
export default defineRule({
  id: 'hash-job-digest',
  title: 'FileHashCode result digest, FileSize and Etag equal the object',
  spec: 'spec/cos-ci/components/schemas/FileHashCodeResult.yaml · FileHashCodeConfig.yaml#Type · spec/README.md §9.10 · ref §2.4, §3.4',
  profile: 'quick',
  kind: 'property',
  async run(ctx) {
    let run = 0;
    await ctx.check.property([hashInput, typeAsSent], async (bytes, [algorithm, type]) => {
      const key = await putTestObject(ctx, `hash-${++run}.bin`, bytes);
      const detail = await runJob(ctx, hashJob(key, { type }));
      expectSuccess(ctx, detail, `FileHashCode Type ${type}`);
      const result = ctx.check.present(resultOf(detail, 'FileHashCodeResult'), 'Operation.FileHashCodeResult on a Success job (§3.4)', () => JSON.stringify(detail.Operation));
      ctx.check.equal(result[algorithm], await digest(algorithm, bytes), `FileHashCodeResult.${algorithm} of ${bytes.length} bytes`);
      const others = ALGORITHMS.filter((other) => other !== algorithm && result[other] !== undefined);
      ctx.check.equal(others, [], 'digests other than the requested one (§3.4: only the requested algorithm)');
      ctx.check.equal(result.FileSize, bytes.length, 'FileHashCodeResult.FileSize');
      ctx.check.equal(result.Etag, await headEtag(ctx, key), 'FileHashCodeResult.Etag (the object ETag, quotes included)');
    }, jobRuns(ctx));
  },
});
