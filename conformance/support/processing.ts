/**
 * Helpers of the processing-correctness rules (FileCompress, FileUncompress, FileHashCode, zip
 * preview; reference §2.2–§2.4, §2.12, §2.13): upload a tree, run a job to its end, read outputs
 * back over HTTP. Every object created, also by the target, is registered for cleanup.
 */
import type { CosCiSchemas } from '../../protocol/codec.ts';
import { toHex } from '../archives/read.ts';
import type { TreeFile } from '../arbitraries/file-tree.ts';
import type { RuleContext } from '../rule.ts';
import { jobsDetails, submitOk, waitFinished, type JobsDetail, type SubmitJobRequest } from './jobs.ts';

type Ci = CosCiSchemas;
/** How long a processing job may take on the target before the rule fails (host clock). */
export const JOB_TIMEOUT_MS = 60_000;

/** Uploads every file of `tree` under `${ctx.prefix}${base}`; returns the keys in tree order. */
export async function uploadTree(ctx: RuleContext, base: string, tree: readonly TreeFile[]): Promise<string[]> {
  const keys: string[] = [];
  for (const file of tree) {
    const key = `${ctx.prefix}${base}${file.path}`;
    ctx.cleanup.object(key);
    ctx.check.exchange(await ctx.client.putObject(key, file.data), { status: 200 });
    keys.push(key);
  }
  return keys;
}

/** Deletes, at cleanup, every object under `prefix` (outputs the target wrote, whatever their names). */
export function cleanupUnder(ctx: RuleContext, prefix: string): void {
  ctx.cleanup.add(async () => {
    for (const key of await keysUnder(ctx, prefix)) await ctx.client.deleteObject(key);
  });
}

/** Every key under `prefix`, following `NextMarker` paging (COS GET Bucket). */
export async function keysUnder(ctx: RuleContext, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let marker: string | undefined;
  for (let page = 0; page < 100; page++) {
    const listed = await ctx.client.listObjects({ prefix, ...(marker === undefined ? {} : { marker }) });
    ctx.check.exchange(listed, { status: 200 });
    const contents = listed.value?.Contents ?? [];
    keys.push(...contents.map((entry) => entry.Key));
    if (!listed.value?.IsTruncated) return keys;
    marker = listed.value.NextMarker ?? contents.at(-1)?.Key;
    if (marker === undefined) return keys;
  }
  return keys;
}

/** The objects under `prefix` as a sorted `key → hex bytes` list. */
export async function objectsUnder(ctx: RuleContext, prefix: string): Promise<Array<[string, string]>> {
  const listing: Array<[string, string]> = [];
  for (const key of await keysUnder(ctx, prefix)) listing.push([key, toHex(await download(ctx, key))]);
  return listing.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** GETs an object, failing the rule unless it is a documented 200. */
export async function download(ctx: RuleContext, key: string): Promise<Uint8Array> {
  const got = await ctx.client.getObject(key);
  ctx.check.exchange(got, { status: 200 });
  return got.bytes;
}

/** Submits `body`, polls describe until the job ends and returns its final `JobsDetail`. */
export async function runJob(ctx: RuleContext, body: SubmitJobRequest): Promise<JobsDetail> {
  const { jobId } = await submitOk(ctx, body);
  return waitFinished(ctx, ctx.client, jobId, JOB_TIMEOUT_MS);
}

/** Fails unless the job ended in `Success` (§3.2); the received text names Code and Message. */
export function expectSuccess(ctx: RuleContext, detail: JobsDetail, what: string): void {
  ctx.check.that(detail.State === 'Success', `${what}: job ${detail.JobId} ends in State Success (§3.2)`, () => `State ${detail.State}, Code ${detail.Code}, Message ${detail.Message ?? '(empty)'}`);
}

/** A FileCompress request writing to `outputKey` in the target's bucket (§2.2); `config` adds sources and options. */
export function compressRequest(ctx: RuleContext, config: Partial<Ci['FileCompressConfig']>, outputKey: string): SubmitJobRequest {
  ctx.cleanup.object(outputKey);
  return {
    Tag: 'FileCompress',
    Operation: {
      FileCompressConfig: { Flatten: '0', Format: 'zip', ...config },
      Output: { Region: ctx.target.region, Bucket: ctx.target.bucket, Object: outputKey },
    },
  } as SubmitJobRequest;
}

/** A FileUncompress request for the archive at `archiveKey` into the target's bucket (§2.3). */
export function uncompressRequest(ctx: RuleContext, archiveKey: string, config: Ci['FileUncompressConfig']): SubmitJobRequest {
  return {
    Tag: 'FileUncompress',
    Input: { Object: archiveKey },
    Operation: { FileUncompressConfig: config, Output: { Region: ctx.target.region, Bucket: ctx.target.bucket } },
  } as SubmitJobRequest;
}

/** The result container of a finished job's `Operation` (§3.4), or undefined. */
export function resultOf<K extends 'FileCompressResult' | 'FileUncompressResult' | 'FileHashCodeResult'>(detail: JobsDetail, name: K): Ci[K] | undefined {
  return (detail.Operation as Partial<Record<K, Ci[K]>> | undefined)?.[name];
}


/**
 * Property runs for properties whose every case is a whole job: a quarter of the run's numRuns
 * (3 in quick, 25 in full), so the quick profile stays within its time budget on real targets.
 */
export function jobRuns(ctx: RuleContext): { numRuns: number } {
  return { numRuns: Math.max(2, Math.ceil(ctx.fc.numRuns / 4)) };
}

/**
 * Awaits independent jobs run concurrently (wall time of one job instead of their sum) and reports
 * the first failure in task order, so the same broken behaviour gives the same report every run.
 */
export async function settleInOrder<T extends readonly unknown[]>(tasks: { readonly [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(tasks as readonly Promise<unknown>[]);
  const failed = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
