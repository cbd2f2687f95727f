import { randomUUID } from 'node:crypto';
import { open, readFile, rm, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import type { HashFactory } from '../processing/hash/types.ts';
import { spanOf } from './body.ts';
import { BodyWriter, defaultWriterThreads } from './fs-body-writer.node.ts';
import { readSpan } from './fs-read.node.ts';
import { FsLayout, commitFile, mapLimited, removeFile, type Sidecar } from './fs-layout.node.ts';
import { ObjectIndex, copyMeta, newMeta } from './object-index.ts';
import type { ByteRange, Body, ListOptions, ListPage, LocalFile, ObjectMeta, ObjectReadable, ObjectStore, PutOptions, ReadOptions } from './types.ts';

/** Options of the filesystem store (`--data-dir`). */
export interface FsStoreOptions {
  dir: string;
  now: () => number;
  /** Hashes the ETags of bodies written on the event loop (small ones, or all with `writerThreads: 0`); writer threads use node:crypto. */
  hash: HashFactory;
  /**
   * Threads that hash and write object bodies off the event loop (default: cores − 1, 1 to 4);
   * 0 writes on the event loop. Puts spread over them; memory stays bounded per put.
   */
  writerThreads?: number;
  /** fsync files and folders before a write counts as done (default true); tests may trade it for speed. */
  durable?: boolean;
  /**
   * Size of the chunks reads yield (default 4 MiB): large chunks keep hashing at native speed —
   * measured on a quiet machine, SHA1 of 1 GiB took 1.27× `openssl dgst` with 1 MiB reads and 1.03×
   * with 4 MiB (bench/README.md "Hash").
   */
  readChunkBytes?: number;
}

interface Entry { meta: ObjectMeta; data: string }

const SIDECAR_BATCH = 1024;

/**
 * An object store in a directory that survives restarts. Writes go to a temp file, are fsynced and
 * renamed into place, and become visible only when their sidecar is renamed in (the commit point),
 * so a crash never exposes half an object; leftovers are cleaned by `open`. Meant for one process per
folder: the first holds a pid lock (`close()` releases it) and alone cleans up; a second process
opens as a guest that never deletes anything it did not write, and sees others' later writes only
after reopening.
 */
export class FsStore implements ObjectStore {
  readonly #index = new ObjectIndex<Entry>();
  readonly #layout: FsLayout;
  readonly #options: FsStoreOptions;
  readonly #durable: boolean;
  readonly #writer: BodyWriter;
  /** The last pending metadata change per object (bucket NUL key). */
  readonly #commits = new Map<string, Promise<unknown>>();
  #owner = false;

  private constructor(options: FsStoreOptions) {
    this.#options = options;
    this.#layout = new FsLayout(options.dir);
    this.#durable = options.durable ?? true;
    this.#writer = new BodyWriter(this.#layout, { durable: this.#durable, hash: options.hash, threads: options.writerThreads ?? defaultWriterThreads() });
  }

  /** Opens (or creates) a store folder: loads every sidecar, drops temp files and unreferenced bodies. */
  static async open(options: FsStoreOptions): Promise<FsStore> {
    const store = new FsStore(options);
    await store.#recover();
    return store;
  }

  /** Releases the folder for another process; the store must not be used afterwards. */
  async close(): Promise<void> {
    await Promise.all(this.#commits.values());
    await this.#writer.close();
    if (this.#owner) await this.#layout.unlock();
  }

  async head(bucket: string, key: string): Promise<ObjectMeta | undefined> {
    const entry = this.#index.get(bucket, key);
    return entry && copyMeta(entry.meta);
  }

  async get(bucket: string, key: string, range?: ByteRange, options: ReadOptions = {}): Promise<ObjectReadable | undefined> {
    const opened = await this.#openBody(bucket, key);
    if (!opened) return undefined;
    const span = spanOf(opened.entry.meta.size, range);
    const chunkBytes = this.#options.readChunkBytes ?? 4 * 1024 * 1024;
    return { meta: copyMeta(opened.entry.meta), body: readSpan(opened.handle, span, chunkBytes, options.transientChunks === true) };
  }

  /** The body file, open: bodies are immutable and an overwrite only unlinks the old one, so the descriptor stays valid. */
  async openLocal(bucket: string, key: string): Promise<LocalFile | undefined> {
    const opened = await this.#openBody(bucket, key);
    return opened && { fd: opened.handle.fd, size: opened.entry.meta.size, close: () => opened.handle.close() };
  }

  async put(bucket: string, key: string, body: Body, options: PutOptions = {}): Promise<ObjectMeta> {
    const id = randomUUID().replaceAll('-', '');
    // The body reaches data/ before the commit: until its sidecar exists it is unreferenced, and
    // recovery removes unreferenced bodies, so a crash in between leaves nothing visible.
    const content = await this.#writer.writeBody(body, this.#layout.dataPath(id));
    const meta = newMeta(bucket, key, content, this.#options.now(), options);
    await this.#commit(bucket, key, async () => {
      try {
        await this.#writeSidecar({ v: 1, data: id, meta }, !this.#index.get(bucket, key));
      } catch (error) {
        await rm(this.#layout.dataPath(id), { force: true });
        throw error;
      }
      const previous = this.#index.set({ meta, data: id });
      if (previous) await rm(this.#layout.dataPath(previous.data), { force: true });
    });
    return copyMeta(meta);
  }

  async delete(bucket: string, key: string): Promise<boolean> {
    return this.#commit(bucket, key, async () => {
      const entry = this.#index.get(bucket, key);
      if (!entry) return false;
      await removeFile(this.#layout.sidecarPath(bucket, key), this.#durable);
      this.#index.delete(bucket, key);
      await rm(this.#layout.dataPath(entry.data), { force: true });
      return true;
    });
  }

  async list(bucket: string, options: ListOptions = {}): Promise<ListPage> {
    return this.#index.list(bucket, options);
  }

  async updateUserMeta(bucket: string, key: string, userMeta: Record<string, string>): Promise<ObjectMeta | undefined> {
    return this.#commit(bucket, key, async () => {
      const entry = this.#index.get(bucket, key);
      if (!entry) return undefined;
      const meta = { ...entry.meta, userMeta: { ...entry.meta.userMeta, ...userMeta } };
      await this.#writeSidecar({ v: 1, data: entry.data, meta }, false);
      this.#index.set({ meta, data: entry.data });
      return copyMeta(meta);
    });
  }

  /** The object's index entry and its body file, open (undefined when the object does not exist). */
  async #openBody(bucket: string, key: string): Promise<{ entry: Entry; handle: FileHandle } | undefined> {
    // A concurrent overwrite may remove the body between lookup and open; the retry sees the new one.
    for (let attempt = 0; attempt < 5; attempt++) {
      const entry = this.#index.get(bucket, key);
      if (!entry) return undefined;
      const handle = await open(this.#layout.dataPath(entry.data), 'r').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      if (handle) return { entry, handle };
    }
    throw new Error(`[fileproc] could not read ${bucket}/${key}: its body kept changing; retry the read`);
  }

  /**
   * Runs the metadata changes of one object one at a time, so its index entry, sidecar and bodies
   * change together; changes of different objects touch different files and run side by side.
   */
  #commit<T>(bucket: string, key: string, change: () => Promise<T>): Promise<T> {
    const slot = `${bucket}\u0000${key}`;
    const result = (this.#commits.get(slot) ?? Promise.resolve()).then(change);
    const settled = result.catch(() => undefined);
    this.#commits.set(slot, settled);
    void settled.then(() => {
      if (this.#commits.get(slot) === settled) this.#commits.delete(slot);
    });
    return result;
  }

  /** `fresh`: the object has no sidecar yet (this process knows of no version), so no version can be torn. */
  #writeSidecar(sidecar: Sidecar, fresh: boolean): Promise<void> {
    const path = this.#layout.sidecarPath(sidecar.meta.bucket, sidecar.meta.key);
    return this.#writer.writeSmall(path, JSON.stringify(sidecar), fresh);
  }

  async #recover(): Promise<void> {
    await this.#layout.prepare();
    this.#owner = await this.#layout.lock();
    // Anything in tmp/ belongs to a write that never committed (e.g. a killed process).
    if (this.#owner) await rm(this.#layout.tmp, { recursive: true, force: true });
    await this.#layout.prepare();
    const bodies = new Map<string, string>();
    for (const path of await this.#layout.filesIn(this.#layout.data)) bodies.set(basename(path), path);
    const sidecarPaths = await this.#layout.filesIn(this.#layout.meta);
    // Read in parallel, a batch at a time, so a huge store's sidecar texts are never all in memory.
    for (let at = 0; at < sidecarPaths.length; at += SIDECAR_BATCH) {
      const batch = sidecarPaths.slice(at, at + SIDECAR_BATCH);
      const texts = await mapLimited(batch, (path) => readFile(path, 'utf8').catch(() => ''));
      for (const [i, path] of batch.entries()) await this.#load(path, texts[i] ?? '', bodies);
    }
    if (this.#owner) for (const unreferenced of bodies.values()) await rm(unreferenced, { force: true });
  }

  /** Indexes one sidecar read on open; `bodies` loses every body a sidecar references. */
  async #load(path: string, text: string, bodies: Map<string, string>): Promise<void> {
    const sidecar = parseSidecar(text);
    // A sidecar without its body cannot be served; dropping it beats exposing a broken object.
    if (!sidecar || !bodies.has(sidecar.data)) {
      if (this.#owner) await rm(path, { force: true });
      return;
    }
    // A sidecar under another name (written by an older naming scheme) moves to where writes will go.
    const expected = this.#layout.sidecarPath(sidecar.meta.bucket, sidecar.meta.key);
    if (this.#owner && path !== expected) await commitFile(path, expected, this.#durable);
    this.#index.set({ meta: sidecar.meta, data: sidecar.data });
    bodies.delete(sidecar.data);
  }
}

function parseSidecar(text: string): Sidecar | undefined {
  try {
    const value = JSON.parse(text) as Partial<Sidecar>;
    return value.v === 1 && typeof value.data === 'string' && value.meta ? (value as Sidecar) : undefined;
  } catch {
    return undefined;
  }
}
