/** A processor's documented failure, thrown inside a processor and turned into a `ProcessFailure` at its entry point. */
export class ProcessingError<Code extends string = string> extends Error {
  readonly code: Code;

  constructor(code: Code, message: string) {
    super(`[fileproc] ${message}`);
    this.code = code;
  }
}
