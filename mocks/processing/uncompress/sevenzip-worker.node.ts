/**
 * Node side of the 7z worker: starts one 7-Zip command in a worker thread (7z-wasm), answers its
 * archive reads from the store and hands its events (files opened, data, closed, errors, exit) to
 * the reader in order. Memory stays bounded: reads go through one shared buffer, and output the
 * reader has not taken yet is capped (the worker waits).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads';
import { UncompressError } from './errors.ts';
import { storeFailure } from './sevenzip-files.node.ts';
import { SevenZipArchiveReads } from './sevenzip-reads.node.ts';
import { bodyWorker, BufferUses, SessionQueue } from './sevenzip-threads.node.ts';
import { sevenZipWorkerBody, type BatchItem, type SevenZipWorkerData, type WorkerEvent } from './sevenzip-worker-body.ts';
import type { ArchiveObject } from './zip-reader.ts';

/** Int32 slots of the control buffer shared with the worker. */
const SLOT = { readState: 0, readLength: 1, inFlight: 2 } as const;
// 4 MiB reads (the fs store's read chunk; each read is a round trip to this thread), 1 MiB output
// chunks, and 8 MiB of output ahead of the reader keep the decoder busy.
const READ_BYTES = 4 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;
const IN_FLIGHT_LIMIT = 8 * 1024 * 1024;

const modulePath = createRequire(import.meta.url).resolve('7z-wasm');
let compiled: Promise<WebAssembly.Module> | undefined;

/** 7zz.wasm compiled once per process (~1.6 MB): workers then start in a fraction of the time. */
function sevenZipWasm(): Promise<WebAssembly.Module> {
  compiled ??= readFile(join(dirname(modulePath), '7zz.wasm')).then((bytes) => WebAssembly.compile(bytes));
  return compiled;
}

/** Events the reader sees, batches unpacked: file opened, its bytes, closed, errors, exit, or `failed` when the worker or a store read broke. */
export type SessionEvent =
  | { type: 'open'; path: string }
  | { type: 'data'; chunk: Uint8Array }
  | { type: 'close' }
  | Extract<WorkerEvent, { type: 'err' | 'done' }>
  | { type: 'failed'; error: unknown };

/** A running extraction as the reader sees it (7z-wasm in a worker, or a native 7-Zip process). */
export interface ExtractionSession {
  /**
   * True when `data` chunks are never reused, so a reader may keep them; false when a chunk's
   * bytes are valid only until the reader takes the next event (its buffer goes back to the producer).
   */
  readonly freshChunks: boolean;
  /** The next event; after `done` or `failed` there are none. */
  next(): Promise<SessionEvent>;
  /** Stops the command wherever it is and releases what it holds. */
  close(): Promise<void>;
}

/** One running 7-Zip command; `next()` yields its events in order, `close()` stops it. */
export class SevenZipSession implements ExtractionSession {
  readonly freshChunks = false; // chunk buffers go back to the worker once read
  readonly #worker: Worker;
  readonly #control: Int32Array;
  readonly #reads: SevenZipArchiveReads;
  readonly #queue: SessionQueue;
  /** Where buffers go back to the worker, and their uses here (member parts, queued or with the reader). */
  readonly #recycle: MessagePort;
  readonly #uses = new BufferUses((buffer) => this.#recycle.postMessage(buffer, [buffer]));
  #ended = false;

  /** Starts the command in a new worker; `listFile` becomes /files.txt. */
  static async start(archive: ArchiveObject, args: string[], listFile?: string): Promise<SevenZipSession> {
    return new SevenZipSession(archive, args, await sevenZipWasm(), listFile);
  }

  private constructor(archive: ArchiveObject, args: string[], wasm: WebAssembly.Module, listFile?: string) {
    const control = new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT);
    const data = new SharedArrayBuffer(READ_BYTES);
    this.#control = new Int32Array(control);
    this.#queue = new SessionQueue(this.#control, SLOT.inFlight, (chunk) => this.#uses.unuse(chunk.buffer as ArrayBuffer));
    this.#reads = new SevenZipArchiveReads(archive, new Uint8Array(data));
    const { port1, port2 } = new MessageChannel();
    this.#recycle = port1;
    const workerData: SevenZipWorkerData = {
      modulePath, wasm, size: archive.size, control, data, args, inFlightLimit: IN_FLIGHT_LIMIT, chunkBytes: CHUNK_BYTES, recycle: port2,
      ...(listFile !== undefined && { listFile }),
    };
    this.#worker = bodyWorker(sevenZipWorkerBody, workerData, [port2]);
    this.#worker.on('message', (event: WorkerEvent) => {
      if (event.type === 'read') void this.#serve(event.position, event.length);
      else if (event.type === 'batch') this.#unpack(event.chunk, event.items);
      else this.#push(event);
    });
    // Store errors (#serve) and the worker's own are both internal failures, told apart by their message.
    const workerFailed = (detail: string) => this.#push({ type: 'failed', error: new UncompressError('InternalError', `the 7z worker failed: ${detail}`) });
    this.#worker.on('error', (error) => workerFailed(error.message));
    this.#worker.on('exit', (code) => workerFailed(`it exited (code ${code}) before 7-Zip finished`));
  }

  /** The next event; after `done` or `failed` there are none. */
  async next(): Promise<SessionEvent> {
    const event = await this.#queue.next();
    if (event.type === 'done' || event.type === 'failed') this.#ended = true;
    return event;
  }

  /** Stops the worker (wherever it is) and closes the archive reads. */
  async close(): Promise<void> {
    this.#ended = true;
    this.#uses.clear();
    this.#recycle.close();
    await this.#worker.terminate();
    await this.#reads.close();
  }

  /** Queues an event for the reader; false when it is dropped (the session ended). */
  #push(event: SessionEvent): boolean {
    if (this.#ended || (event.type === 'failed' && this.#queue.holds('done'))) return false;
    this.#queue.push(event);
    return true;
  }

  #unpack(chunk: Uint8Array, items: BatchItem[]): void {
    const buffer = chunk.buffer as ArrayBuffer;
    this.#uses.use(buffer);
    for (const item of items) {
      if (item.type !== 'data') this.#push(item);
      else if (this.#push({ type: 'data', chunk: chunk.subarray(item.start, item.end) })) this.#uses.use(buffer);
    }
    this.#uses.unuse(buffer);
  }

  async #serve(position: number, length: number): Promise<void> {
    let got = -1;
    try {
      got = await this.#reads.read(position, length);
    } catch (error) {
      this.#push({ type: 'failed', error: storeFailure(error) });
    }
    Atomics.store(this.#control, SLOT.readLength, got);
    Atomics.store(this.#control, SLOT.readState, 1);
    Atomics.notify(this.#control, SLOT.readState);
  }
}
