import { ProcessingError } from '../failure.ts';
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
  | 'Aborted'
  | 'InternalError';

/** Thrown inside the uncompress layer only; the public entry points turn it into a ProcessFailure. */
export class UncompressError extends ProcessingError<UncompressCode> {}

/** Converts anything thrown while processing into a job failure; raw errors come from the store. */
export function toFailure(error: unknown): ProcessFailure {
  if (error instanceof UncompressError) return { Code: error.code, Message: error.message };
  return { Code: 'InternalError', Message: `[fileproc] the object store failed: ${detailOf(error)}` };
}

/** Classifies an error raised while decoding archive bytes (inflate, tar, library) as ArchiveCorrupted. */
export function asArchiveError(error: unknown): UncompressError {
  if (error instanceof UncompressError) return error;
  return new UncompressError('ArchiveCorrupted', `the archive could not be read: ${detailOf(error)}`);
}

/** Re-raises any decoding error of a stream as ArchiveCorrupted (see asArchiveError). */
export async function* decoding<T>(source: AsyncIterable<T>): AsyncIterable<T> {
  try {
    yield* source;
  } catch (error) {
    throw asArchiveError(error);
  }
}

function detailOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Throws `Aborted` when the job's signal fired, so long loops stop between members and chunks. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new UncompressError('Aborted', 'the job was aborted while extracting');
}
