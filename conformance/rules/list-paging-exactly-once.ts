import fc from 'fast-check';
import { defineRule } from '../rule.ts';
import { hashJob, putTestObject, submitOk } from '../support/jobs.ts';
import { listAll } from '../support/lifecycle.ts';

/**
 * Following `NextToken` page by page returns every matching job exactly once, for every page
 * size and both orders, even when a job is submitted between pages (§2.7).
 */
export default defineRule({
  id: 'list-paging-exactly-once',
  title: 'NextToken paging covers every job exactly once (any size, both orders, jobs added meanwhile)',
  spec: 'spec/cos-ci/paths/jobs.yaml#get · components/parameters/ListNextToken, ListSize · components/schemas/ListJobsResponse (NextToken) · ref §2.7',
  profile: 'quick',
  kind: 'property',
  async run(ctx) {
    const key = await putTestObject(ctx, 'paging.txt', 'list-paging-exactly-once');
    const jobs: string[] = [];
    for (let i = 0; i < 7; i++) jobs.push((await submitOk(ctx, hashJob(key))).jobId);
    await ctx.check.property([fc.integer({ min: 1, max: 8 }), fc.constantFrom('Asc', 'Desc'), fc.boolean()], async (size, order, addDuringPaging) => {
      const query = { tag: 'FileHashCode', inputObject: key, orderByTime: order, size };
      const first = await ctx.client.listJobs(query);
      ctx.check.exchange(first, { status: 200 });
      const firstIds = [first.value?.JobsDetail ?? []].flat().map((detail) => String(detail.JobId));
      if (addDuringPaging) jobs.push((await submitOk(ctx, hashJob(key))).jobId);
      const token = first.value?.NextToken;
      const rest = token ? (await listAll(ctx, { ...query, nextToken: token })).jobs.map((detail) => String(detail.JobId)) : [];
      const seen = [...firstIds, ...rest];
      const duplicates = seen.filter((id, i) => seen.indexOf(id) !== i);
      ctx.check.equal(duplicates, [], `JobIds returned twice while paging size=${size} ${order}`);
      const before = addDuringPaging ? jobs.slice(0, -1) : jobs;
      const missing = before.filter((id) => !seen.includes(id));
      ctx.check.equal(missing, [], `jobs skipped while paging size=${size} ${order} (present before paging began)`);
    });
  },
});
