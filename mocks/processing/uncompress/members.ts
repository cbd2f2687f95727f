/**
 * The format-neutral view every archive reader (zip, tar, gz, 7z, rar) gives the extractor and the
 * zip preview: a sequence of members, each readable once, in archive order.
 */
import type { ProcessingLimits } from '../types.ts';
import type { UncompressCodecs } from './codecs.ts';

/** What a member is; only `file` members become objects (links are never followed nor created). */
export type EntryKind = 'file' | 'directory' | 'symlink' | 'hardlink' | 'other';

/** One archive member. `size` is what the header claims: headers lie, so writers count real bytes. */
export interface ArchiveMember {
  name: string;
  kind: EntryKind;
  size: number;
  /** Milliseconds since the epoch (0 when the format stores none). */
  mtime: number;
  encrypted: boolean;
  /** Streams the content; call at most once and drain it before asking for the next member. */
  read(): AsyncIterable<Uint8Array>;
  /** True when `read()` yields chunks its producer never reuses, so they may be kept without a copy. */
  freshChunks?: boolean;
}

/** An opened archive: its members, and the entry count when the format states it up front. */
export interface ArchiveWalk {
  members: AsyncIterable<ArchiveMember>;
  declaredEntries?: number;
  /** Every entry name, when the format lists them up front: checked before anything is written. */
  names?: string[];
}

/** Everything a reader may need besides the archive itself. */
export interface ReaderOptions {
  password?: string;
  codecs: UncompressCodecs;
  limits: ProcessingLimits;
  /** Upper bound for formats whose library needs the whole archive in memory (7z, rar). */
  inMemoryArchiveLimit: number;
  signal?: AbortSignal;
  /** Listing only (zip preview): in-memory formats skip extraction; `read()` must not be called. */
  listOnly?: boolean;
  /** Fraction 0..1 of the archive processed so far (the caller makes it monotonic). */
  onFraction(fraction: number): void;
}
