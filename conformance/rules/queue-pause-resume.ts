import { defineRule } from '../rule.ts';
import { hashJob, putTestObject, submitOk } from '../support/jobs.ts';
import { describeOne, restoredQueue, updateQueue, waitTerminal, waitUntil } from '../support/lifecycle.ts';

/**
 * Pausing the queue turns waiting jobs into Pause and stops scheduling; a running job is not
 * affected; resuming puts them back to Submitted and they run to the end (§2.10, §3.2).
 */
export default defineRule({
  id: 'queue-pause-resume',
  title: 'Queue Paused → waiting jobs Pause, running jobs continue; Active → they run again',
  spec: 'spec/cos-ci/paths/file_queue_{QueueId}.yaml#put · components/schemas/QueueState, JobState · ref §2.10 (State=Paused), §3.2',
  profile: 'quick',
  kind: 'scenario',
  async run(ctx) {
    const key = await putTestObject(ctx, 'pause.bin', new Uint8Array(256 * 1024).fill(2));
    const queue = await restoredQueue(ctx);
    const { jobId: runningId } = await submitOk(ctx, hashJob(key));
    const running = await waitUntil(ctx, runningId, (detail) => detail.State !== 'Submitted', 'leaves Submitted');
    await updateQueue(ctx, queue, { State: 'Paused' });
    const waiting = [(await submitOk(ctx, hashJob(key))).jobId, (await submitOk(ctx, hashJob(key))).jobId];
    for (const jobId of waiting) ctx.check.equal((await describeOne(ctx, jobId)).State, 'Pause', `State of job ${jobId} submitted to a Paused queue (§3.2)`);
    if (running.State === 'Running') {
      const end = await waitTerminal(ctx, runningId);
      ctx.check.equal(end.State, 'Success', `end State of job ${runningId}, Running when the queue was paused (§2.10: running jobs are not affected)`);
    }
    for (const jobId of waiting) ctx.check.equal((await describeOne(ctx, jobId)).State, 'Pause', `State of job ${jobId} while the queue stays Paused`);
    await updateQueue(ctx, queue, { State: 'Active' });
    for (const jobId of waiting) {
      const end = await waitTerminal(ctx, jobId);
      ctx.check.equal(end.State, 'Success', `end State of job ${jobId} after the queue was resumed`);
    }
  },
});
