import { ProcessingError } from '../failure.ts';

/** Failure codes of FileCompress / JD Compress Object jobs (listed in mocks/processing/README.md). */
export type CompressFailureCode =
  | 'InvalidArgument'
  | 'NoSuchKey'
  | 'FileCountLimitExceeded'
  | 'SizeLimitExceeded'
  | 'SourceChanged'
  | 'Aborted'
  | 'InternalError';

/** Ends a compress job with a documented failure; caught at the entry points, never escapes them. */
export class CompressAbort extends ProcessingError<CompressFailureCode> {}
