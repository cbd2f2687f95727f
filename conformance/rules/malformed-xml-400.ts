import fc from 'fast-check';
import { cosCiCodec } from '../../protocol/codec.ts';
import { defineRule } from '../rule.ts';
import { hashJob } from '../support/jobs.ts';
import { assertNoNewJob, newestJobs } from '../support/no-new-job.ts';

/** Bodies that are not well-formed XML: valid requests cut short or with a tag broken, and plain junk. */
function malformedBodies(valid: string): fc.Arbitrary<string> {
  const cut = fc.integer({ min: 1, max: valid.length - 2 }).map((at) => valid.slice(0, at));
  const brokenClose = fc.constantFrom('</Tag>', '</Input>', '</Operation>', '</Request>').map((close) => valid.replace(close, close.replace('</', '<')));
  const junk = fc.constantFrom('not xml', '<<Request>>', '<Request><Tag>FileHashCode</Request>', '<?xml version="1.0"?>', '{"Tag":"FileHashCode"}', '<Request attr="1></Request>');
  return fc.oneof(cut, brokenClose, junk).filter((body) => body.trim() !== '');
}

/** Malformed XML on submit → `400 MalformedXML`, never a 5xx, and no job created (§5.3, ref [derived] validation list). */
export default defineRule({
  id: 'malformed-xml-400',
  title: 'Malformed submit XML answers 400 MalformedXML, never 5xx, and creates no job',
  spec: 'spec/cos-ci/paths/jobs.yaml#post (400) · components/responses/BadRequest · ref §5.3 (MalformedXML)',
  profile: 'quick',
  kind: 'property',
  async run(ctx) {
    const valid = cosCiCodec.encode(hashJob(`${ctx.prefix}in.txt`, { userData: 'malformed' }), 'SubmitJobRequest');
    const before = await newestJobs(ctx);
    await ctx.check.property([malformedBodies(valid), fc.constantFrom('/jobs', '/file_jobs' as const)], async (body, path) => {
      const exchange = await ctx.client.submitJob(body, { path: path as '/jobs' | '/file_jobs' });
      ctx.check.exchange(exchange, { status: 400, code: 'MalformedXML' });
    });
    await assertNoNewJob(ctx, before, 'the malformed submits');
  },
});
