/**
 * "No job created" for negative inputs: the newest job of each file tag must be the same before
 * and after (list is ordered by creation time, §2.7), so a rejected request left nothing behind.
 */
import type { RuleContext } from '../rule.ts';
import { jobsDetails } from './jobs.ts';

const TAGS = ['FileCompress', 'FileUncompress', 'FileHashCode'] as const;

/** The newest JobId per file tag (`''` when a tag has none). */
export async function newestJobs(ctx: RuleContext): Promise<string[]> {
  const newest: string[] = [];
  for (const tag of TAGS) {
    const listed = await ctx.client.listJobs({ tag, orderByTime: 'Desc', size: 1 });
    ctx.check.exchange(listed, { status: 200 });
    newest.push(jobsDetails(listed.value)[0]?.JobId ?? '');
  }
  return newest;
}

/** Fails when a job appeared since `before` was taken. */
export async function assertNoNewJob(ctx: RuleContext, before: readonly string[], after: string): Promise<void> {
  const now = await newestJobs(ctx);
  ctx.check.equal(now, before, `newest JobId per tag (${TAGS.join(', ')}) after ${after} — a rejected request must create no job`);
}
