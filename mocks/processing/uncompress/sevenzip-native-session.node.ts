/**
 * Extraction (and, with a local file, listing) by a native 7-Zip process: `7z x -so` decodes every
 * entry to its stdout, which is split back into members by the listing (sizes, CRC-32s). 7-Zip
 * never writes a file nor matches a name (no file list: its list-file parsing trims names): the
 * archive comes in as descriptor 3, the key through stdin.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { UncompressError } from './errors.ts';
import { archiveFile } from './sevenzip-files.node.ts';
import { passwordSwitch, type ConsoleRun, type Listed } from './sevenzip-listing.ts';
import { nativeOutputs, OutputSplitter } from './sevenzip-output.node.ts';
import type { ExtractionSession, SessionEvent } from './sevenzip-worker.node.ts';
import type { ArchiveObject } from './zip-reader.ts';

// Output the reader has not taken yet above which stdout is paused (7-Zip then blocks on the pipe).
const QUEUED_LIMIT = 8 * 1024 * 1024;

/**
 * Starts `binary command… /dev/fd/3` on the archive descriptor. The key goes through stdin (argv is
 * visible to every local user in /proc) unless it holds a line break; without a key, an unused one
 * keeps 7-Zip from prompting. Its stdout and stderr are pipes.
 */
export function spawnSevenZip(binary: string, command: string[], password: string | undefined, archiveFd: number): ChildProcess {
  const stdinKey = password !== undefined && !/[\r\n]/.test(password) ? password : undefined;
  const key = stdinKey === undefined ? [passwordSwitch(password === undefined ? {} : { password })] : [];
  const child = spawn(binary, [...command, '-t7z', ...key, '/dev/fd/3'], {
    stdio: [stdinKey === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe', archiveFd],
    env: { ...process.env, LC_ALL: 'C.UTF-8' }, // the key is written, and names are printed, as UTF-8
  });
  child.stdin?.on('error', () => undefined); // 7-Zip exits without reading a key it does not need
  child.stdin?.end(`${stdinKey}\n`);
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

/** One `7z x -so` process and the member events its output stands for. */
export class NativeSevenZipSession implements ExtractionSession {
  readonly #child: ChildProcess;
  readonly #splitter: OutputSplitter;
  readonly #queue: SessionEvent[] = [];
  readonly #exited: Promise<void>;
  #queuedBytes = 0;
  #wake: (() => void) | undefined;
  #ended = false;
  #stderr = '';

  /** Starts 7-Zip on the archive; `listed` is its listing, in archive order. */
  static async start(binary: string, archive: ArchiveObject, listed: Listed[], password: string | undefined): Promise<NativeSevenZipSession> {
    const input = await archiveFile(archive);
    try {
      return new NativeSevenZipSession(binary, input.fd, listed, password);
    } finally {
      await input.close(); // the child holds its own copy of the descriptor
    }
  }

  private constructor(binary: string, archiveFd: number, listed: Listed[], password: string | undefined) {
    this.#splitter = new OutputSplitter(nativeOutputs(listed), (event) => this.#push(event));
    this.#child = spawnSevenZip(binary, ['x', '-so', '-bd', '-y'], password, archiveFd);
    this.#child.stdout?.on('data', (chunk: Buffer) => this.#take(chunk));
    this.#child.stderr?.setEncoding('utf8').on('data', (text: string) => this.#report(text));
    this.#exited = new Promise((resolve) => {
      this.#child.on('error', (error) => {
        this.#push({ type: 'failed', error: notRunning(error) });
        this.#ended = true;
        resolve();
      });
      this.#child.on('close', (code, signal) => {
        this.#exit(code ?? signal);
        resolve();
      });
    });
  }

  /** The next event; after `done`, `err` or `failed` there are none. */
  async next(): Promise<SessionEvent> {
    while (this.#queue.length === 0) await new Promise<void>((resolve) => (this.#wake = resolve));
    const event = this.#queue.shift() as SessionEvent;
    if (event.type === 'data') {
      this.#queuedBytes -= event.chunk.byteLength;
      if (this.#queuedBytes <= QUEUED_LIMIT / 2 && this.#child.stdout?.isPaused()) this.#child.stdout.resume();
    }
    return event;
  }

  /** Kills 7-Zip if it still runs and waits until it is gone. */
  async close(): Promise<void> {
    this.#ended = true;
    this.#queue.length = 0;
    if (this.#child.exitCode === null && this.#child.signalCode === null) this.#child.kill('SIGKILL');
    this.#child.stdout?.resume(); // a paused pipe would hold the 'close' event back
    await this.#exited;
  }

  #take(chunk: Buffer): void {
    if (this.#ended || this.#splitter.failure !== undefined) return; // after a failure, drained until 7-Zip says why
    this.#splitter.write(chunk);
    if (this.#splitter.failure !== undefined) this.#failWhenExplained();
    else if (this.#queuedBytes > QUEUED_LIMIT) this.#child.stdout?.pause();
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
    this.#child.kill('SIGKILL');
  }

  #exit(code: number | string | null): void {
    if (this.#ended) return;
    if (this.#splitter.failure !== undefined) return this.#failWhenExplained(true);
    this.#push({ type: 'done', code, threw: false, out: [], err: this.#messages() });
    this.#ended = true;
  }

  #push(event: SessionEvent): void {
    if (this.#ended) return;
    if (event.type === 'data') this.#queuedBytes += event.chunk.byteLength;
    this.#queue.push(event);
    this.#wake?.();
    this.#wake = undefined;
  }
}
