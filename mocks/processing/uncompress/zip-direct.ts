/**
 * The Node fast path for zip: unencrypted stored/deflated entries are read straight from the archive
 * (local header, then the data, as one sequential ranged GET over consecutive entries) and inflated
 * by the injected native codec (node:zlib), their size and CRC-32 checked here. zip.js still parses
 * the central directory and handles everything else (encryption, other methods) and browsers.
 */
import type { Entry } from '@zip.js/zip.js';
import { ChunkReader } from './chunk-reader.ts';
import type { ZipInflater } from './codecs.ts';
import { UncompressError } from './errors.ts';
import type { ArchiveObject } from './zip-reader.ts';

// Entries up to this size are inflated whole by one thread-pool call (much less per-call overhead
// than a stream); larger ones stream, so memory stays bounded whatever the entry size.
const WHOLE_ENTRY_MAX = 4 * 1024 * 1024;
// A gap between entries larger than this is jumped with a new ranged GET instead of being read through.
const MAX_SKIP = 4 * 1024 * 1024;
const LOCAL_HEADER = 30;
const LOCAL_SIGNATURE = 0x04034b50;
const DATA_DESCRIPTOR_FLAG = 0x0008;
// Encrypted, data descriptor, strong encryption, UTF-8 names: the bits zip.js compares.
const AMBIGUITY_FLAGS = 0x0001 | DATA_DESCRIPTOR_FLAG | 0x0040 | 0x0800;
const ZIP64_SIZE = 0xffffffff;

/** True for entries this path reads: unencrypted, stored or deflated. */
export function isDirectEntry(entry: Entry): boolean {
  return !entry.encrypted && (entry.compressionMethod === 0 || entry.compressionMethod === 8) && typeof entry.signature === 'number';
}

/** One sequential reader over the archive's entry data; jumps back or far ahead with a new ranged GET. */
export class ZipDataCursor {
  readonly #archive: ArchiveObject;
  readonly #onRead: (bytes: number) => void;
  #reader: ChunkReader | undefined;
  #position = 0;
  #closed = false;

  constructor(archive: ArchiveObject, onRead: (bytes: number) => void) {
    this.#archive = archive;
    this.#onRead = onRead;
  }

  /** An entry's content, inflated and checked (size and CRC-32 against the central directory). */
  async *content(entry: Entry, inflater: ZipInflater): AsyncIterable<Uint8Array> {
    // Read after the walk ended (the member replacing the archive): a ranged GET of its own, closed after.
    const late = this.#closed;
    try {
      yield* this.#content(entry, inflater);
    } finally {
      if (late) await this.close();
    }
  }

  async *#content(entry: Entry, inflater: ZipInflater): AsyncIterable<Uint8Array> {
    await this.#toData(entry);
    const raw = this.#take(entry.compressedSize, entry);
    const check = new EntryCheck(entry, inflater);
    if (entry.compressionMethod === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) throw corrupt(entry, 'its stored size differs from its uncompressed size');
      for await (const chunk of raw) yield check.add(chunk);
    } else if (entry.uncompressedSize <= WHOLE_ENTRY_MAX && entry.compressedSize <= 2 * WHOLE_ENTRY_MAX) {
      const data = await this.#read(entry.compressedSize, entry);
      const output = await inflater.inflateAll(data, entry.uncompressedSize).catch((error: unknown) => {
        throw inflateError(entry, error);
      });
      if (output.byteLength > 0) yield check.add(output);
    } else {
      try {
        for await (const chunk of inflater.inflate(raw)) yield check.add(chunk);
      } catch (error) {
        throw inflateError(entry, error);
      }
    }
    check.finish();
  }

  /** Releases the open ranged GET (the walk is over). */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#release();
  }

  async #release(): Promise<void> {
    await this.#reader?.close();
    this.#reader = undefined;
  }

  /** Positions the cursor on an entry's data, past its local header. */
  async #toData(entry: Entry): Promise<void> {
    await this.#seek(entry.offset);
    const header = await this.#read(LOCAL_HEADER, entry);
    const view = new DataView(header.buffer, header.byteOffset, LOCAL_HEADER);
    if (view.getUint32(0, true) !== LOCAL_SIGNATURE) throw corrupt(entry, 'its local header is missing');
    if (!agreesWithDirectory(view, entry)) throw corrupt(entry, 'its local header disagrees with the central directory (ambiguous archive)');
    await this.#skip(view.getUint16(26, true) + view.getUint16(28, true), entry);
  }

  async #seek(offset: number): Promise<void> {
    if (this.#reader && offset >= this.#position && offset - this.#position <= MAX_SKIP) return this.#skip(offset - this.#position);
    await this.#release();
    const object = await this.#archive.store.get(this.#archive.bucket, this.#archive.key, { start: offset });
    if (!object) throw new UncompressError('NoSuchKey', `the archive ${this.#archive.key} disappeared while it was being read`);
    this.#reader = new ChunkReader(counted(object.body, this.#onRead));
    this.#position = offset;
  }

  async #read(n: number, entry: Entry): Promise<Uint8Array> {
    if (n === 0) return new Uint8Array(0);
    const data = await this.#reader?.readExact(n, `the zip entry ${JSON.stringify(entry.filename)}`);
    if (!data) throw corrupt(entry, 'the archive ends before it (truncated)');
    this.#position += n;
    return data;
  }

  async #skip(n: number, entry?: Entry): Promise<void> {
    await this.#reader?.skip(n, entry ? `the zip entry ${JSON.stringify(entry.filename)}` : 'the zip archive');
    this.#position += n;
  }

  async *#take(n: number, entry: Entry): AsyncIterable<Uint8Array> {
    const reader = this.#reader as ChunkReader;
    for await (const chunk of reader.take(n, `the zip entry ${JSON.stringify(entry.filename)}`)) {
      this.#position += chunk.byteLength;
      yield chunk;
    }
  }
}

/** Counts an entry's output and checks it against the central directory: never more than declared. */
class EntryCheck {
  readonly #entry: Entry;
  readonly #inflater: ZipInflater;
  #bytes = 0;
  #crc = 0;

  constructor(entry: Entry, inflater: ZipInflater) {
    this.#entry = entry;
    this.#inflater = inflater;
  }

  add(chunk: Uint8Array): Uint8Array {
    this.#bytes += chunk.byteLength;
    if (this.#bytes > this.#entry.uncompressedSize) throw tooLarge(this.#entry);
    this.#crc = this.#inflater.crc32(chunk, this.#crc);
    return chunk;
  }

  finish(): void {
    if (this.#bytes !== this.#entry.uncompressedSize) {
      throw corrupt(this.#entry, `it holds ${this.#bytes} bytes, its header declares size ${this.#entry.uncompressedSize}`);
    }
    if (this.#crc >>> 0 !== (this.#entry.signature as number) >>> 0) throw corrupt(this.#entry, 'its CRC-32 does not match');
  }
}

/**
 * The local header checks zip.js makes by default (so both paths refuse the same ambiguous archives,
 * e.g. central entries pointing at another entry's data): flags that change how the data is read,
 * the method, and CRC/sizes unless a data descriptor carries them (zip64 sizes are checked on output).
 */
function agreesWithDirectory(local: DataView, entry: Entry): boolean {
  const flags = local.getUint16(6, true);
  if ((flags & AMBIGUITY_FLAGS) !== ((entry.rawBitFlag ?? 0) & AMBIGUITY_FLAGS)) return false;
  if (local.getUint16(8, true) !== entry.compressionMethod) return false;
  const [crc, compressed, uncompressed] = [local.getUint32(14, true), local.getUint32(18, true), local.getUint32(22, true)];
  if ((flags & DATA_DESCRIPTOR_FLAG) !== 0 || (crc === 0 && compressed === 0 && uncompressed === 0)) return true;
  if (crc !== (entry.signature as number) >>> 0) return false;
  return compressed === ZIP64_SIZE || uncompressed === ZIP64_SIZE || (compressed === entry.compressedSize && uncompressed === entry.uncompressedSize);
}

async function* counted(body: AsyncIterable<Uint8Array>, onRead: (bytes: number) => void): AsyncIterable<Uint8Array> {
  for await (const chunk of body) {
    onRead(chunk.byteLength);
    yield chunk;
  }
}

function inflateError(entry: Entry, error: unknown): UncompressError {
  if (error instanceof UncompressError) return error;
  // zlib's maxOutputLength refusal: the entry inflates to more than its header says.
  if (error instanceof RangeError) return tooLarge(entry);
  return corrupt(entry, `its deflate data is broken (${error instanceof Error ? error.message : String(error)})`);
}

function tooLarge(entry: Entry): UncompressError {
  return corrupt(entry, `it inflates to more than its declared size of ${entry.uncompressedSize} bytes`);
}

function corrupt(entry: Entry, why: string): UncompressError {
  return new UncompressError('ArchiveCorrupted', `the zip archive is corrupt: entry ${JSON.stringify(entry.filename)}: ${why}`);
}
