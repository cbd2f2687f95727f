import { defineRule } from '../rule.ts';
import { hashJob, putTestObject, submitOk, type JobsDetail } from '../support/jobs.ts';
import { callbackUrl, decodeTaskFinish, waitDelivery } from '../support/callbacks.ts';
import { describeOne } from '../support/lifecycle.ts';

const essentials = (detail: JobsDetail) => {
  const { JobId, Tag, State, Code, CreationTime, StartTime, EndTime, QueueId } = detail as unknown as Record<string, unknown>;
  const { FileHashCodeResult, UserData } = (detail.Operation ?? {}) as Record<string, unknown>;
  return { JobId, Tag, State, Code, CreationTime, StartTime, EndTime, QueueId, UserData, FileHashCodeResult };
};

/** The callback's JobsDetail is the finished job as describe reports it: same id, state, code, times and result (§4.2, §4.3, §3.1). */
export default defineRule({
  id: 'callback-matches-describe',
  title: 'A callback reports the same JobId, State, Code, times, UserData and result as describe',
  spec: 'spec/cos-ci/components/schemas/TaskFinishCallback, TaskFinishCallbackJson, JobsDetail · ref §3.1 (one shape everywhere), §4.2, §4.3',
  profile: 'quick',
  kind: 'scenario',
  needs: ['callbacks'],
  async run(ctx) {
    const key = await putTestObject(ctx, 'cb-match.txt', 'callback-matches-describe');
    const cases = [[key, 'XML'], [key, 'JSON'], [`${ctx.prefix}missing.txt`, 'JSON']] as const;
    const submitted = [];
    for (const [input, format] of cases) {
      const { url, path } = callbackUrl(ctx);
      submitted.push({ format, path, jobId: (await submitOk(ctx, hashJob(input, { callBack: url, callBackFormat: format, userData: `match ${format}`, type: 'SHA1' }))).jobId });
    }
    for (const { format, path, jobId } of submitted) {
      const [called] = decodeTaskFinish(ctx, await waitDelivery(ctx, path, `CallBackFormat=${format}`), format).details;
      const described = await describeOne(ctx, jobId);
      ctx.check.equal(essentials(called ?? ({} as JobsDetail)), essentials(described), `${format} callback JobsDetail vs describe of job ${jobId}`);
    }
  },
});
