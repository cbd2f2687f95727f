/** E2 describe (§2.6) and E3 list (§2.7) over the engine's jobs. */
import { checkIdList } from './cancel.ts';
import { cloneJson, jobInBucket, seenFrom, type EngineContext } from './context.ts';
import { invalidArgument } from './errors.ts';
import { comparePositions, decodeToken, encodeToken, type ListPosition } from './paging.ts';
import { JOB_STATES, type JobDetail, type JobRecord, type JobState } from './types.ts';

/** E2 result: one detail per existing id in request order; missing ids in `NonExistJobIds`. */
export interface DescribeResult { JobsDetail: JobDetail[]; NonExistJobIds: string[] }

/**
 * Describes 1..10 jobs; repeated ids are answered once; with `bucket`, other buckets' jobs count as
 * unknown. The details are copies unless `copy` is false (then they are the engine's own).
 */
export function describeJobs(ctx: EngineContext, ids: readonly string[], bucket?: string, copy = true): DescribeResult {
  const result: DescribeResult = { JobsDetail: [], NonExistJobIds: [] };
  for (const id of checkIdList(ids)) {
    const job = jobInBucket(ctx, id, bucket);
    if (job) result.JobsDetail.push(copy ? cloneJson(job.detail) : job.detail);
    else result.NonExistJobIds.push(id);
  }
  return result;
}

/** E3 query; times are epoch ms already parsed from `%Y-%m-%dT%H:%M:%S%z` by the HTTP edge. */
export interface JobListQuery {
  tag: string;
  /** Only this bucket's jobs (the Host's bucket); absent = every bucket (admin view). */
  bucket?: string;
  queueId?: string;
  /** Queue category (§2.7, §2.9 `Category`); ignored when `queueId` is set. File queues are `FileProcess`. */
  queueType?: string;
  /** Workflow / inventory-trigger origin (§2.7); API-submitted file jobs have neither, so a value matches none. */
  workflowId?: string;
  inventoryTriggerJobId?: string;
  /** Exact `Input/Object` (§2.7 `inputObject`). */
  inputObject?: string;
  /** Comma list of states or `All` (default). */
  states?: string;
  orderByTime?: string;
  size?: number;
  nextToken?: string;
  startCreationTime?: number;
  endCreationTime?: number;
}

/** E3 result; `NextToken` is empty on the last page. */
export interface JobListResult { JobsDetail: JobDetail[]; NextToken: string }

function parseStates(states: string | undefined): Set<JobState> {
  const names = (states ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0 || names.includes('All')) return new Set(JOB_STATES);
  return new Set(names.map((name) => {
    const state = JOB_STATES.find((s) => s === name);
    if (!state) throw invalidArgument(`states: unknown state "${name}"; use All or ${JOB_STATES.join(', ')}`);
    return state;
  }));
}

function parseQuery(query: JobListQuery): { states: Set<JobState>; desc: boolean; size: number; after?: ListPosition } {
  if (!query.tag) throw invalidArgument('tag is required');
  const order = query.orderByTime || 'Desc';
  if (order !== 'Desc' && order !== 'Asc') throw invalidArgument(`orderByTime must be Desc or Asc, got "${order}"`);
  const size = query.size ?? 10;
  if (!Number.isInteger(size) || size < 1 || size > 100) throw invalidArgument(`size must be an integer from 1 to 100, got ${size}`);
  const parsed = { states: parseStates(query.states), desc: order === 'Desc', size };
  return query.nextToken ? { ...parsed, after: decodeToken(query.nextToken) } : parsed;
}

/** Seconds, the resolution of `CreationTime` on the wire; bounds compare at that resolution. */
const seconds = (ms: number): number => Math.floor(ms / 1000);

function inTimeRange(job: JobRecord, query: JobListQuery): boolean {
  const created = seconds(job.detail.CreationTime);
  // Inclusive, as the spec decides for §9.20 (the SDK demos say "大于等于/小于等于").
  return (query.startCreationTime === undefined || created >= seconds(query.startCreationTime)) &&
    (query.endCreationTime === undefined || created <= seconds(query.endCreationTime));
}

/**
 * The non-paging filters of §2.7. `queueId` wins over `queueType` (JS demo: "同时存在时 queueId 优先").
 * File jobs are never started by a workflow or an inventory trigger here (no `Workflow` container,
 * §3.1), so `workflowId`/`inventoryTriggerJobId` match no job (spec README §9 decisions).
 */
function matches(ctx: EngineContext, job: JobRecord, query: JobListQuery, states: Set<JobState>): boolean {
  const { detail } = job;
  if (detail.Tag !== query.tag || !states.has(detail.State) || !inTimeRange(job, query)) return false;
  if (!seenFrom(ctx, job, query.bucket)) return false;
  if (query.queueId) {
    if (detail.QueueId !== query.queueId) return false;
  } else if (query.queueType && ctx.state.queues.get(detail.QueueId)?.Category !== query.queueType) return false;
  if (query.workflowId || query.inventoryTriggerJobId) return false;
  return !query.inputObject || detail.Input?.Object === query.inputObject;
}

const positionOf = (job: JobRecord): ListPosition => ({ creationTime: job.detail.CreationTime, seq: job.seq });

/**
 * Lists jobs of one tag, ordered by (CreationTime, submission order). `NextToken` encodes the last
 * returned position, so each job present when paging began is returned exactly once even if jobs
 * are added between pages (new ones sort after the cursor in Asc, before it in Desc).
 */
export function listJobs(ctx: EngineContext, query: JobListQuery): JobListResult {
  const { states, desc, size, after } = parseQuery(query);
  const direction = desc ? -1 : 1;
  const matching = [...ctx.state.jobs.values()]
    .filter((job) => matches(ctx, job, query, states) && (!after || direction * comparePositions(positionOf(job), after) > 0))
    .sort((a, b) => direction * comparePositions(positionOf(a), positionOf(b)));
  const page = matching.slice(0, size);
  const more = matching.length > size;
  // paging-skips-job: the token points at the first job of the next page, so that job is skipped.
  const cursor = ctx.deps.faults.isOn('paging-skips-job') ? matching[size] : page.at(-1);
  return { JobsDetail: page.map((job) => cloneJson(job.detail)), NextToken: more && cursor ? encodeToken(positionOf(cursor)) : '' };
}
