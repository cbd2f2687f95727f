/**
 * Holds finished answers until the event loop's check phase, so that every answer completed in
 * one loop turn goes to the kernel back to back. On loopback under load the client (wrk, a test
 * runner, a browser) sleeps between answers, and each write that wakes it costs the server's
 * thread far more than the write itself (measured on this 2-core VM: a server doing 25 µs of
 * work per request spent ~66 µs of CPU per request when it wrote each answer at once, ~51 µs when
 * the turn's answers were written together; `bench/README.md` "HTTP"). With one request per turn
 * the hold is a single `setImmediate` hop.
 */
export class TurnEndWrites {
  #turnEnd: Promise<void> | undefined;

  /** Resolves in the check phase of the current loop turn; everyone waiting in this turn shares it. */
  turnEnd(): Promise<void> {
    this.#turnEnd ??= new Promise<void>((resolve) => {
      setImmediate(() => {
        this.#turnEnd = undefined;
        resolve();
      });
    });
    return this.#turnEnd;
  }
}
