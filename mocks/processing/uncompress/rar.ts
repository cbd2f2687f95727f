import { createExtractorFromData, type FileHeader } from 'node-unrar-js';
import { UncompressError } from './errors.ts';
import { checkDeclared, loadWhole } from './in-memory.ts';
import { rarLinkNames } from './rar-links.ts';
import type { ArchiveMember, ArchiveWalk, ReaderOptions } from './members.ts';
import type { ArchiveObject } from './zip-reader.ts';

/**
 * Opens a RAR 4/5 archive with node-unrar-js (in memory, bounded by inMemoryArchiveLimit). The library
 * reports no link flag, so links are found by reading the headers ourselves (rar-links.ts).
 */
export async function openRar(archive: ArchiveObject, options: ReaderOptions): Promise<ArchiveWalk> {
  const data = await loadWhole(archive, options);
  const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
  try {
    const extractor = await createExtractorFromData({ data: buffer, ...(options.password !== undefined && { password: options.password }) });
    const headers = [...extractor.getFileList().fileHeaders];
    const links = rarLinkNames(data);
    if (options.listOnly) return { declaredEntries: headers.length, members: members(headers.map((fileHeader) => ({ fileHeader })), 0, links, options) };
    if (options.password === undefined && headers.some((h) => h.flags.encrypted)) {
      throw new UncompressError('PasswordRequired', 'the rar archive is encrypted and no UnCompressKey was given');
    }
    checkDeclared(headers.length, headers.reduce((sum, h) => sum + h.unpSize, 0), options);
    const total = headers.reduce((sum, h) => sum + h.unpSize, 0);
    // Links are never created: they are not even extracted.
    const files = extractor.extract({ files: (header) => !links.has(header.name) }).files;
    return { declaredEntries: headers.length, names: headers.map((h) => h.name), members: members(files, total, links, options) };
  } catch (error) {
    throw mapRarError(error, options.password !== undefined);
  }
}

type ArcFile = { fileHeader: FileHeader; extraction?: Uint8Array };

async function* members(files: Iterable<ArcFile>, total: number, links: Set<string>, options: ReaderOptions): AsyncIterable<ArchiveMember> {
  let done = 0;
  const iterator = files[Symbol.iterator]();
  for (;;) {
    let next: IteratorResult<ArcFile>;
    try {
      next = iterator.next(); // extraction happens here, one member at a time
    } catch (error) {
      throw mapRarError(error, options.password !== undefined);
    }
    if (next.done) return;
    const { fileHeader, extraction } = next.value;
    done += fileHeader.unpSize;
    options.onFraction(0.5 + done / Math.max(1, total) / 2);
    const mtime = Date.parse(`${fileHeader.time}Z`);
    yield {
      name: fileHeader.name,
      kind: fileHeader.flags.directory ? 'directory' : links.has(fileHeader.name) ? 'symlink' : 'file',
      size: fileHeader.unpSize,
      mtime: Number.isNaN(mtime) ? 0 : mtime,
      encrypted: fileHeader.flags.encrypted,
      read: async function* () {
        if (extraction) yield extraction;
      },
    };
  }
}

function mapRarError(error: unknown, keyGiven: boolean): unknown {
  if (error instanceof UncompressError) return error;
  const reason = (error as { reason?: string }).reason ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (reason === 'ERAR_MISSING_PASSWORD' || (reason === 'ERAR_BAD_PASSWORD' && !keyGiven)) {
    return new UncompressError('PasswordRequired', 'the rar archive is encrypted and no UnCompressKey was given');
  }
  if (reason === 'ERAR_BAD_PASSWORD') return new UncompressError('InvalidPassword', 'the UnCompressKey does not decrypt the rar archive');
  return new UncompressError('ArchiveCorrupted', `the rar archive is corrupt: ${reason || message}`);
}
