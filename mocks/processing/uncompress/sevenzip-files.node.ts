import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UncompressError } from './errors.ts';
import type { ArchiveObject } from './zip-reader.ts';

/** An open file to hand to a child process as a descriptor, and how to let go of it. */
export interface OpenFile { fd: number; close(): Promise<void> }

/**
 * The archive as a local file: the store's own body when it has one (filesystem store), else a
 * private copy. Either way a descriptor, so nothing depends on a path that an overwrite may remove.
 */
export async function archiveFile(archive: ArchiveObject): Promise<OpenFile> {
  try {
    const local = await archive.store.openLocal?.(archive.bucket, archive.key);
    if (local) return local;
    const object = await archive.store.get(archive.bucket, archive.key);
    if (!object) throw new UncompressError('NoSuchKey', `the archive ${archive.key} disappeared while it was being extracted`);
    return await privateFile(object.body);
  } catch (error) {
    throw storeFailure(error);
  }
}

/**
 * A store error met while 7z members are walked, named as such: raw, it would pass for a corrupt
 * archive. Failures of this layer pass through.
 */
export function storeFailure(error: unknown): UncompressError {
  if (error instanceof UncompressError) return error;
  return new UncompressError('InternalError', `the object store failed: ${error instanceof Error ? error.message : String(error)}`);
}

/**
 * Writes `content` to a new file only this user can read and returns it open, its name already
 * removed: no temp file outlives the descriptor, even if this process dies.
 */
async function privateFile(content: Uint8Array | AsyncIterable<Uint8Array>): Promise<OpenFile> {
  const dir = await mkdtemp(join(tmpdir(), 'fileproc-7z-'));
  try {
    const path = join(dir, 'file');
    await writeFile(path, content, { mode: 0o600 });
    const handle = await open(path, 'r');
    return { fd: handle.fd, close: () => handle.close() };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
