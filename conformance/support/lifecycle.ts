/**
 * Helpers for rules about job lifecycles, queues and listing (reference §2.6–§2.10, §3.2): bounded
 * polling on the host clock, the bucket's queue with restore-on-cleanup, and paging through lists.
 */
import type { ListJobsQuery } from '../../protocol/client.ts';
import type { CosCiSchemas } from '../../protocol/codec.ts';
import type { RuleContext } from '../rule.ts';
import { jobsDetails, type JobsDetail } from './jobs.ts';

/** A file-processing queue as `GET /file_queue` lists it (generated type). */
export type Queue = CosCiSchemas['Queue'];

/** States a job never leaves (§3.2). */
export const TERMINAL_STATES: readonly string[] = ['Success', 'Failed', 'Cancel'];

/** How long to wait for a job state change: the target's `jobTimeoutMs`, else 30 s. */
export function jobTimeout(ctx: RuleContext): number {
  return ctx.target.jobTimeoutMs ?? 30_000;
}

/** Describes one job and returns its `JobsDetail`, failing unless describe is a documented 200 holding it. */
export async function describeOne(ctx: RuleContext, jobId: string): Promise<JobsDetail> {
  const exchange = await ctx.client.describeJobs(jobId);
  ctx.check.exchange(exchange, { status: 200 });
  const detail = jobsDetails(exchange.value).find((entry) => entry.JobId === jobId);
  return ctx.check.present(detail, `GET /jobs/${jobId} returns that job (§2.6)`, () => exchange.text);
}

/**
 * Polls describe until `accept` holds, calling `observe` on every detail seen (so rules can judge
 * each intermediate state); fails after the job timeout.
 */
export async function waitUntil(ctx: RuleContext, jobId: string, accept: (detail: JobsDetail) => boolean, what: string, observe?: (detail: JobsDetail) => void): Promise<JobsDetail> {
  const deadline = Date.now() + jobTimeout(ctx);
  for (;;) {
    const detail = await describeOne(ctx, jobId);
    observe?.(detail);
    if (accept(detail)) return detail;
    if (Date.now() > deadline) ctx.check.fail(`job ${jobId} ${what} within ${jobTimeout(ctx)} ms`, `State ${detail.State} (Progress ${detail.Progress ?? '-'})`);
    await ctx.sleep(40);
  }
}

/** Waits until the job is in a terminal state (§3.2). */
export function waitTerminal(ctx: RuleContext, jobId: string, observe?: (detail: JobsDetail) => void): Promise<JobsDetail> {
  return waitUntil(ctx, jobId, (detail) => TERMINAL_STATES.includes(String(detail.State)), 'reaches Success, Failed or Cancel', observe);
}

/** The bucket's file-processing queue (the first `GET /file_queue` lists). */
export async function bucketQueue(ctx: RuleContext): Promise<Queue> {
  const exchange = await ctx.client.listQueues();
  ctx.check.exchange(exchange, { status: 200 });
  const queues = [exchange.value?.QueueList ?? []].flat();
  return ctx.check.present(queues[0], 'the bucket has a file-processing queue in GET /file_queue (§2.9, §2.11)', () => exchange.text);
}

/** Updates the queue's State and/or NotifyConfig, keeping the rest; fails unless the update answers 200. */
export async function updateQueue(ctx: RuleContext, queue: Queue, change: Partial<Pick<Queue, 'State' | 'NotifyConfig'>>, method: 'PUT' | 'POST' = 'PUT') {
  const body = { Name: queue.Name, State: change.State ?? queue.State, NotifyConfig: change.NotifyConfig ?? queue.NotifyConfig ?? { State: 'Off' as const } };
  const exchange = await ctx.client.updateQueue(queue.QueueId, body, { method });
  ctx.check.exchange(exchange, { status: 200 });
  return exchange;
}

/** The bucket's queue, with a cleanup step that puts its State and NotifyConfig back afterwards. */
export async function restoredQueue(ctx: RuleContext): Promise<Queue> {
  const queue = await bucketQueue(ctx);
  ctx.cleanup.add(() => ctx.client.updateQueue(queue.QueueId, { Name: queue.Name, State: queue.State, NotifyConfig: queue.NotifyConfig ?? { State: 'Off' } }));
  return queue;
}

/** Pauses the bucket's queue (restored at cleanup) so that jobs submitted now wait in Pause (§2.10). */
export async function pausedQueue(ctx: RuleContext): Promise<Queue> {
  const queue = await restoredQueue(ctx);
  await updateQueue(ctx, queue, { State: 'Paused' });
  return queue;
}

/** Every job a list query returns, following `NextToken`; also the number of pages read. */
export async function listAll(ctx: RuleContext, query: ListJobsQuery): Promise<{ jobs: JobsDetail[]; pages: number }> {
  const jobs: JobsDetail[] = [];
  let nextToken: string | undefined;
  for (let pages = 1; pages <= 1000; pages++) {
    const exchange = await ctx.client.listJobs({ ...query, ...(nextToken ? { nextToken } : {}) });
    ctx.check.exchange(exchange, { status: 200 });
    jobs.push(...jobsDetails(exchange.value));
    nextToken = exchange.value?.NextToken;
    if (!nextToken) return { jobs, pages };
  }
  return ctx.check.fail('NextToken paging ends (empty NextToken on the last page, §2.7)', 'more than 1000 pages');
}
