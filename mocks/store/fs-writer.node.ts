import { Worker } from 'node:worker_threads';
import { WRITER_THREAD_SOURCE, type WriterReply, type WriterRequest } from './fs-writer-thread.node.ts';

/** Tuning of the writer threads of a filesystem store. */
export interface WriterPoolOptions {
  /** Threads to spread concurrent puts over (started on first use). */
  threads: number;
  /** Size of the buffers bytes are gathered into before they go to a thread (default 1 MiB). */
  bufferBytes?: number;
  /** Buffers one put may have at a thread before `write` waits (default 4): bounds memory per put. */
  maxInFlight?: number;
}

type Waiter = (reply: WriterReply) => void;

/**
 * Bodies up to this size are written by the caller (`WriteSession.smallBody`): per put, two thread
 * round trips cost ≈ 0.1 ms of CPU and, on a busy machine, more in waiting, while hashing 256 KiB
 * takes ≈ 0.4 ms; and a job writing only small objects never boots a thread.
 */
export const SMALL_BODY_BYTES = 256 * 1024;

/** One writer thread and the sessions it serves. */
interface Thread { worker: Worker; sessions: number; handlers: Map<number, Waiter>; stopped?: string }

/**
 * Worker threads that hash and write object bodies, so a put costs the event loop one memory copy
 * per byte instead of an MD5 pass plus write calls. Bytes are copied into pooled buffers that are
 * transferred (not cloned) to a thread and transferred back for reuse; the caller's chunks are
 * never detached, as the caller may still own them. Threads are unreferenced while idle, so an
 * open store does not keep a process alive.
 */
export class WriterPool {
  readonly #threads: (Thread | undefined)[];
  readonly #free: ArrayBuffer[] = [];
  readonly bufferBytes: number;
  readonly maxInFlight: number;
  #nextId = 1;
  #allocated = 0;

  constructor(options: WriterPoolOptions) {
    this.#threads = Array.from({ length: Math.max(1, options.threads) }, () => undefined);
    this.bufferBytes = options.bufferBytes ?? 1024 * 1024;
    this.maxInFlight = options.maxInFlight ?? 4;
  }

  /** Starts writing a new temp file; nothing reaches the disk until the first buffer is full or the session ends. */
  session(tempPath: string, durable: boolean): WriteSession {
    return new WriteSession(this, tempPath, durable);
  }

  /** Boots the first thread ahead of use (it takes tens of ms) while the caller produces bytes. */
  warm(): void {
    this.#threads[0] ??= this.#start(0);
  }

  /** Writes a small file atomically (temp + fsync + rename + folder fsync) on a writer thread. */
  async writeFile(file: NonNullable<WriterRequest['file']>): Promise<void> {
    const reply = await this.call(this.#pick(), { file });
    if (reply.error) throw threadError(reply.error);
  }

  /** Stops the threads; sessions still open fail. */
  async close(): Promise<void> {
    const threads = this.#threads.splice(0, this.#threads.length, ...this.#threads.map(() => undefined));
    await Promise.all(threads.map((t) => t?.worker.terminate()));
    this.#free.length = 0;
  }

  /** A buffer to gather bytes in: a returned one when available. */
  takeBuffer(): ArrayBuffer {
    const reused = this.#free.pop();
    if (reused) return reused;
    this.#allocated++;
    return new ArrayBuffer(this.bufferBytes);
  }

  /** How many gathering buffers were ever allocated (memory stays bounded when buffers are reused). */
  get buffersAllocated(): number {
    return this.#allocated;
  }

  /** Takes back a buffer a thread returned; a few are kept for the next puts. */
  returnBuffer(buffer: ArrayBuffer): void {
    if (buffer.byteLength === this.bufferBytes && this.#free.length < this.maxInFlight) this.#free.push(buffer);
  }

  /** The least busy thread, started on first use; it counts one more session until `release`. */
  acquire(): Thread {
    const thread = this.#pick();
    if (thread.sessions++ === 0) thread.worker.ref();
    return thread;
  }

  /** Ends one session's claim on a thread. */
  release(thread: Thread): void {
    if (--thread.sessions === 0 && thread.handlers.size === 0) thread.worker.unref();
  }

  /** Sends one request; `onReply` gets every answer to that id (acks, then the final one). */
  post(thread: Thread, request: WriterRequest, onReply: Waiter): void {
    const stopped = thread.stopped;
    if (stopped !== undefined) {
      queueMicrotask(() => onReply({ id: request.id, error: { message: stopped }, last: true }));
      return;
    }
    thread.handlers.set(request.id, onReply);
    thread.worker.postMessage(request, request.chunk ? [request.chunk] : []);
  }

  /** A request id no other request of this pool uses. */
  newId(): number {
    return this.#nextId++;
  }

  /** Sends a one-shot request and resolves with its answer. */
  call(thread: Thread, request: Omit<WriterRequest, 'id'>): Promise<WriterReply> {
    thread.worker.ref();
    return new Promise((resolve) => {
      const id = this.newId();
      this.post(thread, { ...request, id }, (reply) => {
        thread.handlers.delete(id);
        if (thread.sessions === 0 && thread.handlers.size === 0) thread.worker.unref();
        resolve(reply);
      });
    });
  }

  #pick(): Thread {
    let best: Thread | undefined;
    for (let i = 0; i < this.#threads.length; i++) {
      const thread = this.#threads[i] ?? (this.#threads[i] = this.#start(i));
      if (!best || thread.sessions < best.sessions) best = thread;
      if (best.sessions === 0) break;
    }
    return best as Thread;
  }

  #start(slot: number): Thread {
    const worker = new Worker(WRITER_THREAD_SOURCE, { eval: true });
    const thread: Thread = { worker, sessions: 0, handlers: new Map() };
    worker.unref();
    worker.on('message', (reply: WriterReply) => thread.handlers.get(reply.id)?.(reply));
    const fail = (message: string) => {
      thread.stopped ??= message;
      if (this.#threads[slot] === thread) this.#threads[slot] = undefined;
      for (const [id, handler] of thread.handlers) handler({ id, error: { message }, last: true });
      thread.handlers.clear();
    };
    worker.on('error', (error) => fail(`[fileproc] store writer thread failed: ${error.message}`));
    worker.on('exit', () => fail('[fileproc] store writer thread stopped (store closed?)'));
    return thread;
  }
}

/** An Error from a writer thread's answer, keeping the errno code (e.g. EEXIST, ENOSPC). */
export function threadError(error: NonNullable<WriterReply['error']>): Error {
  return Object.assign(new Error(error.message.startsWith('[fileproc]') ? error.message : `[fileproc] store write failed: ${error.message}`), error.code ? { code: error.code } : {});
}

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

  /** Copies `chunk` in; resolves once the caller may pass the next one (the chunk is not kept). */
  async write(chunk: Uint8Array): Promise<void> {
    if (!this.#thread && this.#filled + chunk.byteLength > SMALL_BODY_BYTES) this.#pool.warm();
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

  async #send(end: WriterRequest['end']): Promise<void> {
    while (this.#inFlight >= this.#pool.maxInFlight && !this.#error) await new Promise<void>((resolve) => (this.#wake = resolve));
    if (this.#error) throw this.#error;
    const request: WriterRequest = { id: this.#id, ...(end && { end }) };
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
    if (reply.chunk) {
      this.#inFlight--;
      this.#pool.returnBuffer(reply.chunk);
    }
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
