import { defineRule } from '../rule.ts';
import { hashJob, putTestObject, submitOk } from '../support/jobs.ts';
import { callbackUrl, decodeTaskFinish, waitDelivery } from '../support/callbacks.ts';

/** `CallBackFormat=XML` (and the default) → `<Response><EventName>TaskFinish</EventName><JobsDetail>…` valid against TaskFinishCallback (§4.2). */
export default defineRule({
  id: 'callback-xml-format',
  title: 'XML callbacks (CallBackFormat=XML or absent) validate as TaskFinishCallback with EventName TaskFinish',
  spec: 'spec/cos-ci/components/schemas/TaskFinishCallback · spec/cos-ci/paths/jobs.yaml#post callbacks · spec/README.md §9.23 · ref §4.2, §8 F13',
  profile: 'quick',
  kind: 'scenario',
  needs: ['callbacks'],
  async run(ctx) {
    const key = await putTestObject(ctx, 'cb-xml.txt', 'callback-xml-format');
    const cases = [[key, 'XML'], [key, undefined], [`${ctx.prefix}missing.txt`, 'XML']] as const;
    const submitted = [];
    for (const [input, format] of cases) {
      const { url, path } = callbackUrl(ctx);
      submitted.push({ format, path, jobId: (await submitOk(ctx, hashJob(input, { callBack: url, ...(format ? { callBackFormat: format } : {}) }))).jobId });
    }
    for (const { format, path, jobId } of submitted) {
      const delivery = await waitDelivery(ctx, path, `CallBackFormat=${format ?? '(absent)'}`);
      ctx.check.equal(delivery.method, 'POST', 'callback method (§4.1)');
      const body = decodeTaskFinish(ctx, delivery, 'XML');
      ctx.check.equal(body.eventName, 'TaskFinish', 'EventName');
      ctx.check.equal(body.details.map((detail) => detail.JobId), [jobId], `JobsDetail JobIds in the XML callback of job ${jobId} (one per callback, §9.23)`);
    }
  },
});
