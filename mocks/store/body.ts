import type { HashFactory } from '../processing/hash/types.ts';
import type { Body } from './types.ts';

const handedOver = new WeakSet<Uint8Array>();

/**
 * Marks a chunk whose whole ArrayBuffer the caller gives to the store it is put into: no other view
 * of that buffer exists and the caller never touches it again. A store may then take the bytes
 * without copying them (the filesystem store transfers such a buffer to its writer thread, which
 * detaches the chunk). Only the marked object carries the mark; a subarray of it does not.
 */
export function handOver<T extends Uint8Array>(chunk: T): T {
  handedOver.add(chunk);
  return chunk;
}

/** True when `chunk` was given up with `handOver`. */
export function isHandedOver(chunk: Uint8Array): boolean {
  return handedOver.has(chunk);
}

/** Iterates a Body as chunks, whether it is one buffer or a stream. */
export async function* chunksOf(body: Body): AsyncIterable<Uint8Array> {
  if (body instanceof Uint8Array) yield body;
  else yield* body;
}

/** Reads a whole Body into one buffer. Only for bodies known to be small. */
export async function collectBody(body: Body): Promise<Uint8Array> {
  if (body instanceof Uint8Array) return body;
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    parts.push(chunk);
    size += chunk.byteLength;
  }
  return concatChunks(parts, size);
}

/** Joins chunks whose total size is known into one buffer. */
export function concatChunks(parts: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/** Feeds every chunk of a Body to `sink` while computing its size and MD5 (the ETag). */
export async function consumeBody(
  body: Body, hash: HashFactory, sink: (chunk: Uint8Array) => unknown,
): Promise<{ size: number; md5Hex: string }> {
  const md5 = await hash('md5');
  let size = 0;
  for await (const chunk of chunksOf(body)) {
    md5.update(chunk);
    size += chunk.byteLength;
    await sink(chunk);
  }
  return { size, md5Hex: md5.digestHex() };
}

/**
 * The half-open byte span [from, to) a range selects in an object of `size` bytes: the end is
 * clamped to the object, and a range starting past the end selects nothing (HTTP maps that to 416).
 */
export function spanOf(size: number, range?: { start: number; end?: number }): { from: number; to: number } {
  const from = Math.max(0, range?.start ?? 0);
  const to = Math.min(size, range?.end === undefined ? size : range.end + 1);
  return { from: Math.min(from, to), to };
}
