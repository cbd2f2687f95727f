/** Streaming tar and tar.gz writers (FileCompress `Format=tar` / `tar.gz`, reference §2.2). */
import type { ArchiveMember } from './archive-member.ts';
import { SizeMismatchError } from './archive-member.ts';
import type { CompressBackend } from './backend.ts';
import { LeWriter } from './bytes.ts';
import { orderedOutput } from './ordered-output.ts';
import { BLOCK, fileHeader, padding } from './tar-format.ts';

/** Writes `members` as a POSIX (ustar + pax) tar stream ending in two zero blocks. */
export async function* writeTar(members: AsyncIterable<ArchiveMember>): AsyncGenerator<Uint8Array> {
  for await (const member of members) {
    yield fileHeader(member.name, member.size, member.mtime);
    let size = 0;
    for await (const chunk of member.body) {
      size += chunk.byteLength;
      if (size > member.size) break;
      yield chunk;
    }
    // A tar header fixes the size up front, so a changed object cannot be packed consistently.
    if (size !== member.size) throw new SizeMismatchError(member.name, member.size, size);
    const pad = padding(size);
    if (pad.length > 0) yield pad;
  }
  yield new Uint8Array(2 * BLOCK);
}

/** gzip options: zlib level and how much input may be in flight (default 4 MiB). */
export interface GzipOptions { backend: CompressBackend; level: number; maxPendingBytes?: number }

/** Wraps a byte stream as one gzip member (RFC 1952), deflated through the backend's (parallel) deflater. */
export function gzipStream(source: AsyncIterable<Uint8Array>, options: GzipOptions): AsyncGenerator<Uint8Array> {
  return orderedOutput(async (push) => {
    // Extra flags: 2 = best compression, 4 = fastest; OS 255 = unknown keeps output host-independent.
    const extraFlags = options.level >= 9 ? 2 : options.level === 1 ? 4 : 0;
    await push(new LeWriter(10).u8(0x1f).u8(0x8b).u8(8).u8(0).u32(0).u8(extraFlags).u8(255).bytes);
    const session = options.backend.deflater.open(options.level);
    let crc = 0;
    let size = 0;
    for await (const chunk of source) {
      crc = options.backend.crc32(chunk, crc);
      size += chunk.byteLength;
      await push(session.write(chunk), chunk.byteLength);
    }
    await push(session.end());
    await push(new LeWriter(8).u32(crc).u32(size % 2 ** 32).bytes);
  }, options.maxPendingBytes ?? 4 * 1024 * 1024);
}
