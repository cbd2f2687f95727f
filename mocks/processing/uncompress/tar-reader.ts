import type { ChunkReader } from './chunk-reader.ts';
import { UncompressError, throwIfAborted } from './errors.ts';
import type { ArchiveMember } from './members.ts';
import { isZeroBlock, kindOf, parsePax, parseTarHeader, text } from './tar-header.ts';

// pax and GNU long-name payloads are held in memory, so they are bounded.
const MAX_META_BYTES = 1024 * 1024;

interface Overrides { path?: string; linkpath?: string; size?: number; mtime?: number }

/** Walks a tar stream (ustar, pax, GNU long names), yielding members whose content streams lazily. */
export async function* walkTar(reader: ChunkReader, signal?: AbortSignal): AsyncIterable<ArchiveMember> {
  try {
    yield* tarMembers(reader, signal);
  } finally {
    await reader.close();
  }
}

async function* tarMembers(reader: ChunkReader, signal?: AbortSignal): AsyncIterable<ArchiveMember> {
  let overrides: Overrides = {};
  for (;;) {
    throwIfAborted(signal);
    const block = await reader.readExact(512, 'a tar header');
    if (!block || isZeroBlock(block)) return;
    const header = parseTarHeader(block);
    const size = overrides.size ?? header.size;
    if (header.typeflag === 'x' || header.typeflag === 'g' || header.typeflag === 'L' || header.typeflag === 'K') {
      const data = await readMeta(reader, header.size);
      if (header.typeflag === 'x') overrides = { ...overrides, ...paxOverrides(parsePax(data)) };
      else if (header.typeflag === 'L') overrides = { ...overrides, path: text(data) };
      else if (header.typeflag === 'K') overrides = { ...overrides, linkpath: text(data) };
      continue;
    }
    const kind = kindOf(header.typeflag);
    // Link and device entries carry no data in the archive even if a size is set.
    const dataSize = kind === 'file' || kind === 'other' ? size : 0;
    let remaining = dataSize;
    const member: ArchiveMember = {
      name: overrides.path ?? header.name,
      kind: kind === 'file' && (overrides.path ?? header.name).endsWith('/') ? 'directory' : kind,
      size: dataSize,
      mtime: overrides.mtime ?? header.mtime,
      encrypted: false,
      read: () => counted(reader.take(dataSize, 'a tar member'), (n) => { remaining -= n; }),
      // Slices of the store's or the gunzip's chunks, which both allocate afresh (fflate and zlib).
      freshChunks: true,
    };
    overrides = {};
    yield member;
    await reader.skip(remaining + (Math.ceil(dataSize / 512) * 512 - dataSize), 'a tar member');
  }
}

async function readMeta(reader: ChunkReader, size: number): Promise<Uint8Array> {
  const padded = Math.ceil(size / 512) * 512;
  if (size > MAX_META_BYTES) throw new UncompressError('ArchiveCorrupted', `a tar extended header of ${size} bytes exceeds ${MAX_META_BYTES}`);
  const data = size === 0 ? new Uint8Array(0) : ((await reader.readExact(size, 'a tar extended header')) as Uint8Array).slice();
  await reader.skip(padded - size, 'a tar extended header');
  return data;
}

function paxOverrides(records: Map<string, string>): Overrides {
  const out: Overrides = {};
  const path = records.get('path');
  const linkpath = records.get('linkpath');
  const size = records.get('size');
  const mtime = records.get('mtime');
  if (path !== undefined) out.path = path;
  if (linkpath !== undefined) out.linkpath = linkpath;
  if (size !== undefined) {
    if (!/^\d+$/.test(size)) throw new UncompressError('ArchiveCorrupted', 'a pax size record is not a number');
    out.size = Number(size);
  }
  if (mtime !== undefined && Number.isFinite(Number(mtime))) out.mtime = Math.floor(Number(mtime) * 1000);
  return out;
}

async function* counted(source: AsyncIterable<Uint8Array>, onBytes: (n: number) => void): AsyncIterable<Uint8Array> {
  for await (const chunk of source) {
    onBytes(chunk.byteLength);
    yield chunk;
  }
}
