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

/** Deflated entries small enough to inflate whole, by one thread-pool call. */
function isWholeDeflate(entry: Entry): boolean {
  return entry.compressionMethod === 8 && entry.uncompressedSize <= WHOLE_ENTRY_MAX && entry.compressedSize <= 2 * WHOLE_ENTRY_MAX;
}

/** True for entries this path reads: unencrypted, stored or deflated. */
export function isDirectEntry(entry: Entry): boolean {
  return !entry.encrypted && (entry.compressionMethod === 0 || entry.compressionMethod === 8) && typeof entry.signature === 'number';
}

/** A whole-entry inflate under way: its compressed bytes are read once `started` resolves. */
interface Ahead { index: number; started: Promise<{ output: Promise<Uint8Array> }> }

/**
 * One sequential reader over the archive's entry data; jumps back or far ahead with a new ranged GET.
 * While one small deflated entry is being checked and handed on, the next one's inflate already runs
 * in the thread pool (one entry ahead at most, so a skipped entry wastes one ≤ 4 MiB inflate).
 */
export class ZipDataCursor {
  readonly #archive: ArchiveObject;
  readonly #entries: readonly Entry[];
  readonly #inflater: ZipInflater;
  readonly #onRead: (bytes: number) => void;
  #reader: ChunkReader | undefined;
  #position = 0;
  #closed = false;
  #ahead: Ahead | undefined;

  constructor(archive: ArchiveObject, entries: readonly Entry[], inflater: ZipInflater, onRead: (bytes: number) => void) {
    this.#archive = archive;
    this.#entries = entries;
    this.#inflater = inflater;
    this.#onRead = onRead;
  }

  /** The content of entry `index`, inflated and checked (size and CRC-32 against the central directory). */
  async *content(index: number): AsyncIterable<Uint8Array> {
    // Read after the walk ended (the member replacing the archive): a ranged GET of its own, closed after.
    const late = this.#closed;
    try {
      yield* this.#content(index);
    } finally {
      if (late) await this.close();
    }
  }

  async *#content(index: number): AsyncIterable<Uint8Array> {
    const entry = this.#entries[index] as Entry;
    const check = new EntryCheck(entry, this.#inflater);
    if (isWholeDeflate(entry)) {
      const started = await (this.#claimAhead(index) ?? this.#startInflate(entry));
      const next = this.#entries[index + 1];
      if (next && isDirectEntry(next) && isWholeDeflate(next)) {
        this.#ahead = { index: index + 1, started: this.#startInflate(next) };
        this.#ahead.started.catch(() => undefined); // it may never be asked for: its failure is not unhandled
      }
      const output = await started.output.catch((error: unknown) => {
        throw inflateError(entry, error);
      });
      if (output.byteLength > 0) yield check.add(output);
      return check.finish();
    }
    await this.#settleAhead();
    await this.#toData(entry);
    const raw = this.#take(entry.compressedSize, entry);
    if (entry.compressionMethod === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) throw corrupt(entry, 'its stored size differs from its uncompressed size');
      for await (const chunk of raw) yield check.add(chunk);
    } else {
      try {
        for await (const chunk of this.#inflater.inflate(raw)) yield check.add(chunk);
      } catch (error) {
        throw inflateError(entry, error);
      }
    }
    check.finish();
  }

  /** The inflate started ahead for `index`, if any; any other one is waited for and dropped first. */
  #claimAhead(index: number): Ahead['started'] | undefined {
    const ahead = this.#ahead;
    this.#ahead = undefined;
    if (ahead?.index === index) return ahead.started;
    return ahead && ahead.started.then(() => this.#startInflate(this.#entries[index] as Entry), () => this.#restart(index));
  }

  /** Reads an entry's compressed bytes and starts inflating them; resolves once the cursor is free again. */
  async #startInflate(entry: Entry): Promise<{ output: Promise<Uint8Array> }> {
    await this.#toData(entry);
    const data = await this.#read(entry.compressedSize, entry);
    const output = this.#inflater.inflateAll(data, entry.uncompressedSize);
    output.catch(() => undefined); // likewise for an inflate whose entry is skipped
    return { output };
  }

  // A read ahead failed (e.g. a broken local header) on an entry that was then skipped: start afresh.
  async #restart(index: number): Promise<{ output: Promise<Uint8Array> }> {
    await this.#release();
    return this.#startInflate(this.#entries[index] as Entry);
  }

  async #settleAhead(): Promise<void> {
    const ahead = this.#ahead;
    this.#ahead = undefined;
    if (ahead) await ahead.started.catch(() => this.#release());
  }

  /** Releases the open ranged GET (the walk is over). */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#settleAhead();
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
