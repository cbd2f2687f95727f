import { availableParallelism } from 'node:os';
import { constants, crc32 as zlibCrc32, deflateRaw, type ZlibOptions } from 'node:zlib';
import type { CompressBackend, DeflateSession, Deflater } from './backend.ts';
import { EMPTY, concatBytes } from './bytes.ts';

const DICTIONARY_SIZE = 32 * 1024;

/** Tuning of the parallel deflater; defaults: 128 KiB blocks, one block in flight per core. */
export interface NodeDeflaterOptions { blockSize?: number; concurrency?: number }

/**
 * pigz-style DEFLATE on node:zlib: the stream is cut into blocks, each compressed on the libuv
 * thread pool with the previous 32 KiB as preset dictionary and ended by Z_SYNC_FLUSH (the last by
 * Z_FINISH), so the concatenation is one valid raw DEFLATE stream. At most `concurrency` blocks run
 * at once: more would queue in the thread pool ahead of the file reads that feed us.
 */
export function createNodeDeflater(options: NodeDeflaterOptions = {}): Deflater {
  const blockSize = options.blockSize ?? 128 * 1024;
  const gate = new Gate(options.concurrency ?? availableParallelism());
  return { open: (level) => new BlockSession(level, blockSize, gate) };
}

class BlockSession implements DeflateSession {
  #block: Uint8Array;
  #filled = 0;
  #dictionary: Uint8Array | undefined;
  readonly #level: number;
  readonly #blockSize: number;
  readonly #gate: Gate;

  constructor(level: number, blockSize: number, gate: Gate) {
    this.#level = level;
    this.#blockSize = blockSize;
    this.#gate = gate;
    this.#block = new Uint8Array(blockSize);
  }

  write(chunk: Uint8Array): Promise<Uint8Array> {
    const started: Promise<Uint8Array>[] = [];
    let offset = 0;
    while (offset < chunk.byteLength) {
      const take = Math.min(chunk.byteLength - offset, this.#blockSize - this.#filled);
      this.#block.set(chunk.subarray(offset, offset + take), this.#filled);
      this.#filled += take;
      offset += take;
      if (this.#filled === this.#blockSize) started.push(this.#flushBlock(false));
    }
    if (started.length === 0) return Promise.resolve(EMPTY);
    return Promise.all(started).then(concatBytes);
  }

  end(): Promise<Uint8Array> {
    return this.#flushBlock(true);
  }

  #flushBlock(last: boolean): Promise<Uint8Array> {
    const block = this.#block.subarray(0, this.#filled);
    const options: ZlibOptions = {
      level: this.#level,
      finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
      ...(this.#dictionary && { dictionary: this.#dictionary }),
    };
    this.#dictionary = block.byteLength > 0 ? block.subarray(Math.max(0, block.byteLength - DICTIONARY_SIZE)) : this.#dictionary;
    this.#block = new Uint8Array(this.#blockSize);
    this.#filled = 0;
    return this.#gate.run(() => deflateBlock(block, options));
  }
}

function deflateBlock(block: Uint8Array, options: ZlibOptions): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    deflateRaw(block, options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** A counting semaphore: runs at most `limit` tasks at a time, in submission order. */
class Gate {
  #running = 0;
  readonly #waiting: (() => void)[] = [];
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = Math.max(1, limit);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running >= this.#limit) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#running++;
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }
}

/** The Node fast path: parallel zlib deflate and native CRC-32 (zlib.crc32, Node ≥ 20.15). */
export function createNodeBackend(options: NodeDeflaterOptions = {}): CompressBackend {
  return { deflater: createNodeDeflater(options), crc32: (data, previous) => zlibCrc32(data, previous) };
}
