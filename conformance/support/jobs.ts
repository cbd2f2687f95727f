/**
 * Small builders of valid job requests (reference §2.2–§2.4) and accessors of responses, shared by
 * rules so each rule states only what it varies.
 */
import type { Client, Exchange } from '../../protocol/client.ts';
import type { CosCiSchemas } from '../../protocol/codec.ts';
import type { RuleContext } from '../rule.ts';

type Ci = CosCiSchemas;
/** A submit request body (generated type). */
export type SubmitJobRequest = Ci['SubmitJobRequest'];
/** One `JobsDetail` of a response (generated type). */
export type JobsDetail = Ci['JobsDetail'];

/** A FileHashCode job over `key` (reference §2.4): the cheapest job every target runs. */
export function hashJob(key: string, extra: { type?: string; userData?: string; callBack?: string; callBackFormat?: 'XML' | 'JSON' } = {}): SubmitJobRequest {
  return {
    Tag: 'FileHashCode',
    Input: { Object: key },
    Operation: {
      FileHashCodeConfig: { Type: extra.type ?? 'MD5' },
      ...(extra.userData !== undefined ? { UserData: extra.userData } : {}),
    },
    ...(extra.callBack !== undefined ? { CallBack: extra.callBack } : {}),
    ...(extra.callBackFormat !== undefined ? { CallBackFormat: extra.callBackFormat } : {}),
  } as SubmitJobRequest;
}

/** The `JobsDetail` entries of a submit/describe/list response, whether one element or many. */
export function jobsDetails(value: { JobsDetail?: unknown } | undefined): JobsDetail[] {
  const details = value?.JobsDetail;
  if (details === undefined) return [];
  return (Array.isArray(details) ? details : [details]) as JobsDetail[];
}

/** Uploads an object under the rule's prefix and registers it for cleanup; returns its key. */
export async function putTestObject(ctx: RuleContext, name: string, body: string | Uint8Array): Promise<string> {
  const key = `${ctx.prefix}${name}`;
  ctx.cleanup.object(key);
  const put = await ctx.client.putObject(key, body);
  ctx.check.exchange(put, { status: 200 });
  return key;
}

/** Submits a job and returns its id, failing the rule unless the submit is a documented 200. */
export async function submitOk(ctx: RuleContext, body: SubmitJobRequest, path?: '/file_jobs' | '/jobs'): Promise<{ jobId: string; exchange: Exchange<Ci['SubmitJobResponse']> }> {
  const exchange = await ctx.client.submitJob(body, path ? { path } : {});
  ctx.check.exchange(exchange, { status: 200 });
  const jobId = ctx.check.present(jobsDetails(exchange.value)[0]?.JobId, 'a JobsDetail with a JobId in the submit response (§2.5)', () => exchange.text);
  return { jobId, exchange };
}

/** Polls describe until the job is finished (Success/Failed/Cancel) or `timeoutMs` passes on the host clock. */
export async function waitFinished(ctx: RuleContext, client: Client, jobId: string, timeoutMs = 30_000): Promise<JobsDetail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const exchange = await client.describeJobs(jobId);
    ctx.check.exchange(exchange, { status: 200 });
    const [detail] = jobsDetails(exchange.value);
    if (detail && ['Success', 'Failed', 'Cancel'].includes(String(detail.State))) return detail;
    if (Date.now() > deadline) ctx.check.fail(`job ${jobId} finished within ${timeoutMs} ms`, `state ${detail?.State ?? '(absent)'}`);
    await ctx.sleep(100);
  }
}
