import { Worker } from 'node:worker_threads';
import { WRITER_THREAD_SOURCE, threadError, type WriterReply, type WriterRequest } from './fs-writer-thread.node.ts';
import { WriteSession } from './fs-write-session.node.ts';

/** Tuning of the writer threads of a filesystem store. */
export interface WriterPoolOptions {
  /** Threads to spread concurrent puts over (started on first use). */
  threads: number;
  /** Size of the buffers bytes are gathered into before they go to a thread (default 1 MiB). */
  bufferBytes?: number;
  /** Buffers one put may have at a thread before `write` waits (default 4): bounds memory per put. */
  maxInFlight?: number;
}

// Idle gathering buffers kept for reuse (16 MiB with the default 1 MiB buffers).
const KEPT_BUFFERS = 16;

/** Receives a thread's answers to one request id. */
export type Waiter = (reply: WriterReply) => void;

/** One writer thread and the sessions it serves. */
export interface Thread { worker: Worker; sessions: number; handlers: Map<number, Waiter>; stopped?: string }

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
    const thread = this.acquire();
    const id = this.newId();
    const reply = await new Promise<WriterReply>((resolve) => this.post(thread, { id, file }, resolve));
    thread.handlers.delete(id);
    this.release(thread);
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

  /**
   * Takes back a buffer a thread returned; up to `KEPT_BUFFERS` are kept for the next puts (extraction
   * runs 8 puts at once, each with up to `maxInFlight` buffers out: keeping only a put's worth made
   * most buffers fresh allocations, i.e. garbage for the collector).
   */
  returnBuffer(buffer: ArrayBuffer): void {
    if (buffer.byteLength === this.bufferBytes && this.#free.length < Math.max(this.maxInFlight, KEPT_BUFFERS)) this.#free.push(buffer);
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
