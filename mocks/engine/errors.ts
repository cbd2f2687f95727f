/** Error codes the engine raises; the HTTP layer maps them to COS `<Error>` bodies (§5.3). */
export type EngineErrorCode = 'InvalidArgument' | 'InvalidRequest' | 'NoSuchJob' | 'NoSuchQueue' | 'InternalError';

const STATUS: Record<EngineErrorCode, number> = {
  InvalidArgument: 400,
  InvalidRequest: 400,
  NoSuchJob: 404,
  NoSuchQueue: 404,
  InternalError: 500,
};

/** A typed engine error carrying the COS error code and HTTP status the edge should send. */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly status: number;

  constructor(code: EngineErrorCode, message: string) {
    super(message.startsWith('[fileproc]') ? message : `[fileproc] ${message}`);
    this.name = 'EngineError';
    this.code = code;
    this.status = STATUS[code];
  }
}

/** Shorthand for the most common error: a request parameter is invalid (400 InvalidArgument). */
export function invalidArgument(message: string): EngineError {
  return new EngineError('InvalidArgument', message);
}
