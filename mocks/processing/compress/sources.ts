/**
 * Which objects a FileCompress job packs (reference §2.2): `UrlList` > `Prefix` > `Key`/`KeyConfig`
 * (the latter two combine: Key entries first, then KeyConfig entries). Missing objects are errors
 * unless `IgnoreError`; the file-count limit is checked while listing so huge prefixes stop early.
 */
import type { ObjectMeta } from '../../store/types.ts';
import type { FileCompressConfig, ProcessContext } from '../types.ts';
import { CompressAbort } from './failure.ts';
import { flattenedName, renamedName } from './naming.ts';
import { keyFromUrlLine, textLines } from './url-list.ts';

/** An object to pack and its archive name before de-duplication. */
export interface PlannedSource { key: string; name: string; meta: ObjectMeta }

/** The sources of a job, plus the keys (or index lines) skipped under IgnoreError. */
export interface SourcePlan { sources: PlannedSource[]; errors: string[] }

interface Candidate { key: string; name: string }

/** Resolves the configured source into objects that exist; throws CompressAbort on a job failure. */
export async function resolveSources(ctx: ProcessContext, config: FileCompressConfig): Promise<SourcePlan> {
  const errors: string[] = [];
  const ignoreError = config.IgnoreError === true;
  if (config.UrlList) {
    const candidates = await urlListCandidates(ctx, config, errors, ignoreError);
    return { sources: await headAll(ctx, candidates, errors, ignoreError), errors };
  }
  if (config.Prefix) return { sources: await prefixSources(ctx, config.Prefix, config.Flatten), errors };
  const candidates: Candidate[] = [
    ...(config.Key ?? []).filter(isFileKey).map((key) => ({ key, name: flattenedName(key, config.Flatten) })),
    ...(config.KeyConfig ?? []).filter((c) => isFileKey(c.Key)).map((c) => ({ key: c.Key, name: c.Rename ? renamedName(c.Rename) : flattenedName(c.Key, config.Flatten) })),
  ];
  checkCount(ctx, candidates.length);
  return { sources: await headAll(ctx, candidates, errors, ignoreError), errors };
}

/** Keys ending in "/" are folder markers (zero-byte objects the console creates), not files: never packed. */
function isFileKey(key: string | undefined): key is string {
  return !!key && !key.endsWith('/');
}

/** Aborts when more files than the job limit were named (reference §2.2: ≤ 10,000 files). */
export function checkCount(ctx: ProcessContext, count: number): void {
  if (count > ctx.limits.maxFiles) {
    throw new CompressAbort('FileCountLimitExceeded', `the job names more than ${ctx.limits.maxFiles} files; split it into several jobs`);
  }
}

/** Looks every candidate up; a missing object fails the job (NoSuchKey) or is recorded under IgnoreError. */
export async function headAll(ctx: ProcessContext, candidates: Candidate[], errors: string[], ignoreError: boolean): Promise<PlannedSource[]> {
  const sources: PlannedSource[] = [];
  for (const { key, name } of candidates) {
    const meta = await ctx.store.head(ctx.bucket, key);
    if (meta) sources.push({ key, name, meta });
    else if (ignoreError) errors.push(key);
    else throw new CompressAbort('NoSuchKey', `source object "${key}" does not exist in bucket ${ctx.bucket}`);
  }
  return sources;
}

async function prefixSources(ctx: ProcessContext, prefix: string, flatten: FileCompressConfig['Flatten']): Promise<PlannedSource[]> {
  const sources: PlannedSource[] = [];
  let marker: string | undefined;
  for (;;) {
    const page = await ctx.store.list(ctx.bucket, { prefix, maxKeys: 1000, ...(marker !== undefined && { marker }) });
    for (const meta of page.objects) if (isFileKey(meta.key)) sources.push({ key: meta.key, name: flattenedName(meta.key, flatten, prefix), meta });
    checkCount(ctx, sources.length);
    marker = page.nextMarker ?? page.objects.at(-1)?.key;
    if (!page.isTruncated || marker === undefined) return sources;
  }
}

async function urlListCandidates(ctx: ProcessContext, config: FileCompressConfig, errors: string[], ignoreError: boolean): Promise<Candidate[]> {
  const indexKey = (config.UrlList as string).replace(/^\/+/, '');
  const index = await ctx.store.get(ctx.bucket, indexKey);
  if (!index) throw new CompressAbort('NoSuchKey', `UrlList index "${indexKey}" does not exist in bucket ${ctx.bucket}`);
  const candidates: Candidate[] = [];
  let lineNumber = 0;
  for await (const line of textLines(index.body)) {
    lineNumber++;
    if (!line.trim()) continue;
    const parsed = keyFromUrlLine(line, ctx.bucket, ctx.region);
    if ('key' in parsed) {
      if (isFileKey(parsed.key)) candidates.push({ key: parsed.key, name: flattenedName(parsed.key, config.Flatten) });
    } else if (ignoreError) errors.push(line.trim());
    else throw new CompressAbort('InvalidArgument', `UrlList line ${lineNumber}: ${parsed.error}`);
    checkCount(ctx, candidates.length + errors.length);
  }
  return candidates;
}
