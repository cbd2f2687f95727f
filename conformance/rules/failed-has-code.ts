import { defineRule } from '../rule.ts';
import { hashJob, submitOk } from '../support/jobs.ts';
import { waitTerminal } from '../support/lifecycle.ts';
import { resultOf } from '../support/processing.ts';

/** A job that cannot run (its input object does not exist) ends Failed with a non-Success Code, a Message and no result (§2.5, §3.1, §3.2). */
export default defineRule({
  id: 'failed-has-code',
  title: 'A failed job has State Failed, an error Code (not Success), a Message, and no result container',
  spec: 'spec/cos-ci/components/schemas/JobsDetailCommon (Code, Message) · spec/README.md §9.14, §9.24 · ref §2.5, §3.1, §3.2',
  profile: 'quick',
  kind: 'scenario',
  async run(ctx) {
    const jobIds: string[] = [];
    for (const type of ['MD5', 'SHA256']) jobIds.push((await submitOk(ctx, hashJob(`${ctx.prefix}does-not-exist-${type}.bin`, { type }))).jobId);
    for (const jobId of jobIds) {
      const detail = await waitTerminal(ctx, jobId);
      const seen = `State ${detail.State}, Code ${detail.Code}, Message ${JSON.stringify(detail.Message ?? '')}`;
      ctx.check.that(detail.State === 'Failed', `FileHashCode of a missing object ends Failed (§3.2)`, seen);
      ctx.check.that(typeof detail.Code === 'string' && detail.Code !== '' && detail.Code !== 'Success', 'Code = the error code, not Success, when Failed (§2.5)', seen);
      ctx.check.that(typeof detail.Message === 'string' && detail.Message.trim() !== '', 'a non-empty Message saying why the job failed (§3.1)', seen);
      ctx.check.that(resultOf(detail, 'FileHashCodeResult') === undefined, 'no FileHashCodeResult in a failed job (§3.4: results of finished work only)', JSON.stringify(detail.Operation));
    }
  },
});
