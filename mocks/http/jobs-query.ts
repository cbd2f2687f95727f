/** E2 describe, E3 list and E4 cancel (reference §2.6–2.8), as the spec decides (§9.16, §9.20, §9.21). */
import { cosCiCodec } from '../../protocol/codec.ts';
import { parseJobTime } from '../../protocol/time.ts';
import type { DescribeResult, JobListQuery } from '../engine/queries.ts';
import { isTerminal } from '../engine/state-machine.ts';
import type { JobState, JobTag } from '../engine/types.ts';
import { invalidArgument } from './http-error.ts';
import { jobDetailToWire as toWireJob } from '../callbacks/bodies.ts';
import { emptyResponse, xmlResponse } from './respond.ts';
import type { Handler, RequestContext } from './types.ts';

/** Job ids from the path: already percent-decoded (Python sends `a%2Cb`), checked by the spec's pattern. */
function jobIds(ctx: RequestContext, operationId: string): string[] {
  ctx.services.params.cosCi(operationId, { query: ctx.url.searchParams, path: { JobIds: ctx.variable } });
  return ctx.variable.split(',');
}

// A finished job never changes (§3.2), and clients keep polling it: the answer describing just that
// job is kept with the engine's detail object (dropped with it) and checked against its state.
const finishedAnswers = new WeakMap<object, { state: string; xml: string }>();

function encodeDescribe(result: Readonly<DescribeResult>): string {
  return cosCiCodec.encode({
    ...(result.JobsDetail.length > 0 && { JobsDetail: result.JobsDetail.map(toWireJob) }),
    ...(result.NonExistJobIds.length > 0 && { NonExistJobIds: result.NonExistJobIds }),
  }, 'DescribeJobsResponse');
}

/** `describeFileJobs` / `describeJobs`: 200 even when every id is unknown (§9.16), unknown ids (or other buckets' jobs) in `NonExistJobIds`. */
export const describeJobs: Handler = async (ctx) => {
  const { engine } = ctx.services;
  // Encoded on the spot, so the engine's own details are read without defensive copies.
  const xml = engine.describeWith(jobIds(ctx, 'describeJobs'), ctx.host.bucket, (result) => {
    const only = result.JobsDetail.length === 1 && result.NonExistJobIds.length === 0 ? result.JobsDetail[0] : undefined;
    if (!only || !isTerminal(only.State) || engine.faults.isOn('terminal-state-changes')) return encodeDescribe(result);
    const known = finishedAnswers.get(only);
    if (known?.state === only.State) return known.xml;
    const answer = encodeDescribe(result);
    finishedAnswers.set(only, { state: only.State, xml: answer });
    return answer;
  });
  return xmlResponse(ctx.meta, 200, xml);
};

/** `cancelJobs` (`?cancel` or `?cancel=`): 200 with no body; Running/finished → 400 InvalidRequest, unknown (in this bucket) → 404 NoSuchJob. */
export const cancelJobs: Handler = async (ctx) => {
  ctx.services.engine.cancel(jobIds(ctx, 'cancelJobs'), ctx.host.bucket);
  return emptyResponse(ctx.meta, 200);
};

// Inclusive bounds (§9.20) are applied by the engine at the one-second resolution of CreationTime.
function bound(value: unknown, name: string): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const ms = parseJobTime(value);
  if (ms === null || ms === undefined || Number.isNaN(ms)) throw invalidArgument(name, `"${value}" is not a time like 2022-07-18T15:16:43+0800`);
  return ms;
}

const TEXT_FILTERS = ['queueId', 'queueType', 'workflowId', 'inventoryTriggerJobId', 'inputObject'] as const;

/** `listJobs`: one page of the Host's bucket's jobs, `NextToken` empty on the last page. */
export const listJobs: Handler = async (ctx) => {
  const p = ctx.services.params.cosCi('listJobs', { query: ctx.url.searchParams });
  const query: JobListQuery = { tag: p.tag as JobTag, bucket: ctx.host.bucket };
  for (const name of TEXT_FILTERS) {
    const value = p[name];
    if (typeof value === 'string' && value !== '') query[name] = value;
  }
  if (typeof p.states === 'string' && p.states !== '') query.states = p.states as JobState | 'All';
  if (p.orderByTime !== undefined) query.orderByTime = p.orderByTime as 'Desc' | 'Asc';
  if (p.size !== undefined) query.size = p.size as number;
  if (typeof p.nextToken === 'string' && p.nextToken !== '') query.nextToken = p.nextToken;
  const start = bound(p.startCreationTime, 'startCreationTime');
  const end = bound(p.endCreationTime, 'endCreationTime');
  if (start !== undefined) query.startCreationTime = start;
  if (end !== undefined) query.endCreationTime = end;
  const page = ctx.services.engine.list(query);
  const body = {
    ...(page.JobsDetail.length > 0 && { JobsDetail: page.JobsDetail.map(toWireJob) }),
    ...(page.NextToken && { NextToken: page.NextToken }),
  };
  return xmlResponse(ctx.meta, 200, cosCiCodec.encode(body, 'ListJobsResponse'));
};
