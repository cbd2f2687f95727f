import type { FileListEntry, FileUncompressConfig, FileUncompressResult, ProcessContext, ProcessOutcome, UncompressOutput } from '../types.ts';
import { webCodecs, type UncompressCodecs } from './codecs.ts';
import { checkEnums, decodeKey, memberSelector } from './config.ts';
import { toFailure, UncompressError } from './errors.ts';
import { formatListingTime } from './format-time.ts';
import { ExtractionGuard } from './guard.ts';
import type { ArchiveMember } from './members.ts';
import { openArchive } from './open-archive.ts';
import { outputBase, sanitizeEntryName } from './paths.ts';
import { percentReporter } from './progress.ts';
import { WriteBehind } from './write-behind.ts';

/** Injected platform pieces; the Node adapter passes `nodeCodecs`, browsers keep the defaults. */
export interface UncompressOptions {
  codecs?: UncompressCodecs;
  /** Largest 7z/rar archive extracted (those libraries hold it, and its output, in memory). */
  inMemoryArchiveLimit?: number;
}

/** Default bound for in-memory (7z, rar) archives: 128 MiB, the size the docs allow rar previews (§2.13). */
export const DEFAULT_IN_MEMORY_ARCHIVE_LIMIT = 128 * 1024 * 1024;

// FileList carries at most 1000 entries (§2.3 ListingFile, §3.4 IsTruncated).
const FILE_LIST_MAX = 1000;

/**
 * FileUncompress (§2.3): extracts the archive `input.Object` of the job's bucket into `output.Bucket`,
 * streaming member by member. On failure the members already written stay and come back in `partial`.
 */
export async function uncompressArchive(
  ctx: ProcessContext, input: { Object: string }, config: FileUncompressConfig, output: UncompressOutput, options: UncompressOptions = {},
): Promise<ProcessOutcome<FileUncompressResult>> {
  // The first FILE_LIST_MAX written objects by member sequence number (a sparse array: writes may
  // finish out of order, FileList keeps archive order); later ones are only counted.
  const listed: FileListEntry[] = [];
  let fileCount = 0;
  const result = (): FileUncompressResult => {
    const contents = listed.filter(() => true); // drops the holes of members not (yet) written
    return {
      Region: output.Region, Bucket: output.Bucket, FileCount: fileCount,
      ...(config.ListingFile === true && { FileList: { Contents: contents, IsTruncated: fileCount > contents.length } }),
    };
  };
  const behind = new WriteBehind((key, body) => ctx.store.put(output.Bucket, key, body), (index, meta) => {
    fileCount++;
    if (config.ListingFile === true && index < FILE_LIST_MAX) {
      listed[index] = { Key: meta.key, LastModified: formatListingTime(meta.lastModified), FileSize: meta.size };
    }
  });
  const progress = percentReporter((p) => ctx.onProgress(p));
  try {
    checkEnums(config);
    const password = decodeKey(config.UnCompressKey);
    const selected = memberSelector(config);
    const archive = await openArchive(ctx, {
      key: input.Object, codecs: options.codecs ?? webCodecs, onFraction: progress.fraction,
      inMemoryArchiveLimit: options.inMemoryArchiveLimit ?? DEFAULT_IN_MEMORY_ARCHIVE_LIMIT,
      ...(password !== undefined && { password }),
    });
    // Formats that list names up front are checked whole before the first write.
    archive.walk.names?.forEach(sanitizeEntryName);
    const base = outputBase(input.Object, config.Prefix, config.PrefixReplaced ?? '0');
    const guard = new ExtractionGuard(ctx.limits, archive.size, ctx.signal);
    let sequence = 0;
    const write = (key: string, member: ArchiveMember) => {
      guard.countFile();
      return behind.write(sequence++, key, guard.meter(member.read()), member.size, member.freshChunks === true);
    };
    // A zip is re-read by range while extracting, so a member that replaces the archive itself goes last.
    let replacesArchive: ArchiveMember | undefined;
    for await (const member of archive.walk.members) {
      guard.countEntry();
      const path = sanitizeEntryName(member.name);
      // Directories create no objects; links are never created or followed; devices/fifos are skipped.
      if (member.kind !== 'file' || !selected(path)) continue;
      if (path === '') throw new UncompressError('UnsafeEntryPath', `a file entry has the empty name ${JSON.stringify(member.name)}`);
      if (archive.format === 'zip' && output.Bucket === ctx.bucket && base + path === input.Object) replacesArchive = member;
      else await write(base + path, member);
    }
    await behind.flush();
    if (replacesArchive) await write(input.Object, replacesArchive);
    await behind.flush();
    progress.finish();
    return { ok: true, result: result() };
  } catch (error) {
    // Members read before the failure finish writing and stay (§2.3), as without write-behind.
    await behind.settle();
    return { ok: false, failure: toFailure(error), partial: result() };
  }
}
