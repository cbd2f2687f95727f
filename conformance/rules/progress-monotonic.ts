import { defineRule } from '../rule.ts';
import { hashJob, putTestObject, submitOk } from '../support/jobs.ts';
import { waitTerminal } from '../support/lifecycle.ts';

/**
 * Progress (when sent) is an integer 0..100, 0 before the job runs, never decreasing across
 * polls, and 100 once the job succeeded (§3.1, §3.2, decision §9.17).
 */
export default defineRule({
  id: 'progress-monotonic',
  title: 'Progress stays within 0..100, never decreases, and is 100 on Success',
  spec: 'spec/cos-ci/components/schemas/JobsDetailCommon (Progress) · spec/README.md §9.17 · ref §3.1, §3.2',
  profile: 'quick',
  kind: 'scenario',
  async run(ctx) {
    const key = await putTestObject(ctx, 'progress.bin', new Uint8Array(64 * 1024).fill(7));
    const jobs = ctx.fc.numRuns > 10 ? 6 : 2;
    for (let i = 0; i < jobs; i++) {
      const { jobId } = await submitOk(ctx, hashJob(key, { type: ['MD5', 'SHA1', 'SHA256'][i % 3] as string }));
      const seen: number[] = [];
      const final = await waitTerminal(ctx, jobId, (detail) => {
        if (detail.Progress === undefined) return;
        const progress = Number(detail.Progress);
        const last = seen.at(-1);
        seen.push(progress);
        ctx.check.that(Number.isInteger(progress) && progress >= 0 && progress <= 100, 'Progress an integer within 0..100 (§3.1)', `Progress ${detail.Progress} (job ${jobId})`);
        ctx.check.that(last === undefined || progress >= last, 'Progress never decreasing between polls (§9.17)', `Progress ${seen.join(' → ')} (job ${jobId}, State ${detail.State})`);
        if (detail.State === 'Submitted' || detail.State === 'Pause') ctx.check.equal(progress, 0, `Progress of a ${detail.State} job ${jobId} (§9.17)`);
      });
      if (final.State === 'Success' && final.Progress !== undefined) ctx.check.equal(Number(final.Progress), 100, `Progress of successful job ${jobId} (§9.17)`);
      ctx.progress(`job ${i + 1}/${jobs}: Progress ${seen.join(' → ') || '(not sent)'}`);
    }
  },
});
