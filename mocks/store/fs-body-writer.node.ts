import { availableParallelism } from 'node:os';
import { open, rm, type FileHandle } from 'node:fs/promises';
import type { HashFactory } from '../processing/hash/types.ts';
import { chunksOf, consumeBody } from './body.ts';
import { commitFile, writeFileAtomic, writeNewFileSync, writeSmallFileSync, type FsLayout } from './fs-layout.node.ts';
import { SMALL_BODY_BYTES } from './fs-write-session.node.ts';
import { WriterPool } from './fs-writer.node.ts';
import type { Body } from './types.ts';

/** Default writer threads: one per core beyond the event loop's, at least one, at most four. */
export function defaultWriterThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/**
 * Puts files into the store folder: an object body (temp file, hashed for the ETag, fsynced when
 * durable, then renamed to its final place; a small one of a store that is not durable goes
 * straight to its place) and small metadata files (temp + rename, or in place when new). With writer
 * threads (the default) a body's hashing and file system calls run on them, so the event loop
 * only copies bytes — except small bodies (≤ 256 KiB), written here; with `threads: 0` everything
 * runs here, hashed by the injected HashFactory.
 */
export class BodyWriter {
  readonly #layout: FsLayout;
  readonly #durable: boolean;
  readonly #hash: HashFactory;
  readonly #pool: WriterPool | undefined;

  constructor(layout: FsLayout, options: { durable: boolean; hash: HashFactory; threads: number }) {
    this.#layout = layout;
    this.#durable = options.durable;
    this.#hash = options.hash;
    this.#pool = options.threads > 0 ? new WriterPool({ threads: options.threads }) : undefined;
  }

  /** Writes `body` to `target` (a fresh path) atomically; on failure nothing is left behind. */
  async writeBody(body: Body, target: string): Promise<{ size: number; md5Hex: string }> {
    const temp = this.#layout.tempPath('.part');
    try {
      // A small body given whole is written here as it is: gathering it first would copy it for nothing.
      if (!this.#pool || (body instanceof Uint8Array && body.byteLength <= SMALL_BODY_BYTES)) return await this.#writeHere(body, temp, target);
      const session = this.#pool.session(temp, this.#durable);
      let small: Uint8Array | undefined;
      try {
        for await (const chunk of chunksOf(body)) await session.write(chunk);
        small = session.smallBody();
        if (!small) return await session.finish(this.#durable, target);
      } catch (error) {
        await session.abort();
        throw error;
      }
      try {
        return await this.#writeHere(small, temp, target);
      } finally {
        session.release();
      }
    } catch (error) {
      await rm(temp, { force: true });
      await rm(target, { force: true });
      throw error;
    }
  }

  /**
   * Writes a small text file atomically (temp + fsync + rename + folder fsync when durable): on a
   * writer thread when durable (its fsyncs then leave the event loop alone); when not durable,
   * synchronously here, in place if `fresh` (no earlier version exists, see `writeSmallFileSync`).
   */
  async writeSmall(target: string, text: string, fresh: boolean): Promise<void> {
    if (!this.#durable) return writeSmallFileSync(this.#layout, target, text, fresh);
    if (!this.#pool) return writeFileAtomic(this.#layout, target, text, this.#durable);
    await this.#pool.writeFile({ temp: this.#layout.tempPath('.json'), target, text, sync: true });
  }

  /** Stops the writer threads. */
  async close(): Promise<void> {
    await this.#pool?.close();
  }

  async #writeHere(body: Body, temp: string, target: string): Promise<{ size: number; md5Hex: string }> {
    if (!this.#durable && body instanceof Uint8Array) {
      // A small body of a store that is not durable goes straight to its final name, synchronously
      // (see writeNewFileSync): until its sidecar exists nothing refers to it, and recovery removes
      // unreferenced bodies, so a torn write is never visible; no temp file, no rename.
      const md5 = await this.#hash('md5');
      md5.update(body);
      if (!writeNewFileSync(target, body)) throw new Error(`[fileproc] store body ${target} exists already`);
      return { size: body.byteLength, md5Hex: md5.digestHex() };
    }
    const handle = await open(temp, 'wx');
    let content: { size: number; md5Hex: string };
    try {
      content = await consumeBody(body, this.#hash, (chunk) => writeAll(handle, chunk));
      if (this.#durable) await handle.sync();
    } finally {
      await handle.close();
    }
    await commitFile(temp, target, this.#durable);
    return content;
  }
}

async function writeAll(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  for (let offset = 0; offset < chunk.byteLength; ) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.byteLength - offset, null);
    offset += bytesWritten;
  }
}
