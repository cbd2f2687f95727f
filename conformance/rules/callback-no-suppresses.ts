import { defineRule } from '../rule.ts';
import { hashJob, putTestObject, submitOk } from '../support/jobs.ts';
import { callbackUrl, decodeTaskFinish, deliveriesAt, waitDelivery } from '../support/callbacks.ts';
import { restoredQueue, updateQueue, waitTerminal } from '../support/lifecycle.ts';

/**
 * `CallBack=no` suppresses the queue's callback for that job while queue notification is On;
 * a job without `CallBack` is reported to the queue's URL (§4.1).
 */
export default defineRule({
  id: 'callback-no-suppresses',
  title: 'CallBack=no sends no callback although the queue NotifyConfig is On (which does notify other jobs)',
  spec: 'spec/cos-ci/components/schemas/SubmitJobCommon (CallBack), NotifyConfig · spec/cos-ci/webhooks onQueueTaskFinish · ref §4.1, §2.10',
  profile: 'quick',
  kind: 'scenario',
  needs: ['callbacks'],
  async run(ctx) {
    const key = await putTestObject(ctx, 'cb-no.txt', 'callback-no-suppresses');
    const queue = await restoredQueue(ctx);
    const notified = callbackUrl(ctx);
    await updateQueue(ctx, queue, { NotifyConfig: { State: 'On', Event: 'TaskFinish', Type: 'Url', Url: notified.url, ResultFormat: 'XML' } });
    const silent = (await submitOk(ctx, hashJob(key, { callBack: 'no' }))).jobId;
    await waitTerminal(ctx, silent);
    const loud = (await submitOk(ctx, hashJob(key))).jobId;
    await waitTerminal(ctx, loud);
    await waitDelivery(ctx, notified.path, `queue NotifyConfig callback of job ${loud}`);
    const reported = (await deliveriesAt(ctx, notified.path)).flatMap((delivery) => decodeTaskFinish(ctx, delivery, 'XML').details.map((detail) => detail.JobId));
    ctx.check.that(reported.includes(loud), `the queue URL is called for job ${loud} submitted without CallBack (§4.1)`, `JobIds reported ${JSON.stringify(reported)}`);
    ctx.check.that(!reported.includes(silent), `no callback for job ${silent} submitted with CallBack=no (§4.1)`, `JobIds reported ${JSON.stringify(reported)}`);
  },
});
