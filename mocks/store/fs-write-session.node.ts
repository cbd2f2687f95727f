import { threadError, type WriterReply, type WriterRequest } from './fs-writer-thread.node.ts';
import type { Thread, WriterPool } from './fs-writer.node.ts';
import { isHandedOver } from './body.ts';

/**
 * Bodies up to this size are written by the caller (`WriteSession.smallBody`): per put, two thread
 * round trips cost ≈ 0.1 ms of CPU and, on a busy machine, more in waiting, while hashing 256 KiB
 * takes ≈ 0.4 ms; and a job writing only small objects never boots a thread.
 */
export const SMALL_BODY_BYTES = 256 * 1024;

// Smaller handed-over chunks are copied: the copy costs less than a message of their own.
const HANDOVER_MIN_BYTES = 64 * 1024;

/**
 * One put's body on its way to a writer thread: `write` gathers bytes into pooled buffers and
 * sends each full one, waiting while `maxInFlight` are at the thread; `finish` sends the rest and
 * resolves with size and MD5; `abort` closes the temp file (the caller removes it).
 */
export class WriteSession {
  readonly #pool: WriterPool;
  readonly #path: string;
  readonly #durable: boolean;
  readonly #id: number;
  #thread: Thread | undefined;
  #buffer: ArrayBuffer | undefined;
  #filled = 0;
  #inFlight = 0;
  #error: Error | undefined;
  #wake: (() => void) | undefined;
  #final: ((reply: WriterReply) => void) | undefined;

  constructor(pool: WriterPool, path: string, durable: boolean) {
    this.#pool = pool;
    this.#path = path;
    this.#durable = durable;
    this.#id = pool.newId();
  }

  /**
   * Copies `chunk` in; resolves once the caller may pass the next one (the chunk is not kept). A
   * chunk given up with `handOver` (body.ts) that is too big for the small-body path is transferred
   * to the thread instead: no copy, and its memory is freed there once written.
   */
  async write(chunk: Uint8Array): Promise<void> {
    if (!this.#thread && this.#filled + chunk.byteLength > SMALL_BODY_BYTES) this.#pool.warm();
    if (chunk.byteLength >= HANDOVER_MIN_BYTES && this.#filled + chunk.byteLength > SMALL_BODY_BYTES && isHandedOver(chunk)) {
      if (this.#filled > 0) await this.#send(undefined);
      return this.#send(undefined, chunk);
    }
    for (let offset = 0; offset < chunk.byteLength; ) {
      if (this.#error) throw this.#error;
      const buffer = (this.#buffer ??= this.#pool.takeBuffer());
      const take = Math.min(chunk.byteLength - offset, buffer.byteLength - this.#filled);
      new Uint8Array(buffer, this.#filled, take).set(chunk.subarray(offset, offset + take));
      this.#filled += take;
      offset += take;
      if (this.#filled === buffer.byteLength) await this.#send(undefined);
    }
  }

  /** Sends what is left, fsyncs when `sync` (give the session's `durable`), closes and moves the file to `moveTo`; resolves with size and MD5. */
  async finish(sync: boolean, moveTo?: string): Promise<{ size: number; md5Hex: string }> {
    if (this.#error) throw this.#error;
    const final = new Promise<WriterReply>((resolve) => (this.#final = resolve));
    await this.#send({ sync, ...(moveTo !== undefined && { moveTo }) });
    const reply = await final;
    if (reply.error) throw threadError(reply.error);
    return reply.done as { size: number; md5Hex: string };
  }

  /**
   * The whole body, when it ended below `SMALL_BODY_BYTES` and nothing went to a thread yet: the
   * caller writes it itself (a thread round trip costs more than hashing a small body), then calls
   * `release`. Undefined otherwise (call `finish`).
   */
  smallBody(): Uint8Array | undefined {
    if (this.#thread || this.#filled > SMALL_BODY_BYTES) return undefined;
    return this.#buffer ? new Uint8Array(this.#buffer, 0, this.#filled) : new Uint8Array(0);
  }

  /** Returns the gathering buffer after `smallBody` was written elsewhere. */
  release(): void {
    if (this.#buffer) this.#pool.returnBuffer(this.#buffer);
    this.#buffer = undefined;
    this.#filled = 0;
  }

  /** Closes the temp file after a failure; never throws. */
  async abort(): Promise<void> {
    if (!this.#thread) return;
    const final = new Promise<WriterReply>((resolve) => (this.#final = resolve));
    this.#post({ id: this.#id, end: 'abort' });
    await final;
  }

  /** Sends the gathering buffer, or `given` (a handed-over chunk, whose buffer the thread keeps). */
  async #send(end: WriterRequest['end'], given?: Uint8Array): Promise<void> {
    while (this.#inFlight >= this.#pool.maxInFlight && !this.#error) await new Promise<void>((resolve) => (this.#wake = resolve));
    if (this.#error) throw this.#error;
    const request: WriterRequest = { id: this.#id, ...(end && { end }) };
    if (given) {
      Object.assign(request, { chunk: given.buffer as ArrayBuffer, offset: given.byteOffset, length: given.byteLength, keep: true });
      this.#inFlight++;
      this.#post(request);
      return;
    }
    if (this.#filled > 0 && this.#buffer) {
      request.chunk = this.#buffer;
      request.length = this.#filled;
      this.#inFlight++;
    } else if (this.#buffer) {
      this.#pool.returnBuffer(this.#buffer);
    }
    this.#buffer = undefined;
    this.#filled = 0;
    this.#post(request);
  }

  #post(request: WriterRequest): void {
    if (!this.#thread) {
      this.#thread = this.#pool.acquire();
      request.open = this.#path;
      request.durable = this.#durable;
    }
    this.#pool.post(this.#thread, request, (reply) => this.#onReply(reply));
  }

  #onReply(reply: WriterReply): void {
    if (reply.chunk || reply.kept) this.#inFlight--;
    if (reply.chunk) this.#pool.returnBuffer(reply.chunk);
    if (reply.error) this.#error ??= threadError(reply.error);
    if (reply.last) this.#end(reply);
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  #end(reply: WriterReply): void {
    const thread = this.#thread;
    if (thread) {
      thread.handlers.delete(this.#id);
      this.#pool.release(thread);
      this.#thread = undefined;
    }
    this.#final?.(reply);
  }
}
