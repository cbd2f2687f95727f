import { availableParallelism } from 'node:os';
import { constants, crc32 as zlibCrc32, deflateRaw, type ZlibOptions } from 'node:zlib';
import type { CompressBackend, DeflateSession, Deflater } from './backend.ts';
import { nodeZipAesCrypto } from './zip-aes.node.ts';
import { EMPTY, concatBytes } from './bytes.ts';
import { looksIncompressible } from './entropy.ts';
import { storedBlocks } from './stored-deflate.ts';

const DICTIONARY_SIZE = 32 * 1024;
/** A random-looking block that deflates below this share of its size proves the entropy guess wrong. */
const INCOMPRESSIBLE_RATIO = 0.97;
/** Every n-th random-looking block is deflated anyway, to check the guess. */
const PROBE_EVERY = 8;
/** After a wrong guess, this many random-looking blocks in a row must fail to shrink before guessing resumes. */
const DISTRUST_BLOCKS = 16;

/** Tuning of the parallel deflater; defaults: 128 KiB blocks, one block in flight per core. */
export interface NodeDeflaterOptions { blockSize?: number; concurrency?: number }

/**
 * pigz-style DEFLATE on node:zlib: the stream is cut into blocks, each compressed on the libuv
 * thread pool with the previous 32 KiB as preset dictionary and ended by Z_SYNC_FLUSH (the last by
 * Z_FINISH), so the concatenation is one valid raw DEFLATE stream. At most `concurrency` blocks run
 * at once: more would queue in the thread pool ahead of the file reads that feed us. Blocks whose
 * byte sample looks random (compressed media, encrypted data) are stored (level 0) rather than
 * searched for matches — zlib would emit stored blocks for them anyway; every 8th is deflated to
 * check; after one that did shrink, a stream deflates random-looking blocks until 16 in a row did not.
 */
export function createNodeDeflater(options: NodeDeflaterOptions = {}): Deflater {
  const blockSize = options.blockSize ?? 128 * 1024;
  const shared: Shared = { gate: new Gate(options.concurrency ?? availableParallelism()), randomBlocks: 0 };
  return { open: (level) => new BlockSession(level, blockSize, shared) };
}

/** State of one deflater shared by its sessions: the thread gate and the count of random-looking blocks seen. */
interface Shared { gate: Gate; randomBlocks: number }

class BlockSession implements DeflateSession {
  #block: Uint8Array;
  #filled = 0;
  #dictionary: Uint8Array | undefined;
  #distrustLeft = 0;
  readonly #level: number;
  readonly #blockSize: number;
  readonly #shared: Shared;

  constructor(level: number, blockSize: number, shared: Shared) {
    this.#level = level;
    this.#blockSize = blockSize;
    this.#shared = shared;
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
      // One output buffer big enough for a whole block: zlib's default 16 KiB chunks cost a main-thread callback each.
      chunkSize: this.#blockSize + (this.#blockSize >> 3) + 1024,
      finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
      ...(this.#dictionary && { dictionary: this.#dictionary }),
    };
    this.#dictionary = block.byteLength > 0 ? block.subarray(Math.max(0, block.byteLength - DICTIONARY_SIZE)) : this.#dictionary;
    this.#block = new Uint8Array(this.#blockSize);
    this.#filled = 0;
    const randomLooking = looksIncompressible(block);
    // Decided when the block gets a thread, so the verdicts of earlier blocks of the stream count.
    return this.#shared.gate.run(async () => {
      const store = randomLooking && this.#distrustLeft === 0 && this.#shared.randomBlocks++ % PROBE_EVERY !== 0;
      // Stored blocks are framed here: a zlib stream's set-up would cost more main-thread time than the copy.
      const output = store ? storedBlocks(block, last) : await deflateBlock(block, { ...options, level: this.#level });
      if (randomLooking && !store) {
        // A random-looking block that did shrink (repeated random data, a block straddling text): deflate
        // the next ones too, and trust the guess again only after that many did not shrink.
        const shrank = output.byteLength < block.byteLength * INCOMPRESSIBLE_RATIO;
        this.#distrustLeft = shrank ? DISTRUST_BLOCKS : Math.max(0, this.#distrustLeft - 1);
      }
      return output;
    });
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

/** The Node fast path: parallel zlib deflate, native CRC-32 (zlib.crc32, Node ≥ 20.15), node:crypto AES. */
export function createNodeBackend(options: NodeDeflaterOptions = {}): CompressBackend {
  return { deflater: createNodeDeflater(options), crc32: (data, previous) => zlibCrc32(data, previous), aes: nodeZipAesCrypto };
}
