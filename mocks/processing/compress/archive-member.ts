/** One file going into an archive: its name inside the archive, declared size, mtime and bytes. */
export interface ArchiveMember {
  /** Path inside the archive, `/`-separated, no leading `/`. */
  name: string;
  /** Declared size (from the object's metadata); writers check the body matches it. */
  size: number;
  /** Modification time, milliseconds since the epoch (the object's LastModified). */
  mtime: number;
  body: AsyncIterable<Uint8Array>;
}

/** Thrown by a writer when a body's length differs from its declared size (the object changed mid-job). */
export class SizeMismatchError extends Error {
  constructor(name: string, declared: number, actual: number) {
    super(`[fileproc] ${name}: object changed while packing (declared ${declared} bytes, read ${actual}); retry the job`);
  }
}

/** UTF-8 encoder for member names (zip bit 11, pax `path`). */
export const utf8 = new TextEncoder();
