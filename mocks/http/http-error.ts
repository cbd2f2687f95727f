/**
 * Errors as data on their way to an `<Error>` body (reference §5.1, §5.3): anything a handler
 * throws is turned into an `HttpError`; only unexpected exceptions become 500 InternalError.
 */
import { ERROR_STATUS, type ApiError } from '../../protocol/errors.ts';
import { EngineError } from '../engine/errors.ts';
import type { ProcessFailure } from '../processing/types.ts';

/** A client-visible error: code, HTTP status, message and (optionally) the resource it concerns. */
export class HttpError extends Error {
  readonly code: string;
  readonly status: number;
  readonly resource: string | undefined;
  /** Extra response headers, e.g. `Allow` on 405. */
  readonly headers: Record<string, string>;

  /** `verbatim` keeps a message clients match exactly (e.g. "Request has expired", §5.2) unprefixed. */
  constructor(code: string, status: number, message: string, resource?: string, headers: Record<string, string> = {}, verbatim = false) {
    super(verbatim || message.startsWith('[fileproc]') ? message : `[fileproc] ${message}`);
    this.name = 'HttpError';
    this.code = code;
    this.status = status;
    this.resource = resource;
    this.headers = headers;
  }
}

/** An error with a documented code; the status comes from the §5.3 table (400 for codes outside it). */
export function httpError(code: string, message: string, resource?: string): HttpError {
  return new HttpError(code, statusOf(code), message, resource);
}

/** 400 InvalidArgument naming the offending element or parameter. */
export function invalidArgument(name: string, rule: string): HttpError {
  return httpError('InvalidArgument', `${name}: ${rule}`);
}

/** The status of a code: §5.3 when listed, the processing table's 500 for `Aborted`, else 400. */
export function statusOf(code: string): number {
  if (code in ERROR_STATUS) return ERROR_STATUS[code as keyof typeof ERROR_STATUS];
  if (code === 'Aborted') return 500;
  if (code === 'NoSuchQueue' || code === 'NoSuchResource') return 404;
  return 400;
}

/** From `protocol/errors.ts` ApiError values. */
export function fromApiError(error: ApiError): HttpError {
  return new HttpError(error.code, error.status, error.message, error.resource);
}

/** A failed synchronous processor (filehash, zippreview) as a request error (processing README table). */
export function fromProcessFailure(failure: ProcessFailure, resource: string): HttpError {
  return httpError(failure.Code, failure.Message, resource);
}

/** Known error types become HttpErrors; anything else is a bug and yields undefined. */
export function toHttpError(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (error instanceof EngineError) return error.code === 'InternalError' ? undefined : new HttpError(error.code, error.status, error.message);
  return undefined;
}
