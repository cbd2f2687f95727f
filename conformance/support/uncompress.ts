/**
 * FileUncompress round trips (reference §2.3, §3.4): upload an archive the suite built, extract it
 * under a fresh prefix, and read back what the target wrote there.
 */
import type { CosCiSchemas } from '../../protocol/codec.ts';
import type { RuleContext } from '../rule.ts';
import type { JobsDetail } from './jobs.ts';
import { cleanupUnder, expectSuccess, keysUnder, objectsUnder, resultOf, runJob, uncompressRequest } from './processing.ts';

/** What an extraction produced: the job and every object under the output prefix (sorted `key → hex`). */
export interface UncompressOutcome { detail: JobsDetail; objects: Array<[string, string]> }

/** Uploads archive bytes under the rule's prefix (registered for cleanup); returns the key. */
export async function uploadArchive(ctx: RuleContext, name: string, bytes: Uint8Array): Promise<string> {
  const key = `${ctx.prefix}${name}`;
  ctx.cleanup.object(key);
  ctx.check.exchange(await ctx.client.putObject(key, bytes), { status: 200 });
  return key;
}

/** Runs a FileUncompress job of `archiveKey` and returns its detail; `watch` is the key prefix its outputs land under. */
export async function uncompress(ctx: RuleContext, archiveKey: string, config: CosCiSchemas['FileUncompressConfig'], watch: string): Promise<JobsDetail> {
  cleanupUnder(ctx, watch);
  return runJob(ctx, uncompressRequest(ctx, archiveKey, config));
}

/** Extracts with `config` (Prefix = `outputPrefix`), expects Success, and lists the objects written under `outputPrefix`. */
export async function uncompressAndList(ctx: RuleContext, archiveKey: string, config: CosCiSchemas['FileUncompressConfig'], outputPrefix: string): Promise<UncompressOutcome> {
  const detail = await uncompress(ctx, archiveKey, { Prefix: outputPrefix, ...config }, outputPrefix);
  expectSuccess(ctx, detail, `FileUncompress of ${archiveKey}`);
  ctx.check.present(resultOf(detail, 'FileUncompressResult'), 'Operation.FileUncompressResult on a Success job (§3.4)', () => JSON.stringify(detail.Operation));
  return { detail, objects: await objectsUnder(ctx, outputPrefix) };
}

/** Fails unless the written objects are exactly `expected` and FileCount counts them (§2.3, §3.4). */
export function expectObjects(ctx: RuleContext, outcome: UncompressOutcome, expected: Array<[string, string]>, what: string): void {
  const sorted = [...expected].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  ctx.check.equal(outcome.objects, sorted, `${what}: extracted objects [key, bytes as hex]`);
  ctx.check.equal(resultOf(outcome.detail, 'FileUncompressResult')?.FileCount, expected.length, `${what}: FileUncompressResult.FileCount`);
}

/** Fails unless nothing was written under `prefix`. */
export async function expectNothingUnder(ctx: RuleContext, prefix: string, what: string): Promise<void> {
  const keys = await keysUnder(ctx, prefix);
  ctx.check.equal(keys, [], `${what}: objects written under ${prefix}`);
}
