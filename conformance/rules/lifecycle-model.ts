import fc from 'fast-check';
import { lifecycleCommands, type LifecycleReal } from '../model/commands.ts';
import { impossibleTransition, observe, type LifecycleModel } from '../model/job-machine.ts';
import { defineRule } from '../rule.ts';
import { describeOne, restoredQueue, updateQueue, waitTerminal } from '../support/lifecycle.ts';

/**
 * Model-based test of the job lifecycle (§3.2): random sequences of submit, describe, list,
 * cancel, pause/resume queue and upload/delete of the input; every observed state must follow
 * the state machine, terminal states stay, cancel succeeds exactly on waiting jobs, and after
 * resuming every job ends (cancelled ones in Cancel, jobs without input never in Success).
 */
export default defineRule({
  id: 'lifecycle-model',
  title: 'Model-based lifecycle: states follow §3.2 under random submit/describe/list/cancel/pause/resume/upload/delete',
  spec: 'spec/cos-ci/components/schemas/JobState · spec/README.md §9.21 · ref §2.8, §2.10, §3.2',
  profile: 'quick',
  kind: 'model',
  async run(ctx) {
    const queue = await restoredQueue(ctx);
    let run = 0;
    const maxCommands = ctx.fc.numRuns > 10 ? 30 : 12;
    // Shrinking replays whole sequences; ctx.check.property bounds it (PropertyParameters.shrinkBudgetMs).
    await ctx.check.property([lifecycleCommands(maxCommands)], runSequence);
    async function runSequence(commands: Iterable<fc.AsyncCommand<LifecycleModel, LifecycleReal>>) {
      const input = `${ctx.prefix}run-${run++}/input.txt`;
      ctx.cleanup.object(input);
      await updateQueue(ctx, queue, { State: 'Active' });
      const model: LifecycleModel = { jobs: [], paused: false, inputExists: false };
      const real = { ctx, queue, input };
      await fc.asyncModelRun(() => ({ model, real }), commands);
      await updateQueue(ctx, queue, { State: 'Active' });
      for (const job of model.jobs) {
        const end = await waitTerminal(ctx, job.jobId);
        if (job.cancelled) ctx.check.equal(end.State, 'Cancel', `final State of job ${job.jobId} cancelled with 200`);
        else ctx.check.that(end.State !== 'Cancel' && (end.State !== 'Success' || job.mayExist), `final State of job ${job.jobId} consistent with the model (never cancelled; Success only with an input)`, `State ${end.State}`);
        observe(model, job, String(end.State));
      }
      // Terminal states are final: one more look at every job after all of them ended.
      for (const job of model.jobs) {
        const again = String((await describeOne(ctx, job.jobId)).State);
        const problem = impossibleTransition(job, again);
        ctx.check.that(problem === undefined, 'terminal states stay (§3.2)', () => `job ${job.jobId}: ${problem}`);
      }
    }
  },
});
