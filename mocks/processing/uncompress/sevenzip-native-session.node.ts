/**
 * Extraction (and, with a local file, listing) by a native 7-Zip process: `7z x -so` decodes every
 * entry to its stdout, which is split back into members by the listing (sizes, CRC-32s). 7-Zip
 * never writes a file nor matches a name (no file list: its list-file parsing trims names): the
 * archive comes in as descriptor 3, the key through stdin.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Worker } from 'node:worker_threads';
import { UncompressError } from './errors.ts';
import { archiveFile } from './sevenzip-files.node.ts';
import { passwordSwitch, type ConsoleRun, type Listed } from './sevenzip-listing.ts';
import { nativeOutputs, OutputSplitter } from './sevenzip-output.node.ts';
import { sevenZipRelayBody, type RelayCommand, type RelayData, type RelayEvent } from './sevenzip-relay-body.ts';
import { bodyWorker, BufferUses, SessionQueue } from './sevenzip-threads.node.ts';
import type { ExtractionSession, SessionEvent } from './sevenzip-worker.node.ts';
import type { ArchiveObject } from './zip-reader.ts';

/**
 * Whether a native 7-Zip can take this key: only through its stdin (argv is visible to every local
 * user in /proc), which ends a key at a line break. Keys with one go to 7z-wasm instead.
 */
export function nativeTakesKey(password: string | undefined): boolean {
  return password === undefined || !/[\r\n]/.test(password);
}

/**
 * The arguments and stdin of `binary command… /dev/fd/3` (the archive descriptor): the key through
 * stdin; without one, an unused one on the command line keeps 7-Zip from prompting.
 */
export function sevenZipCommand(command: string[], password: string | undefined): { args: string[]; stdinText?: string } {
  if (!nativeTakesKey(password)) throw new UncompressError('InternalError', 'a key with a line break cannot be given to a native 7-Zip');
  const key = password === undefined ? [passwordSwitch({})] : [];
  return { args: [...command, '-t7z', ...key, '/dev/fd/3'], ...(password !== undefined && { stdinText: `${password}\n` }) };
}

/** Starts 7-Zip (see `sevenZipCommand`) with its stdout and stderr as pipes. */
export function spawnSevenZip(binary: string, command: string[], password: string | undefined, archiveFd: number): ChildProcess {
  const { args, stdinText } = sevenZipCommand(command, password);
  const child = spawn(binary, args, {
    stdio: [stdinText === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe', archiveFd],
    env: { ...process.env, LC_ALL: 'C.UTF-8' }, // the key is written, and names are printed, as UTF-8
  });
  child.stdin?.on('error', () => undefined); // 7-Zip exits without reading a key it does not need
  child.stdin?.end(stdinText);
  return child;
}

/** Why 7-Zip did not start. */
function notRunning(error: Error): UncompressError {
  return new UncompressError('InternalError', `7-Zip could not run: ${error.message}`);
}

/**
 * `7z l -slt` by the native binary, for stores with a local file (no copy to make): what the wasm
 * listing prints, parsed by the same `parseListing`, without starting 7z-wasm (≈ 10 ms against ≈ 150).
 */
export async function listNatively(binary: string, archive: ArchiveObject, password: string | undefined): Promise<ConsoleRun> {
  const input = await archiveFile(archive);
  try {
    const child = spawnSevenZip(binary, ['l', '-slt', '-sccUTF-8'], password, input.fd);
    const [out, err] = [child.stdout, child.stderr].map((stream) => {
      const text: string[] = [];
      stream?.setEncoding('utf8').on('data', (chunk: string) => void text.push(chunk));
      return text;
    }) as [string[], string[]];
    const code = await new Promise<number | string | null>((resolve, reject) => {
      child.on('error', (error) => reject(notRunning(error)));
      child.on('close', (status, signal) => resolve(status ?? signal));
    });
    const lines = (text: string[]) => text.join('').split('\n');
    return { code, threw: false, out: lines(out), err: lines(err).map((line) => line.trim()).filter((line) => line !== '') };
  } finally {
    await input.close();
  }
}

// Relay chunks, and how far decoding may run ahead of the reader (7-Zip then blocks on its pipe).
const CHUNK_BYTES = 1024 * 1024;
const IN_FLIGHT_LIMIT = 16 * 1024 * 1024;

/** One `7z x -so` process, run and drained by a relay thread, and the member events its output stands for. */
export class NativeSevenZipSession implements ExtractionSession {
  readonly freshChunks = false; // chunk buffers go back to the relay once read
  readonly #relay: Worker;
  readonly #control: Int32Array;
  readonly #queue: SessionQueue;
  readonly #splitter: OutputSplitter;
  readonly #started: Promise<void>;
  readonly #exited: Promise<void>;
  /** Relay buffers in use: by their member parts not yet consumed, and by the splitter while it works on one. */
  readonly #uses = new BufferUses((buffer) => this.#recycle(buffer));
  #running = true;
  #ended = false;
  #stderr = '';

  /** Starts 7-Zip on the archive; `listed` is its listing, in archive order. */
  static async start(binary: string, archive: ArchiveObject, listed: Listed[], password: string | undefined): Promise<NativeSevenZipSession> {
    const input = await archiveFile(archive);
    try {
      const session = new NativeSevenZipSession(binary, input.fd, listed, password);
      await session.#started; // 7-Zip holds its own copy of the descriptor from then on
      return session;
    } finally {
      await input.close();
    }
  }

  private constructor(binary: string, archiveFd: number, listed: Listed[], password: string | undefined) {
    const control = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
    this.#control = new Int32Array(control);
    this.#queue = new SessionQueue(this.#control, 0, (chunk) => this.#uses.unuse(chunk.buffer as ArrayBuffer));
    // After the queue: the splitter emits the empty files at the front at once.
    this.#splitter = new OutputSplitter(nativeOutputs(listed), (event) => {
      if (this.#push(event) && event.type === 'data') this.#uses.use(event.chunk.buffer as ArrayBuffer);
    });
    const workerData: RelayData = { binary, ...sevenZipCommand(['x', '-so', '-bd', '-y'], password), archiveFd, control, inFlightLimit: IN_FLIGHT_LIMIT, chunkBytes: CHUNK_BYTES };
    this.#relay = bodyWorker(sevenZipRelayBody, workerData);
    let started: () => void = () => undefined;
    this.#started = new Promise<void>((resolve) => (started = resolve));
    this.#exited = new Promise((resolve) => {
      const ended = (code: number | string | null, failure?: string) => {
        this.#running = false;
        started();
        if (failure !== undefined) {
          this.#push({ type: 'failed', error: notRunning(new Error(failure)) });
          this.#ended = true;
        } else this.#exit(code);
        resolve();
      };
      this.#relay.on('message', (event: RelayEvent) => {
        if (event.type === 'started') started();
        else if (event.type === 'data') this.#take(event.chunk);
        else if (event.type === 'stderr') this.#report(event.text);
        else if (event.type === 'close') ended(event.code);
        else ended(null, event.message);
      });
      this.#relay.on('error', (error) => ended(null, `its relay thread failed: ${error.message}`));
      this.#relay.on('exit', () => { if (this.#running) ended(null, 'its relay thread stopped before 7-Zip ended'); });
    });
  }

  /** The next event; after `done`, `err` or `failed` there are none. */
  next(): Promise<SessionEvent> {
    return this.#queue.next();
  }

  /** Kills 7-Zip if it still runs and waits until it and its relay are gone. */
  async close(): Promise<void> {
    this.#ended = true;
    this.#queue.clear();
    this.#uses.clear();
    if (this.#running) this.#command('kill');
    // Let the relay drain what is left so that it sees 7-Zip exit (a waiting relay is woken here).
    Atomics.store(this.#control, 0, 0);
    Atomics.notify(this.#control, 0);
    await this.#exited;
    await this.#relay.terminate();
  }

  #take(chunk: Uint8Array): void {
    if (this.#ended || this.#splitter.failure !== undefined) {
      this.#queue.release(chunk.byteLength); // dropped: after a failure, drained until 7-Zip says why
      this.#recycle(chunk.buffer as ArrayBuffer);
      return;
    }
    this.#uses.use(chunk.buffer as ArrayBuffer);
    this.#splitter.write(chunk);
    this.#uses.unuse(chunk.buffer as ArrayBuffer);
    if (this.#splitter.failure !== undefined) this.#failWhenExplained();
  }

  /** Transfers a buffer nobody here uses any more back to the relay (which detaches it here). */
  #recycle(buffer: ArrayBuffer): void {
    if (this.#running) this.#relay.postMessage({ type: 'recycle', buffer } satisfies RelayCommand, [buffer]);
  }

  #command(command: RelayCommand): void {
    this.#relay.postMessage(command);
  }

  #report(text: string): void {
    this.#stderr += text;
    if (this.#splitter.failure !== undefined) this.#failWhenExplained();
  }

  /** 7-Zip's messages so far, one a line (a chunk of stderr may end mid-line: lines are cut only here). */
  #messages(): string[] {
    return this.#stderr.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  }

  /**
   * A member's bytes disagreed with the listing. 7-Zip prints why (a wrong key, a CRC or data error)
   * right after that member; its words decide the failure, as on the wasm path.
   */
  #failWhenExplained(final = false): void {
    const failure = this.#splitter.failure as string;
    const explained = /error|wrong password/i.test(this.#stderr) && (final || this.#stderr.endsWith('\n'));
    if (!explained && !final) return;
    this.#push({ type: 'err', line: explained ? this.#messages().join(' ') : failure });
    this.#ended = true;
    if (this.#running) this.#command('kill');
  }

  #exit(code: number | string | null): void {
    if (this.#ended) return;
    if (this.#splitter.failure !== undefined) return this.#failWhenExplained(true);
    this.#push({ type: 'done', code, threw: false, out: [], err: this.#messages() });
    this.#ended = true;
  }

  /** Queues an event for the reader; false when it is dropped (the session ended). */
  #push(event: SessionEvent): boolean {
    if (this.#ended) return false;
    this.#queue.push(event);
    return true;
  }
}

