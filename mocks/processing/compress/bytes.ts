/** Small byte helpers shared by the archive writers. */
import { concatChunks } from '../../store/body.ts';

/** A shared empty result (no output yet). */
export const EMPTY = new Uint8Array(0);

/** Joins byte arrays into one (returns the only part itself when there is one). */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  let size = 0;
  for (const part of parts) size += part.byteLength;
  return concatChunks(parts, size);
}

/** A little-endian writer over a fixed-size buffer, for zip and gzip headers. */
export class LeWriter {
  readonly bytes: Uint8Array;
  readonly #view: DataView;
  #pos = 0;

  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.#view = new DataView(this.bytes.buffer);
  }

  u8(value: number): this {
    this.#view.setUint8(this.#pos, value);
    this.#pos += 1;
    return this;
  }

  u16(value: number): this {
    this.#view.setUint16(this.#pos, value, true);
    this.#pos += 2;
    return this;
  }

  u32(value: number): this {
    this.#view.setUint32(this.#pos, value >>> 0, true);
    this.#pos += 4;
    return this;
  }

  u64(value: number): this {
    this.#view.setBigUint64(this.#pos, BigInt(value), true);
    this.#pos += 8;
    return this;
  }

  raw(data: Uint8Array): this {
    this.bytes.set(data, this.#pos);
    this.#pos += data.byteLength;
    return this;
  }
}
