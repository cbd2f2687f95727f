import { isJobTime, parseJobTime } from '../../protocol/time.ts';
import { defineRule, type RuleContext } from '../rule.ts';
import { hashJob, putTestObject, submitOk, type JobsDetail } from '../support/jobs.ts';
import { TERMINAL_STATES, waitTerminal } from '../support/lifecycle.ts';

const STARTED = ['Running', ...TERMINAL_STATES];

/** Judges one observation: well-formed times, `-` exactly while unset, Creation ≤ Start ≤ End. */
function judgeTimes(ctx: RuleContext, detail: JobsDetail): void {
  const { CreationTime: created, StartTime: started, EndTime: ended, State: state } = detail as { CreationTime: string; StartTime: string; EndTime: string; State: string };
  const seen = `State ${state}, CreationTime ${created}, StartTime ${started}, EndTime ${ended} (job ${detail.JobId})`;
  ctx.check.that(isJobTime(created, { allowUnset: false }), 'CreationTime = YYYY-MM-DDTHH:MM:SS+ZZZZ (§3.1)', seen);
  ctx.check.that(isJobTime(started) && isJobTime(ended), 'StartTime and EndTime = YYYY-MM-DDTHH:MM:SS+ZZZZ or "-" (§3.1)', seen);
  // A job cancelled or failed before it ran has no StartTime; every other started state has one.
  const mayLackStart = state === 'Cancel' || state === 'Failed';
  ctx.check.that((started !== '-') === STARTED.includes(state) || (mayLackStart && started === '-'), 'StartTime "-" until Running, set from then on (§2.5, §3.2)', seen);
  ctx.check.that((ended !== '-') === TERMINAL_STATES.includes(state), 'EndTime "-" until the job finished, set once it did (§2.5, §3.2)', seen);
  const times = [created, started, ended].filter((time) => time !== '-').map((time) => parseJobTime(time) as number);
  ctx.check.that(times.every((time, i) => i === 0 || (times[i - 1] as number) <= time), 'CreationTime ≤ StartTime ≤ EndTime (§3.2)', seen);
}

/** Every observation of a job has well-formed times, `-` while unset, and Creation ≤ Start ≤ End (§3.1, §3.2). */
export default defineRule({
  id: 'job-times-ordered',
  title: 'Job times are well-formed, "-" while unset, and CreationTime ≤ StartTime ≤ EndTime',
  spec: 'spec/cos-ci/components/schemas/JobsDetailCommon (CreationTime, StartTime, EndTime), Timestamp · ref §2.5, §3.1, §3.2',
  profile: 'quick',
  kind: 'scenario',
  async run(ctx) {
    const key = await putTestObject(ctx, 'times.txt', 'job-times-ordered');
    const jobIds: string[] = [];
    for (const input of [key, `${ctx.prefix}missing.txt`]) {
      const { jobId, exchange } = await submitOk(ctx, hashJob(input));
      const [submitted] = [exchange.value?.JobsDetail ?? []].flat();
      if (submitted) judgeTimes(ctx, submitted);
      jobIds.push(jobId);
    }
    for (const jobId of jobIds) await waitTerminal(ctx, jobId, (detail) => judgeTimes(ctx, detail));
  },
});
