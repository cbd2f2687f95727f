import { defineRule } from '../rule.ts';
import { hashJob, jobsDetails, putTestObject, submitOk } from '../support/jobs.ts';

/** `orderByTime=Asc` lists oldest first, `Desc` (the default) newest first (§2.7). */
export default defineRule({
  id: 'list-ordering',
  title: 'List orders by CreationTime: Asc oldest first, Desc (default) newest first',
  spec: 'spec/cos-ci/paths/jobs.yaml#get · components/parameters/ListOrderByTime · ref §2.7',
  profile: 'quick',
  kind: 'scenario',
  async run(ctx) {
    const key = await putTestObject(ctx, 'order.txt', 'list-ordering');
    const submitted: string[] = [];
    for (let i = 0; i < 3; i++) {
      // CreationTime has one-second resolution: space the jobs so their order is unambiguous.
      if (i > 0) await ctx.sleep(1100);
      submitted.push((await submitOk(ctx, hashJob(key))).jobId);
    }
    for (const [order, expected] of [['Asc', submitted], ['Desc', [...submitted].reverse()], [undefined, [...submitted].reverse()]] as const) {
      const listed = await ctx.client.listJobs({ tag: 'FileHashCode', inputObject: key, ...(order ? { orderByTime: order } : {}) });
      ctx.check.exchange(listed, { status: 200 });
      ctx.check.equal(jobsDetails(listed.value).map((detail) => detail.JobId), expected, `JobIds for orderByTime=${order ?? '(absent = Desc)'}`);
    }
  },
});
