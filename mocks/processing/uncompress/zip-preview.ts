import type { ProcessContext, ProcessOutcome, ZipPreviewResult } from '../types.ts';
import { webCodecs } from './codecs.ts';
import { decodeKey } from './config.ts';
import { toFailure, UncompressError } from './errors.ts';
import { formatListingTime } from './format-time.ts';
import { openArchive } from './open-archive.ts';
import { DEFAULT_IN_MEMORY_ARCHIVE_LIMIT, type UncompressOptions } from './uncompress.ts';

// §2.13: preview lists at most the first 1000 entries; tar, gz and rar archives must be < 128 MB.
const PREVIEW_MAX_CONTENTS = 1000;
const PREVIEW_STREAMED_LIMIT = 128 * 1024 * 1024;

/**
 * Zip preview (`ci-process=zippreview`, §2.13) of zip/apk, tar, gz, tar.gz, 7z and rar archives.
 * Decisions (README): ≥ 1000 entries → the first 1000, `IsTruncated=true`, `FileNumber` = all entries;
 * directories are listed with a trailing `/`; names are shown as stored. The key is only needed where
 * names are encrypted (7z `-mhe`, rar `-hp`); zip names are never encrypted, so zip ignores it.
 */
export async function zipPreview(ctx: ProcessContext, key: string, uncompressKey?: string, options: UncompressOptions = {}): Promise<ProcessOutcome<ZipPreviewResult>> {
  try {
    const password = decodeKey(uncompressKey);
    const archive = await openArchive(ctx, {
      key, codecs: options.codecs ?? webCodecs, listOnly: true, onFraction: () => undefined,
      inMemoryArchiveLimit: options.inMemoryArchiveLimit ?? DEFAULT_IN_MEMORY_ARCHIVE_LIMIT,
      ...(password !== undefined && { password }),
    });
    if ((archive.format === 'tar' || archive.format === 'gzip' || archive.format === 'rar') && archive.size >= PREVIEW_STREAMED_LIMIT) {
      throw new UncompressError('SizeLimitExceeded', `tar, gz and rar archives are previewed below ${PREVIEW_STREAMED_LIMIT} bytes`);
    }
    const contents: NonNullable<ZipPreviewResult['Contents']> = [];
    let count = 0;
    for await (const member of archive.walk.members) {
      count++;
      if (contents.length >= PREVIEW_MAX_CONTENTS) {
        // Formats that state their entry count need not be walked to the end.
        if (archive.walk.declaredEntries !== undefined) break;
        continue;
      }
      const name = member.kind === 'directory' && !member.name.endsWith('/') ? `${member.name}/` : member.name;
      contents.push({ Key: name, LastModified: formatListingTime(member.mtime), UncompressedSize: member.kind === 'directory' ? 0 : member.size });
    }
    const total = Math.max(count, archive.walk.declaredEntries ?? 0);
    return { ok: true, result: { FileNumber: total, IsTruncated: total > contents.length, Contents: contents } };
  } catch (error) {
    return { ok: false, failure: toFailure(error) };
  }
}
