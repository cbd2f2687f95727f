/**
 * The mock's state on disk for `fileproc serve --data-dir` (engine snapshot plus JD Compress
 * requests, `MockSnapshot`): a JSON snapshot written atomically
 * (temp file, fsync, rename), so a `kill -9` at any moment leaves the previous or the new snapshot,
 * never a torn one. Writes are group-committed: `flush()` resolves once a snapshot taken after the
 * call is on disk; `schedule()` asks for one soon (debounced) without waiting.
 */
import { open, readFile, rename, rm } from 'node:fs/promises';
import type { MockSnapshot } from '../index.ts';

/** Options of `SnapshotFile`. */
export interface SnapshotFileOptions {
  path: string;
  take: () => MockSnapshot;
  /** Delay of `schedule()`; default 50 ms. */
  debounceMs?: number;
  log?: (message: string, error: unknown) => void;
}

/** Reads a snapshot written by `SnapshotFile`; undefined when none exists yet. */
export async function readSnapshot(path: string): Promise<MockSnapshot | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const value = JSON.parse(text) as MockSnapshot;
  if (value?.version !== 1 || !Array.isArray(value.jobs) || (value.jd !== undefined && !Array.isArray(value.jd?.jobs))) throw new Error(`[fileproc] ${path} is not an engine snapshot (version 1); move it away to start with no jobs`);
  return value;
}

/** Keeps `path` in step with the engine. */
export class SnapshotFile {
  readonly #options: SnapshotFileOptions;
  #writing: Promise<void> = Promise.resolve();
  #next: Promise<void> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastText = '';
  #tempSeq = 0;
  #stopped = false;

  constructor(options: SnapshotFileOptions) {
    this.#options = options;
  }

  /** Asks for a write soon; many calls within the debounce window make one write. */
  schedule(): void {
    if (this.#timer || this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.flush().catch(() => {});
    }, this.#options.debounceMs ?? 50);
    this.#timer.unref();
  }

  /** Resolves once a snapshot taken after this call is on disk (one write serves every waiter). */
  flush(): Promise<void> {
    if (this.#stopped) return this.#writing;
    if (this.#next) return this.#next;
    const next = this.#writing.then(() => {
      this.#next = undefined;
      return this.#write();
    });
    this.#next = next;
    this.#writing = next.catch(() => {});
    return next;
  }

  /** A last flush, then no more writes (call before the engine is reset on shutdown). */
  async stop(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.flush().catch(() => {});
    this.#stopped = true;
  }

  async #write(): Promise<void> {
    const text = JSON.stringify(this.#options.take());
    if (text === this.#lastText) return;
    const temp = `${this.#options.path}.${process.pid}.${++this.#tempSeq}.tmp`;
    try {
      const handle = await open(temp, 'w');
      try {
        await handle.writeFile(text);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, this.#options.path);
      this.#lastText = text;
    } catch (error) {
      await rm(temp, { force: true }).catch(() => {});
      (this.#options.log ?? console.error)(`[fileproc] could not write the job snapshot ${this.#options.path}`, error);
      throw error;
    }
  }
}
