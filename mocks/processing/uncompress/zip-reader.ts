import { Reader, ZipReader, type Entry, type FileEntry } from '@zip.js/zip.js';
import type { ObjectStore } from '../../store/types.ts';
import { UncompressError } from './errors.ts';
import type { ArchiveMember, ArchiveWalk, EntryKind, ReaderOptions } from './members.ts';
import { readRange } from './store-range.ts';
import { isDirectEntry, ZipDataCursor } from './zip-direct.ts';
import { zipDeclaredEntries } from './zip-eocd.ts';

const READ_WINDOW = 256 * 1024;

/** An object in the store read by zip.js through ranged GETs: the archive is never buffered whole. */
class StoreReader extends Reader<string> {
  readonly #store: ObjectStore;
  readonly #bucket: string;
  readonly #key: string;
  readonly #onRead: (bytes: number) => void;

  constructor(store: ObjectStore, bucket: string, key: string, size: number, onRead: (bytes: number) => void) {
    super(key);
    this.#store = store;
    this.#bucket = bucket;
    this.#key = key;
    this.#onRead = onRead;
    this.size = size;
  }

  // zip.js asks for many small reads (local headers, then data); one window serves most of them.
  #window: { start: number; data: Uint8Array } = { start: 0, data: new Uint8Array(0) };

  override async readUint8Array(index: number, length: number): Promise<Uint8Array> {
    const wanted = Math.min(length, this.size - index);
    const offset = index - this.#window.start;
    if (offset >= 0 && offset + wanted <= this.#window.data.byteLength) return this.#window.data.subarray(offset, offset + wanted);
    const data = await readRange(this.#store, this.#bucket, this.#key, index, Math.min(Math.max(wanted, READ_WINDOW), this.size - index));
    this.#window = { start: index, data };
    this.#onRead(data.byteLength);
    return data.subarray(0, wanted);
  }
}

/** The location of the archive being read. */
export interface ArchiveObject { store: ObjectStore; bucket: string; key: string; size: number }

/** Opens a zip (or apk) in the store; entries come from the central directory, content streams per entry. */
export async function openZip(archive: ArchiveObject, options: ReaderOptions): Promise<ArchiveWalk> {
  const declaredEntries = await zipDeclaredEntries(archive.store, archive.bucket, archive.key, archive.size);
  // Refuse before zip.js parses a central directory that may be huge (a preview only reads 1000 of it).
  if (declaredEntries > options.limits.maxEntries && !options.listOnly) {
    throw new UncompressError('FileCountLimitExceeded', `the archive declares ${declaredEntries} entries; the limit is ${options.limits.maxEntries}`);
  }
  let read = 0;
  const onRead = (bytes: number) => {
    read += bytes;
    options.onFraction(Math.min(1, read / Math.max(1, archive.size)));
  };
  const reader = new StoreReader(archive.store, archive.bucket, archive.key, archive.size, onRead);
  // Names are judged by our own sanitiser (paths.ts), which repairs what zip.js would only reject.
  const zip = new ZipReader(reader, { useWebWorkers: false, useCompressionStream: options.codecs.zipNativeInflate, filenameValidation: 'tolerant' });
  if (options.listOnly) return { declaredEntries, members: lazyMembers(zip, options) };
  const entries = await zip.getEntries().catch((error: unknown) => {
    throw mapZipError(error);
  });
  return { declaredEntries, names: entries.map((e) => e.filename), members: zipMembers(entries, archive, options, onRead) };
}

async function* zipMembers(entries: Entry[], archive: ArchiveObject, options: ReaderOptions, onRead: (bytes: number) => void): AsyncIterable<ArchiveMember> {
  const inflater = options.codecs.zipInflate;
  const cursor = inflater && new ZipDataCursor(archive, entries, inflater, onRead);
  try {
    for (const [index, entry] of entries.entries()) {
      const member = toMember(entry, options);
      if (cursor && isDirectEntry(entry)) Object.assign(member, { read: () => cursor.content(index), freshChunks: true });
      yield member;
    }
  } finally {
    await cursor?.close();
  }
}

async function* lazyMembers(zip: ZipReader<string>, options: ReaderOptions): AsyncIterable<ArchiveMember> {
  try {
    for await (const entry of zip.getEntriesGenerator()) yield toMember(entry, options);
  } catch (error) {
    throw mapZipError(error);
  }
}

function toMember(entry: Entry, options: ReaderOptions): ArchiveMember {
  return {
    name: entry.filename,
    kind: kindOf(entry),
    size: entry.uncompressedSize,
    mtime: entry.lastModDate instanceof Date ? entry.lastModDate.getTime() : 0,
    encrypted: entry.encrypted,
    read: () => entryContent(entry as FileEntry, options),
  };
}

function kindOf(entry: Entry): EntryKind {
  if (entry.directory) return 'directory';
  const unixType = (entry.externalFileAttributes >>> 16) & 0o170000;
  if (entry.symlink || unixType === 0o120000) return 'symlink';
  if (unixType !== 0 && unixType !== 0o100000) return 'other';
  return 'file';
}

async function* entryContent(entry: FileEntry, options: ReaderOptions): AsyncIterable<Uint8Array> {
  if (entry.encrypted && options.password === undefined) {
    throw new UncompressError('PasswordRequired', `entry ${JSON.stringify(entry.filename)} is encrypted and no UnCompressKey was given`);
  }
  const pipe = new TransformStream<Uint8Array, Uint8Array>();
  const reader = pipe.readable.getReader();
  let failure: unknown;
  const writing = entry
    .getData(pipe.writable, { password: options.password, checkCrc32: true, ...(options.signal && { signal: options.signal }) })
    .catch((error: unknown) => {
      failure = error;
      return reader.cancel(error).catch(() => undefined);
    });
  try {
    for (;;) {
      const next = await reader.read().catch((error: unknown) => {
        throw mapZipError(failure ?? error);
      });
      if (next.done) break;
      yield next.value;
    }
    await writing;
    if (failure !== undefined) throw mapZipError(failure);
  } finally {
    await reader.cancel().catch(() => undefined);
    await writing;
  }
}

/** Maps zip.js errors (matched by message, its only stable contract) to failure codes. */
function mapZipError(error: unknown): unknown {
  if (error instanceof UncompressError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/invalid password/i.test(message)) return new UncompressError('InvalidPassword', 'the UnCompressKey does not decrypt the archive');
  if (/encrypted entry/i.test(message)) return new UncompressError('PasswordRequired', 'the archive is encrypted and no UnCompressKey was given');
  if (/compression method not supported|unsupported compression/i.test(message)) {
    return new UncompressError('UnsupportedCompressionMethod', `a zip entry uses a compression method other than stored/deflate (${message})`);
  }
  return new UncompressError('ArchiveCorrupted', `the zip archive is corrupt: ${message}`);
}
