import { defineRule } from '../rule.ts';
import { ALGORITHMS, digest } from '../support/digest.ts';
import { putTestObject, type SubmitJobRequest } from '../support/jobs.ts';
import { expectSuccess, runJob, settleInOrder } from '../support/processing.ts';

const body = new TextEncoder().encode('hash-add-to-header: metadata digest\n');
const metaHeader = (algorithm: string) => `x-cos-meta-${algorithm.toLowerCase()}`;

/**
 * AddToHeader=true writes the digest into the object's metadata, `x-cos-meta-md5|sha1|sha256`,
 * visible on HEAD (§2.4); so does the synchronous `addtoheader=true` (§2.12); false writes nothing.
 */
export default defineRule({
  id: 'hash-add-to-header',
  title: 'AddToHeader writes x-cos-meta-<type> with the digest (job and sync)',
  spec: 'spec/cos-ci/components/schemas/FileHashCodeConfig.yaml#AddToHeader · paths/object.yaml#get (addtoheader) · ref §2.4, §2.12',
  profile: 'quick',
  kind: 'scenario',
  async run(ctx) {
    const head = async (key: string, algorithm: string) => {
      const answer = await ctx.client.headObject(key);
      ctx.check.exchange(answer, { status: 200 });
      return answer.headers.get(metaHeader(algorithm));
    };
    await settleInOrder(ALGORITHMS.map(async (algorithm) => {
      const key = await putTestObject(ctx, `job-${algorithm}.txt`, body);
      const job = { Tag: 'FileHashCode', Input: { Object: key }, Operation: { FileHashCodeConfig: { Type: algorithm, AddToHeader: true } } } as SubmitJobRequest;
      expectSuccess(ctx, await runJob(ctx, job), `FileHashCode ${algorithm} AddToHeader=true`);
      ctx.check.equal(await head(key, algorithm), await digest(algorithm, body), `HEAD ${metaHeader(algorithm)} after a job with AddToHeader=true`);
    }));
    const plain = await putTestObject(ctx, 'sync-false.txt', body);
    ctx.check.exchange(await ctx.client.syncFileHash(plain, 'sha1', { addToHeader: false }), { status: 200 });
    ctx.check.equal(await head(plain, 'SHA1'), null, `HEAD ${metaHeader('SHA1')} after a sync hash with addtoheader=false`);
    ctx.check.exchange(await ctx.client.syncFileHash(plain, 'sha256', { addToHeader: true }), { status: 200 });
    ctx.check.equal(await head(plain, 'SHA256'), await digest('SHA256', body), `HEAD ${metaHeader('SHA256')} after a sync hash with addtoheader=true`);
  },
});
