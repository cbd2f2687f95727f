import type { ProcessFailure } from '../types.ts';

/** Failure codes of FileUncompress and zip preview; listed in mocks/processing/README.md. */
export type UncompressCode =
  | 'NoSuchKey'
  | 'InvalidArgument'
  | 'UnsupportedArchiveFormat'
  | 'UnsupportedCompressionMethod'
  | 'ArchiveCorrupted'
  | 'PasswordRequired'
  | 'InvalidPassword'
  | 'UnsafeEntryPath'
  | 'FileCountLimitExceeded'
  | 'SizeLimitExceeded'
  | 'CompressionRatioExceeded'
  | 'Aborted';

/** Thrown inside the uncompress layer only; the public entry points turn it into a ProcessFailure. */
export class UncompressError extends Error {
  readonly code: UncompressCode;

  constructor(code: UncompressCode, message: string) {
    super(`[fileproc] ${message}`);
    this.code = code;
  }
}

/** Converts anything thrown while processing into a job failure (unknown errors = corrupt archive). */
export function toFailure(error: unknown): ProcessFailure {
  if (error instanceof UncompressError) return { Code: error.code, Message: error.message };
  const detail = error instanceof Error ? error.message : String(error);
  return { Code: 'ArchiveCorrupted', Message: `[fileproc] the archive could not be read: ${detail}` };
}

/** Throws `Aborted` when the job's signal fired, so long loops stop between members and chunks. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new UncompressError('Aborted', 'the job was aborted while extracting');
}
