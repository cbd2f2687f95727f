/**
 * Streaming zip writer (FileCompress `Format=zip`, JD Compress Object): local header, data, data
 * descriptor per member, then the central directory. Names are UTF-8 (flag bit 11); ZIP64 records
 * appear when sizes, offsets or the entry count need them. Compression runs ahead of the output
 * through `orderedOutput`, so several blocks deflate at once while memory stays bounded.
 */
import type { ArchiveMember } from './archive-member.ts';
import { SizeMismatchError, utf8 } from './archive-member.ts';
import type { CompressBackend } from './backend.ts';
import { concatBytes } from './bytes.ts';
import { orderedOutput, type OutputItem, type Push } from './ordered-output.ts';
import { ZipAesEntryEncryptor, cryptoRandom } from './zip-aes.ts';
import {
  FLAG_DATA_DESCRIPTOR, FLAG_ENCRYPTED, FLAG_UTF8, METHOD_AES, METHOD_DEFLATED, METHOD_STORED,
  centralDirectory, dataDescriptor, dosDateTime, localHeader, type ZipEntry,
} from './zip-format.ts';

/** Members at or above this declared size get ZIP64 records; the margin covers deflate's worst-case growth. */
const ZIP64_MEMBER_THRESHOLD = 0xf0000000;

/** How to write a zip. */
export interface ZipWriterOptions {
  backend: CompressBackend;
  /** zlib level: 0 stores (method 0), 1..9 deflate (method 8). */
  level: number;
  /** Password bytes: entries are encrypted with WinZip AES-256 (AE-2). */
  password?: Uint8Array;
  /** Write ZIP64 records for every entry and the end record (tests use it to exercise ZIP64 readers). */
  forceZip64?: boolean;
  /** Declared member size from which an entry gets ZIP64 records (default 3.75 GiB; tests lower it). */
  zip64Threshold?: number;
  /** Bytes of input allowed in flight between reading and writing (default 4 MiB). */
  maxPendingBytes?: number;
  /** Fills AES salts; defaults to the platform CSPRNG. */
  random?: (bytes: Uint8Array) => void;
}

/** Writes `members` as a zip archive, yielding its bytes in order. */
export function writeZip(members: AsyncIterable<ArchiveMember>, options: ZipWriterOptions): AsyncGenerator<Uint8Array> {
  return orderedOutput(async (push) => {
    const entries: ZipEntry[] = [];
    for await (const member of members) entries.push(await writeEntry(member, options, push));
    const force = options.forceZip64 ?? false;
    await push((position) => concatBytes(centralDirectory(entries, position, force)));
  }, options.maxPendingBytes ?? 4 * 1024 * 1024);
}

async function writeEntry(member: ArchiveMember, options: ZipWriterOptions, push: Push): Promise<ZipEntry> {
  const method = options.level > 0 ? METHOD_DEFLATED : METHOD_STORED;
  const encrypted = options.password !== undefined;
  const entry: ZipEntry = {
    name: utf8.encode(member.name),
    method: encrypted ? METHOD_AES : method,
    flags: FLAG_DATA_DESCRIPTOR | FLAG_UTF8 | (encrypted ? FLAG_ENCRYPTED : 0),
    ...dosDateTime(member.mtime),
    ...(encrypted && { aesMethod: method }),
    zip64: (options.forceZip64 ?? false) || member.size >= (options.zip64Threshold ?? ZIP64_MEMBER_THRESHOLD),
    crc: 0, size: 0, compressedSize: 0, offset: 0,
  };
  let dataStart = 0;
  await push((position) => {
    entry.offset = position;
    const header = localHeader(entry);
    dataStart = position + header.length;
    return header;
  });
  const sink = encrypted ? await encryptingSink(await ZipAesEntryEncryptor.create(options.password as Uint8Array, options.random ?? cryptoRandom, options.backend.aes), push) : plainSink(push);
  const session = method === METHOD_DEFLATED ? options.backend.deflater.open(options.level) : undefined;
  let crc = 0;
  let size = 0;
  for await (const chunk of member.body) {
    crc = options.backend.crc32(chunk, crc);
    size += chunk.byteLength;
    await sink.push(session ? session.write(chunk) : chunk, chunk.byteLength);
  }
  if (session) await sink.push(session.end(), 0);
  await sink.end();
  if (size !== member.size) throw new SizeMismatchError(member.name, member.size, size);
  // AE-2 stores no CRC: the HMAC authenticates the data instead (and a CRC would leak plaintext facts).
  entry.crc = encrypted ? 0 : crc;
  entry.size = size;
  await push((position) => {
    entry.compressedSize = position - dataStart;
    if (!entry.zip64 && entry.compressedSize >= 0xffffffff) throw new Error(`[fileproc] ${member.name}: compressed size overflowed without ZIP64`);
    return dataDescriptor(entry);
  });
  return entry;
}

interface EntrySink {
  push(item: Promise<Uint8Array> | Uint8Array, weight: number): Promise<void>;
  end(): Promise<void>;
}

function plainSink(push: Push): EntrySink {
  return { push: (item, weight) => push(item, weight), end: async () => undefined };
}

/** Encryption must see the compressed bytes in order, so each item is chained after the previous one. */
async function encryptingSink(encryptor: ZipAesEntryEncryptor, push: Push): Promise<EntrySink> {
  let chain: Promise<unknown> = Promise.resolve();
  await push(encryptor.header);
  return {
    push: (item, weight) => {
      const encrypted = chain.then(() => item).then((bytes) => encryptor.update(bytes));
      chain = encrypted;
      return push(encrypted, weight);
    },
    end: () => {
      const mac: OutputItem = chain.then(() => encryptor.finish());
      return push(mac);
    },
  };
}
