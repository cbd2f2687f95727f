import type { ProcessContext } from '../types.ts';
import type { UncompressCodecs } from './codecs.ts';
import { detectFormat, DETECT_BYTES, type ArchiveFormat } from './detect.ts';
import { decoding, UncompressError } from './errors.ts';
import type { ArchiveWalk, ReaderOptions } from './members.ts';
import { openRar } from './rar.ts';
import { openSevenZip } from './sevenzip.ts';
import { readRange } from './store-range.ts';
import { openStreamed } from './streamed.ts';
import { openZip, type ArchiveObject } from './zip-reader.ts';

/** An archive opened by content: its format, size and members. */
export interface OpenedArchive { format: ArchiveFormat; size: number; walk: ArchiveWalk }

/** What a caller passes besides the context. */
export interface OpenRequest {
  key: string;
  password?: string;
  codecs: UncompressCodecs;
  inMemoryArchiveLimit: number;
  listOnly?: boolean;
  onFraction(fraction: number): void;
}

/** Finds the archive, detects its format by magic bytes (not by extension) and opens the matching reader. */
export async function openArchive(ctx: ProcessContext, request: OpenRequest): Promise<OpenedArchive> {
  const meta = await ctx.store.head(ctx.bucket, request.key);
  if (!meta) throw new UncompressError('NoSuchKey', `the archive ${request.key} does not exist in bucket ${ctx.bucket}`);
  const head = await readRange(ctx.store, ctx.bucket, request.key, 0, Math.min(DETECT_BYTES, meta.size));
  const format = detectFormat(head);
  if (!format) {
    throw new UncompressError('UnsupportedArchiveFormat', `${request.key} is not a zip, apk, tar, gz, tar.gz, 7z or rar archive (unrecognised content)`);
  }
  const archive: ArchiveObject = { store: ctx.store, bucket: ctx.bucket, key: request.key, size: meta.size };
  const options: ReaderOptions = {
    codecs: request.codecs,
    limits: ctx.limits,
    inMemoryArchiveLimit: request.inMemoryArchiveLimit,
    onFraction: request.onFraction,
    ...(request.password !== undefined && { password: request.password }),
    ...(ctx.signal && { signal: ctx.signal }),
    ...(request.listOnly && { listOnly: true }),
  };
  const walk = await readerFor(format)(archive, options);
  return { format, size: meta.size, walk: { ...walk, members: decoding(walk.members) } };
}

function readerFor(format: ArchiveFormat): (archive: ArchiveObject, options: ReaderOptions) => Promise<ArchiveWalk> {
  switch (format) {
    case 'zip': return openZip;
    case 'tar': return (a, o) => openStreamed(a, false, o);
    case 'gzip': return (a, o) => openStreamed(a, true, o);
    case '7z': return openSevenZip;
    case 'rar': return openRar;
  }
}
