/**
 * What both 7z extraction sessions share (7z-wasm in a worker, `sevenzip-worker.node.ts`; a native
 * 7-Zip behind its relay thread, `sevenzip-native-session.node.ts`): starting a thread from a
 * self-contained body function, and the in-order event queue the reader takes from.
 */
import { Worker, type TransferListItem } from 'node:worker_threads';
import type { SessionEvent } from './sevenzip-worker.node.ts';

/**
 * A worker running `body` shipped as source text, so it runs the same from the TypeScript sources,
 * the tests and the CLI bundle. `__name` covers transpilers that keep function names (tsx) by
 * wrapping them in that helper.
 */
export function bodyWorker(body: (require: (id: string) => unknown) => void, workerData: unknown, transferList: TransferListItem[] = []): Worker {
  return new Worker(`const __name = (target) => target;\n(${body.toString()})(require);`, { eval: true, workerData, transferList });
}

/**
 * The uses of chunk buffers a thread transferred here (the member parts cut from them, queued or
 * with the reader, and their unpacking): each goes back through `giveBack` once none is left, so
 * the thread reuses it instead of allocating a new one. Fresh buffers per chunk were garbage that
 * only full collections freed (≈ 50 per 512 MiB 7z job).
 */
export class BufferUses {
  readonly #uses = new Map<ArrayBuffer, number>();
  readonly #giveBack: (buffer: ArrayBuffer) => void;

  constructor(giveBack: (buffer: ArrayBuffer) => void) {
    this.#giveBack = giveBack;
  }

  /** One more use of `buffer`. */
  use(buffer: ArrayBuffer): void {
    this.#uses.set(buffer, (this.#uses.get(buffer) ?? 0) + 1);
  }

  /** One use of `buffer` ended; after the last it goes back. */
  unuse(buffer: ArrayBuffer): void {
    const left = (this.#uses.get(buffer) ?? 1) - 1;
    if (left > 0) return void this.#uses.set(buffer, left);
    this.#uses.delete(buffer);
    this.#giveBack(buffer);
  }

  /** Forgets every use (the session is closing: nothing goes back). */
  clear(): void {
    this.#uses.clear();
  }
}

/**
 * Session events in order. Each `data` event taken gives its bytes back to the producer's budget:
 * slot `slot` of `control`, shared with the thread that waits while too much is in flight.
 * `onConsumed`, if given, gets each `data` chunk once the reader is done with it: when the reader
 * takes the next event (readers use a chunk before they ask for more), so its buffer may be reused.
 */
export class SessionQueue {
  readonly #events: SessionEvent[] = [];
  readonly #control: Int32Array;
  readonly #slot: number;
  readonly #onConsumed: ((chunk: Uint8Array) => void) | undefined;
  /** The `data` chunk the reader took last and may still be using. */
  #lent: Uint8Array | undefined;
  #wake: (() => void) | undefined;

  constructor(control: Int32Array, slot: number, onConsumed?: (chunk: Uint8Array) => void) {
    this.#control = control;
    this.#slot = slot;
    this.#onConsumed = onConsumed;
  }

  /** Appends an event and wakes a waiting `next()`. */
  push(event: SessionEvent): void {
    this.#events.push(event);
    this.#wake?.();
    this.#wake = undefined;
  }

  /** Whether an event of `type` is waiting. */
  holds(type: SessionEvent['type']): boolean {
    return this.#events.some((event) => event.type === type);
  }

  /** The next event, once there is one. */
  async next(): Promise<SessionEvent> {
    while (this.#events.length === 0) await new Promise<void>((resolve) => (this.#wake = resolve));
    const event = this.#events.shift() as SessionEvent;
    if (this.#lent) this.#onConsumed?.(this.#lent);
    this.#lent = undefined;
    if (event.type === 'data') {
      this.release(event.chunk.byteLength);
      if (this.#onConsumed) this.#lent = event.chunk;
    }
    return event;
  }

  /** Bytes no longer in flight (taken, or dropped unread): the producer may make this much more. */
  release(bytes: number): void {
    Atomics.sub(this.#control, this.#slot, bytes);
    Atomics.notify(this.#control, this.#slot);
  }

  /** Drops every waiting event (the session is closing): their chunks are never reused. */
  clear(): void {
    this.#events.length = 0;
    this.#lent = undefined;
  }
}
