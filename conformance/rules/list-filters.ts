import { formatJobTime, parseJobTime } from '../../protocol/time.ts';
import { defineRule, type RuleContext } from '../rule.ts';
import { hashJob, jobsDetails, putTestObject, submitOk } from '../support/jobs.ts';
import { listAll, pausedQueue, waitTerminal } from '../support/lifecycle.ts';
import type { ListJobsQuery } from '../../protocol/client.ts';

async function idsOf(ctx: RuleContext, query: ListJobsQuery): Promise<string[]> {
  return (await listAll(ctx, { size: 100, ...query })).jobs.map((detail) => String(detail.JobId)).sort();
}

/**
 * List filters (§2.7): `tag` lists only that tag, `states` only those states (comma list, `All`),
 * `startCreationTime`/`endCreationTime` are inclusive bounds in the Timestamp format (§9.20).
 */
export default defineRule({
  id: 'list-filters',
  title: 'List filters by tag, states and inclusive creation-time bounds',
  spec: 'spec/cos-ci/paths/jobs.yaml#get · components/parameters/ListTag, ListStates, ListStartCreationTime, ListEndCreationTime · spec/README.md §9.20 · ref §2.7',
  profile: 'quick',
  kind: 'scenario',
  async run(ctx) {
    const key = await putTestObject(ctx, 'filters.txt', 'list-filters');
    const done = await waitTerminal(ctx, (await submitOk(ctx, hashJob(key))).jobId);
    await pausedQueue(ctx);
    const paused = (await submitOk(ctx, hashJob(key))).jobId;
    const cancelled = (await submitOk(ctx, hashJob(key))).jobId;
    ctx.check.exchange(await ctx.client.cancelJobs(cancelled), { status: 200 });
    const base = { tag: 'FileHashCode', inputObject: key };
    const expect = async (query: ListJobsQuery, ids: string[], what: string) => ctx.check.equal(await idsOf(ctx, query), [...ids].sort(), `JobIds listed for ${what}`);
    await expect(base, [String(done.JobId), paused, cancelled], 'states absent (= All)');
    await expect({ ...base, states: 'All' }, [String(done.JobId), paused, cancelled], 'states=All');
    await expect({ ...base, states: String(done.State) }, [String(done.JobId)], `states=${done.State}`);
    await expect({ ...base, states: 'Pause' }, [paused], 'states=Pause');
    await expect({ ...base, states: `Cancel,${done.State}` }, [cancelled, String(done.JobId)], `states=Cancel,${done.State}`);
    await expect({ ...base, states: 'Running' }, [], 'states=Running (none running)');
    await expect({ ...base, tag: 'FileCompress' }, [], 'tag=FileCompress (only hash jobs on this input)');
    const other = await ctx.client.listJobs({ tag: 'FileUncompress', size: 100 });
    ctx.check.exchange(other, { status: 200 });
    ctx.check.that(jobsDetails(other.value).every((detail) => detail.Tag === 'FileUncompress'), 'only FileUncompress jobs for tag=FileUncompress', () => jobsDetails(other.value).map((detail) => detail.Tag).join(','));
    const all = (await listAll(ctx, { ...base, size: 100 })).jobs;
    const created = all.map((detail) => parseJobTime(String(detail.CreationTime)) as number);
    const [first, last] = [Math.min(...created), Math.max(...created)];
    const ids = all.map((detail) => String(detail.JobId));
    const within = (from: number, to: number) => ids.filter((_, i) => (created[i] as number) >= from && (created[i] as number) <= to);
    await expect({ ...base, startCreationTime: formatJobTime(first), endCreationTime: formatJobTime(last) }, ids, 'bounds = [first, last] CreationTime (inclusive, §9.20)');
    await expect({ ...base, startCreationTime: formatJobTime(last) }, within(last, last), 'startCreationTime = the last CreationTime (inclusive)');
    await expect({ ...base, endCreationTime: formatJobTime(first) }, within(first, first), 'endCreationTime = the first CreationTime (inclusive)');
    await expect({ ...base, startCreationTime: formatJobTime(last + 1000) }, [], 'startCreationTime one second after the last job');
    await expect({ ...base, endCreationTime: formatJobTime(first - 1000) }, [], 'endCreationTime one second before the first job');
  },
});
