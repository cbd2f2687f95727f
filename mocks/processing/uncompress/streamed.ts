import { ChunkReader } from './chunk-reader.ts';
import { UncompressError } from './errors.ts';
import type { ArchiveMember, ArchiveWalk, ReaderOptions } from './members.ts';
import { gzipMemberName } from './paths.ts';
import { readRange } from './store-range.ts';
import { isTarHeader } from './tar-header.ts';
import { walkTar } from './tar-reader.ts';
import type { ArchiveObject } from './zip-reader.ts';

/** Opens a tar, tar.gz/tgz or plain gzip object as one sequential stream (bounded memory). */
export async function openStreamed(archive: ArchiveObject, gzipped: boolean, options: ReaderOptions): Promise<ArchiveWalk> {
  const object = await archive.store.get(archive.bucket, archive.key);
  if (!object) throw new UncompressError('NoSuchKey', `the archive ${archive.key} does not exist`);
  const input = countInput(object.body, archive.size, options);
  if (!gzipped) return { members: walkTar(new ChunkReader(input), options.signal) };
  const inflated = new ChunkReader(options.codecs.gunzip(input));
  const head = await inflated.peek(512).catch(async (error: unknown) => {
    await inflated.close();
    return corrupt(error);
  });
  if (isTarHeader(head)) return { members: walkTar(inflated, options.signal) };
  return { declaredEntries: 1, members: single(archive, inflated) };
}

/** A plain .gz holds one file, named after the archive without `.gz`; its size is the ISIZE trailer. */
async function* single(archive: ArchiveObject, inflated: ChunkReader): AsyncIterable<ArchiveMember> {
  try {
    yield {
      name: gzipMemberName(archive.key),
      kind: 'file',
      size: await gzipDeclaredSize(archive),
      mtime: 0,
      encrypted: false,
      read: () => inflated.rest(),
      freshChunks: true,
    };
  } finally {
    await inflated.close();
  }
}

/** ISIZE: the last four bytes of a gzip member, the uncompressed size modulo 2^32 (a claim, not a fact). */
export async function gzipDeclaredSize(archive: ArchiveObject): Promise<number> {
  if (archive.size < 18) throw new UncompressError('ArchiveCorrupted', 'the gzip file is shorter than its header and trailer');
  const trailer = await readRange(archive.store, archive.bucket, archive.key, archive.size - 4, 4);
  return new DataView(trailer.buffer, trailer.byteOffset, 4).getUint32(0, true);
}

function corrupt(error: unknown): never {
  throw new UncompressError('ArchiveCorrupted', `the gzip stream is corrupt: ${error instanceof Error ? error.message : String(error)}`);
}

async function* countInput(body: AsyncIterable<Uint8Array>, size: number, options: ReaderOptions): AsyncIterable<Uint8Array> {
  let read = 0;
  for await (const chunk of body) {
    read += chunk.byteLength;
    options.onFraction(Math.min(1, read / Math.max(1, size)));
    yield chunk;
  }
}
