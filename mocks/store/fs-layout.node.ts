/**
 * On-disk layout of the filesystem store. Object names never become file names: a sidecar is named
 * by the SHA-256 of bucket and key, a body by a random id, so no key (`..`, `/`, unicode, 1,000
 * characters) can escape the data directory or hit a file-name limit.
 *
 *   <root>/fileproc-store.json      format marker
 *   <root>/lock                     pid of the process using the store
 *   <root>/tmp/                     in-flight writes; emptied on open
 *   <root>/data/<id:2>/<id>         bodies, immutable, one per object version
 *   <root>/meta/<hash:2>/<hash>.json  one sidecar per object: its metadata and body id (the commit point)
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, open, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ObjectMeta } from './types.ts';

/** What a sidecar holds. */
export interface Sidecar { v: 1; data: string; meta: ObjectMeta }

const FORMAT = { format: 'fileproc-store', version: 1 };

/** Paths of one store directory. */
export class FsLayout {
  readonly tmp: string;
  readonly data: string;
  readonly meta: string;

  constructor(readonly root: string) {
    this.tmp = join(root, 'tmp');
    this.data = join(root, 'data');
    this.meta = join(root, 'meta');
  }

  /** Creates the directories, or checks the format marker of an existing store. */
  async prepare(): Promise<void> {
    const marker = join(this.root, 'fileproc-store.json');
    const existing = await readFile(marker, 'utf8').catch(() => undefined);
    if (existing !== undefined && JSON.parse(existing).version !== FORMAT.version) {
      throw new Error(`[fileproc] ${this.root} holds an object store of another format version; use an empty --data-dir`);
    }
    for (const dir of [this.tmp, this.data, this.meta]) await mkdir(dir, { recursive: true });
    if (existing === undefined) await writeFile(marker, JSON.stringify(FORMAT));
  }

  /**
   * Claims the folder for this process (`<root>/lock` holds the pid) and says whether it did. Only
   * the owner cleans up on open: a second process on the same --data-dir (e.g. a benchmark worker)
   * opens as a guest, so it never deletes the owner's in-flight writes. A lock whose process is
   * gone is taken over.
   */
  async lock(): Promise<boolean> {
    const path = join(this.root, 'lock');
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await writeFile(path, String(process.pid), { flag: 'wx' });
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = Number(await readFile(path, 'utf8').catch(() => '0'));
      if (holder === process.pid) return true;
      if (holder > 0 && isAlive(holder)) return false;
      await rm(path, { force: true });
    }
    return false;
  }

  /** Gives the folder up again (only if this process holds it). */
  async unlock(): Promise<void> {
    const path = join(this.root, 'lock');
    if (Number(await readFile(path, 'utf8').catch(() => '0')) === process.pid) await rm(path, { force: true });
  }

  /** A fresh temp file path inside the store (same filesystem, so rename is atomic). */
  tempPath(suffix: string): string {
    return join(this.tmp, `${randomUUID()}${suffix}`);
  }

  /** Where a body lives. */
  dataPath(id: string): string {
    return join(this.data, id.slice(0, 2), id);
  }

  /** Where an object's sidecar lives. */
  sidecarPath(bucket: string, key: string): string {
    // UTF-16 code units, not UTF-8: lossless even for lone surrogates, so distinct keys never share a file.
    const hash = createHash('sha256').update(`${bucket}\u0000${key}`, 'utf16le').digest('hex');
    return join(this.meta, hash.slice(0, 2), `${hash}.json`);
  }

  /** Every file two levels below `dir` (the fan-out folders), the folders listed in parallel. */
  async filesIn(dir: string): Promise<string[]> {
    const fans = await readdir(dir);
    const names = await mapLimited(fans, (fan) => readdir(join(dir, fan)).catch(() => [] as string[]));
    return fans.flatMap((fan, i) => (names[i] ?? []).map((name) => join(dir, fan, name)));
  }
}

/**
 * Maps with at most `limit` calls in flight, results in input order: opening a store reads one
 * sidecar per object, and one at a time would cost a thread-pool round trip each (≈ 0.2 s per
 * 1,000 objects on a busy machine).
 */
export async function mapLimited<T, R>(items: readonly T[], map: (item: T) => Promise<R>, limit = 32): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/** Folders known to exist (fan-out folders: at most 256 per kind per store), so a put skips its mkdir. */
const madeDirs = new Set<string>();

/** Moves a finished temp file into place: rename, then fsync the folder so the rename survives a crash. */
export async function commitFile(temp: string, target: string, durable: boolean): Promise<void> {
  const dir = dirname(target);
  if (!madeDirs.has(dir)) {
    await mkdir(dir, { recursive: true });
    madeDirs.add(dir);
  }
  try {
    await rename(temp, target);
  } catch (error) {
    // The folder was removed behind our back (a test or a user emptied the data dir): recreate it once.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(dir, { recursive: true });
    await rename(temp, target);
  }
  if (durable) await syncDir(dir);
}

/** Writes a small file atomically (temp + fsync + rename). */
export async function writeFileAtomic(layout: FsLayout, target: string, text: string, durable: boolean): Promise<void> {
  const temp = layout.tempPath('.json');
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text);
      if (durable) await handle.sync();
    } finally {
      await handle.close();
    }
    await commitFile(temp, target, durable);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Writes a file that must not exist yet (`wx`), synchronously, creating its folder if needed; false
 * if it exists. Only for small files of a store that is not durable: three system calls into the
 * page cache cost the event loop less than three thread-pool round trips (each a futex wake-up, an
 * eventfd write and an epoll return), which is what the async calls spend per file.
 */
export function writeNewFileSync(target: string, data: string | Uint8Array): boolean {
  try {
    writeFileSync(target, data, { flag: 'wx' });
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'ENOENT') throw error;
  }
  const dir = dirname(target);
  mkdirSync(dir, { recursive: true });
  madeDirs.add(dir);
  writeFileSync(target, data, { flag: 'wx' });
  return true;
}

/**
 * Writes a small file of a store that is not durable, synchronously: in place when `fresh` (no earlier
 * version: a torn write then looks like a put that never committed, which recovery drops), else
 * (or if a file is there after all) temp + rename, so an existing version is replaced atomically.
 */
export function writeSmallFileSync(layout: FsLayout, target: string, text: string, fresh: boolean): void {
  if (fresh && writeNewFileSync(target, text)) return;
  const temp = layout.tempPath('.json');
  try {
    writeNewFileSync(temp, text);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Removes a file, then fsyncs its folder. */
export async function removeFile(path: string, durable: boolean): Promise<void> {
  await rm(path, { force: true });
  if (durable) await syncDir(dirname(path));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
