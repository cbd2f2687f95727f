import { defineRule } from '../rule.ts';
import { hashJob, putTestObject, submitOk } from '../support/jobs.ts';
import { callbackUrl, decodeTaskFinish, waitDelivery } from '../support/callbacks.ts';

/** `CallBackFormat=JSON` → a JSON object without a Response wrapper, valid against TaskFinishCallbackJson once leaves are coerced (§4.3, §9.23). */
export default defineRule({
  id: 'callback-json-format',
  title: 'JSON callbacks are unwrapped JSON objects valid as TaskFinishCallbackJson (string leaves coerced)',
  spec: 'spec/cos-ci/components/schemas/TaskFinishCallbackJson · spec/README.md §9.23 · ref §4.3, §8 F13',
  profile: 'quick',
  kind: 'scenario',
  needs: ['callbacks'],
  async run(ctx) {
    const key = await putTestObject(ctx, 'cb-json.txt', 'callback-json-format');
    for (const input of [key, `${ctx.prefix}missing.txt`]) {
      const { url, path } = callbackUrl(ctx);
      const { jobId } = await submitOk(ctx, hashJob(input, { callBack: url, callBackFormat: 'JSON' }));
      const delivery = await waitDelivery(ctx, path, 'CallBackFormat=JSON');
      const body = decodeTaskFinish(ctx, delivery, 'JSON');
      ctx.check.that(!('Response' in (JSON.parse(delivery.body) as object)), 'no Response wrapper around the JSON callback (§4.3)', delivery.body.slice(0, 200));
      ctx.check.equal(body.eventName, 'TaskFinish', 'EventName');
      ctx.check.equal(body.details.map((detail) => detail.JobId), [jobId], `JobsDetail JobIds in the JSON callback of job ${jobId}`);
    }
  },
});
