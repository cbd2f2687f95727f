/**
 * Errors as data (ARCHITECTURE "Errors are data"): the §5.3 code → HTTP status table, a typed
 * `ApiError` with constructors for the common cases, and the COS-shaped `<Error>` body (§5.1)
 * encoded through the codec's `Error` schema.
 */
import { cosCiCodec, type Codec } from './codec.ts';

/** HTTP status of every documented error code (reference §5.3; COS table 436/7730 + [FLARE]). */
export const ERROR_STATUS = {
  InvalidArgument: 400,
  InvalidRequest: 400,
  MalformedXML: 400,
  MissingRequestBodyError: 400,
  InvalidDigest: 400,
  BadDigest: 400,
  InvalidURI: 400,
  InvalidBucketName: 400,
  KeyTooLong: 400,
  RequestTimeOut: 400,
  RequestTimeout: 400,
  // §5.3 / §9.25: 403 per the COS doc, 400 per [FLARE]; the vendor's own table wins.
  ExpiredToken: 403,
  AccessDenied: 403,
  InvalidAccessKeyId: 403,
  SignatureDoesNotMatch: 403,
  RequestTimeTooSkewed: 403,
  NoSuchBucket: 404,
  NoSuchKey: 404,
  NoSuchJob: 404,
  // Unknown queue id: the code is undocumented (§5.3 "unknown queue → 404"); the spec names it NoSuchQueue.
  NoSuchQueue: 404,
  MethodNotAllowed: 405,
  MissingContentLength: 411,
  PreconditionFailed: 412,
  InternalError: 500,
  NotImplemented: 501,
  ServiceUnavailable: 503,
  SlowDown: 503,
} as const satisfies Record<string, number>;

/** A documented error code. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** An error response before it is rendered: code, its §5.3 status, message, optional resource. */
export interface ApiError { code: ErrorCode; status: number; message: string; resource?: string }

/** Any documented error; the status comes from the table, never from the caller. */
export function apiError(code: ErrorCode, message: string, resource?: string): ApiError {
  return resource === undefined ? { code, status: ERROR_STATUS[code], message } : { code, status: ERROR_STATUS[code], message, resource };
}

/** 400 MalformedXML: the body is not well-formed or has the wrong root (§5.3). */
export const malformedXml = (detail = 'The XML you provided was not well-formed or did not validate against our published schema.'): ApiError =>
  apiError('MalformedXML', detail);

/** 400 InvalidArgument naming the element path, as `validate.ts` reports it. */
export const invalidArgument = (path: string, message: string): ApiError =>
  apiError('InvalidArgument', message.startsWith(`${path}:`) ? message : `${path}: ${message}`);

/** The `ApiError` for a failed `parseBody` (400 MalformedXML or 400 InvalidArgument, §5.3). */
export function parseFailureError(failure: { code: 'MalformedXML'; message: string } | { code: 'InvalidArgument'; path: string; message: string }): ApiError {
  return failure.code === 'MalformedXML' ? malformedXml(failure.message) : invalidArgument(failure.path, failure.message);
}

/** 400 MissingRequestBodyError: a body was required but none was sent. */
export const missingRequestBody = (): ApiError => apiError('MissingRequestBodyError', 'Request body is empty.');

/** 404 NoSuchKey for an object key (§5.3 [FLARE]). */
export const noSuchKey = (key: string): ApiError => apiError('NoSuchKey', 'The specified key does not exist.', key);

/** 404 NoSuchBucket. */
export const noSuchBucket = (bucket: string): ApiError => apiError('NoSuchBucket', 'The specified bucket does not exist.', bucket);

/** 404 NoSuchJob for describe/cancel of an unknown job id (§2.6, §5.3). */
export const noSuchJob = (jobId: string): ApiError => apiError('NoSuchJob', `The specified job does not exist: ${jobId}`, jobId);

/** 404 NoSuchQueue for an unknown file-processing queue id (§2.9, §2.10). */
export const noSuchQueue = (queueId: string): ApiError => apiError('NoSuchQueue', `The specified queue does not exist: ${queueId}`, queueId);

/** 403 SignatureDoesNotMatch (§6). */
export const signatureDoesNotMatch = (): ApiError =>
  apiError('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');

/** 403 AccessDenied "Request has expired" — the exact text the Node SDK's clock-skew retry looks for (§5.2). */
export const requestExpired = (): ApiError => apiError('AccessDenied', 'Request has expired');

/** 403 AccessDenied for a missing or unusable Authorization. */
export const accessDenied = (message = 'Access Denied.'): ApiError => apiError('AccessDenied', message);

/** 403 InvalidAccessKeyId: the `q-ak` is unknown. */
export const invalidAccessKeyId = (): ApiError => apiError('InvalidAccessKeyId', 'The access key Id you provided does not exist in our records.');

/** 405 MethodNotAllowed for a known path with an unsupported method. */
export const methodNotAllowed = (method: string, path: string): ApiError =>
  apiError('MethodNotAllowed', `The specified method ${method} is not allowed against ${path}.`, path);

/** 500 InternalError. */
export const internalError = (message = 'We encountered an internal error. Please try again.'): ApiError => apiError('InternalError', message);

/** 501 NotImplemented for documented operations the implementation does not provide. */
export const notImplemented = (what: string): ApiError => apiError('NotImplemented', `${what} is not implemented.`);

/** The fields of a `<Error>` body (§5.1). */
export interface ErrorBodyFields { Code: string; Message: string; Resource: string; RequestId: string; TraceId?: string }

/**
 * `<?xml …?><Error>…</Error>` through the codec's `Error` schema. Code, Message, Resource and
 * RequestId must be non-empty: the Python SDK cannot read an error otherwise (§5.2, §9.26).
 */
export function errorBodyWith<S extends { Error: unknown }>(codec: Codec<S>, fields: ErrorBodyFields): string {
  for (const name of ['Code', 'Message', 'Resource', 'RequestId'] as const) {
    if (!fields[name]) throw new TypeError(`[fileproc] error body needs a non-empty ${name} (the Python SDK rejects the whole error otherwise, reference §5.2)`);
  }
  return codec.encode(fields as S['Error'], 'Error' as keyof S & string, { declaration: true });
}

/** The COS CI `<Error>` body (JD Cloud errors have the same S3-style shape: `errorBodyWith(jdcloudCodec, …)`). */
export function errorBody(fields: ErrorBodyFields): string {
  return errorBodyWith(cosCiCodec, fields);
}

/** Body fields for an `ApiError`, filling `Resource` from the request when the error has none. */
export function errorFields(error: ApiError, request: { resource: string; requestId: string; traceId?: string }): ErrorBodyFields {
  const fields: ErrorBodyFields = { Code: error.code, Message: error.message, Resource: error.resource ?? request.resource, RequestId: request.requestId };
  if (request.traceId !== undefined) fields.TraceId = request.traceId;
  return fields;
}
