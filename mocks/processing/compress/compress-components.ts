/**
 * JD Cloud Compress Object (reference §7): `Component{Key, Alias}` sources, zip only, archive in the
 * job's own bucket. A missing key fails the job with NoSuchKey (§7.3 failure callback); duplicate
 * aliases follow the same ` (n)` rule as FileCompress.
 */
import type { PutOptions } from '../../store/types.ts';
import type { JdComponent, ProcessContext, ProcessOutcome } from '../types.ts';
import { LEVELS } from './compress-files.ts';
import { CompressAbort } from './failure.ts';
import { renamedName } from './naming.ts';
import { runCompressJob } from './run-job.ts';
import { checkCount, headAll } from './sources.ts';
import { writeArchive, type CompressOptions } from './write-archive.ts';

/** What the §7.3 success callback reports about the created archive. */
export interface JdCompressResult { bucket: string; key: string; size: number; eTag: string; compressFileCount: number }

/** Options of a Compress Object job: Cache-Control / Content-Disposition / Expires go onto the archive. */
export interface CompressComponentsOptions extends CompressOptions { putOptions?: PutOptions }

/** Packs `components` into the zip `archiveKey` of `ctx.bucket`. */
export function compressComponents(ctx: ProcessContext, components: JdComponent[], archiveKey: string, options: CompressComponentsOptions = {}): Promise<ProcessOutcome<JdCompressResult>> {
  return runCompressJob(async () => {
    if (!archiveKey) throw new CompressAbort('InvalidArgument', 'the archive key (request path) is empty');
    if (components.length === 0 || components.some((c) => !c.Key)) throw new CompressAbort('InvalidArgument', 'CompressRequest needs at least one Component, each with a Key');
    checkCount(ctx, components.length);
    const candidates = components.map((c) => ({ key: c.Key, name: renamedName(c.Alias || c.Key) }));
    const sources = await headAll(ctx, candidates, [], false);
    const { meta, packed } = await writeArchive(ctx, {
      format: 'zip', level: options.level ?? LEVELS.default, sources, errors: [], ignoreError: false,
      bucket: ctx.bucket, key: archiveKey, ...(options.putOptions && { putOptions: options.putOptions }),
    }, options);
    return { bucket: meta.bucket, key: meta.key, size: meta.size, eTag: meta.etag, compressFileCount: packed };
  });
}
