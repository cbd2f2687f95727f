/**
 * The body of the thread that runs a native 7-Zip for `NativeSevenZipSession`, shipped to
 * `new Worker(…, { eval: true })` as source text (like sevenzip-worker-body.ts): self-contained, no
 * imports, everything through `require` and workerData.
 *
 * Why a thread: 7-Zip's stdout holds a few hundred KiB, so 7-Zip stops whenever the reader is not
 * draining it. On the event loop that reader also hashes, writes store metadata and collects
 * garbage, and 7-Zip sat idle for each of those pauses (measured: a job took about the child's CPU
 * time plus the event loop's). This thread does nothing but drain stdout into 1 MiB chunks, so
 * decoding goes on while the event loop is busy, up to `inFlightLimit` bytes ahead of it. The parent sends each chunk's
 * buffer back once read (`RelayCommand` recycle), so after the first few no chunk is allocated:
 * fresh 1 MiB buffers per chunk cost this thread page faults and the parent garbage collections.
 */

/** What the relay thread gets at start. */
export interface RelayData {
  binary: string;
  args: string[];
  /** Written to 7-Zip's stdin (the key), if set; stdin is closed either way. */
  stdinText?: string;
  /** The archive's descriptor, handed to 7-Zip as its fd 3 (kept open by the parent until `started`). */
  archiveFd: number;
  /** Int32 slot 0: bytes posted but not yet consumed by the parent. */
  control: SharedArrayBuffer;
  inFlightLimit: number;
  chunkBytes: number;
}

/** Messages to the relay: stop 7-Zip, or take back a chunk's buffer for reuse. */
export type RelayCommand = 'kill' | { type: 'recycle'; buffer: ArrayBuffer };

/** Messages of the relay: 7-Zip started (its pid), stdout bytes in order, stderr text, its end, or why it could not run. */
export type RelayEvent =
  | { type: 'started'; pid: number }
  | { type: 'data'; chunk: Uint8Array }
  | { type: 'stderr'; text: string }
  | { type: 'close'; code: number | string | null }
  | { type: 'error'; message: string };

/** `Atomics.waitAsync` (Node ≥ 16), absent from this project's TypeScript lib. */
interface AtomicsWaitAsync {
  waitAsync(array: Int32Array, index: number, value: number): { value: Promise<string> | string };
}

/** Runs in the relay thread (see the module comment). */
export function sevenZipRelayBody(require: (id: string) => unknown): void {
  const { workerData, parentPort } = require('node:worker_threads') as typeof import('node:worker_threads');
  const { spawn } = require('node:child_process') as typeof import('node:child_process');
  const net = require('node:net') as typeof import('node:net');
  const { mkdtempSync, rmSync } = require('node:fs') as typeof import('node:fs');
  const { tmpdir } = require('node:os') as typeof import('node:os');
  const { join } = require('node:path') as typeof import('node:path');
  const data = workerData as RelayData;
  const port = parentPort as import('node:worker_threads').MessagePort;
  const inFlight = new Int32Array(data.control);
  const post = (event: RelayEvent, transfer?: ArrayBuffer[]) => port.postMessage(event, transfer ?? []);

  const spare: ArrayBuffer[] = [];
  const freshBuffer = () => new Uint8Array(spare.pop() ?? new ArrayBuffer(data.chunkBytes));
  let buffer = freshBuffer();
  let filled = 0;
  let waiting = false;
  let child: import('node:child_process').ChildProcess | undefined;
  let reader: import('node:net').Socket | undefined;
  let killed = false;

  /**
   * Sends the chunk being filled, transferring its buffer: only while the socket holds no view of it
   * (within the read callback, after which `onread.buffer` hands the socket the next one; or at the end).
   */
  function flush(): void {
    if (filled === 0) return;
    const chunk = buffer.subarray(0, filled);
    Atomics.add(inFlight, 0, filled);
    post({ type: 'data', chunk }, [buffer.buffer as ArrayBuffer]);
    buffer = freshBuffer();
    filled = 0;
  }

  /** Stops reading (7-Zip then blocks on its full stdout) until the parent has consumed half the limit. */
  async function waitForRoom(socket: import('node:net').Socket): Promise<void> {
    waiting = true;
    for (let now = Atomics.load(inFlight, 0); now > data.inFlightLimit / 2 && !killed; now = Atomics.load(inFlight, 0)) {
      await (Atomics as unknown as AtomicsWaitAsync).waitAsync(inFlight, 0, now).value;
    }
    waiting = false;
    socket.resume();
  }

  /**
   * Bytes read straight into the chunk being filled; a full chunk goes out (a partial one only at the
   * end: the parent then waits for at most a megabyte, ≈ 5 ms of decoding). False pauses the socket
   * while too much is in flight.
   */
  function onRead(bytes: number, socket: import('node:net').Socket): boolean {
    filled += bytes;
    if (filled === buffer.byteLength) flush();
    if (waiting || Atomics.load(inFlight, 0) <= data.inFlightLimit) return true;
    void waitForRoom(socket);
    return false;
  }

  // 7-Zip's stdout is a Unix socket whose reading end reads into the chunk buffers themselves
  // (net's `onread`), up to a whole chunk per call: a child's 'pipe' is read 64 KiB at a time into
  // a new buffer each, and 7-Zip, writing 1 MiB at once, waited on the reader several times per write.
  // The socket lives in a private folder (mode 0700): no other user can connect in our place.
  const dir = mkdtempSync(join(tmpdir(), 'fileproc-7z-'));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  const server = net.createServer();
  server.on('error', (error) => fail(error));
  server.listen(join(dir, 'stdout'), () => {
    server.once('connection', (writing) => {
      server.close();
      removeDir();
      start(writing);
    });
    reader = net.connect({
      path: join(dir, 'stdout'),
      onread: { buffer: () => buffer.subarray(filled), callback: (bytes) => onRead(bytes, reader as import('node:net').Socket) },
    });
    reader.on('error', (error) => fail(error));
  });

  let exit: number | string | null | undefined;
  let readerEnded = false;
  function start(writing: import('node:net').Socket): void {
    if (killed) return void post({ type: 'close', code: 'SIGKILL' });
    child = spawn(data.binary, data.args, {
      stdio: [data.stdinText === undefined ? 'ignore' : 'pipe', writing, 'pipe', data.archiveFd],
      env: { ...process.env, LC_ALL: 'C.UTF-8' }, // the key is written, and names are printed, as UTF-8
    });
    writing.destroy(); // 7-Zip holds the writing end; its exit ends the reader's stream
    child.on('spawn', () => post({ type: 'started', pid: child?.pid as number }));
    child.on('error', (error) => fail(error));
    child.stdin?.on('error', () => undefined); // 7-Zip exits without reading a key it does not need
    if (data.stdinText !== undefined) child.stdin?.end(data.stdinText);
    child.stderr?.setEncoding('utf8').on('data', (text: string) => post({ type: 'stderr', text }));
    child.on('close', (code, signal) => {
      exit = code ?? signal;
      ended();
    });
    reader?.on('end', () => {
      readerEnded = true;
      ended();
    });
  }

  /** After 7-Zip exited and its output was read to the end: the rest goes out, then `close`. */
  function ended(): void {
    if (exit === undefined || !readerEnded) return;
    flush();
    post({ type: 'close', code: exit });
  }

  /** The socket could not be set up or broke: 7-Zip, if it runs, is stopped (its output is lost anyway). */
  function fail(error: Error): void {
    removeDir();
    child?.kill('SIGKILL');
    post({ type: 'error', message: error.message });
  }

  // The parent stops 7-Zip through here: this thread's ChildProcess knows whether it still runs.
  port.on('message', (message: RelayCommand) => {
    if (message !== 'kill') {
      if (message.buffer.byteLength === data.chunkBytes) spare.push(message.buffer);
      return;
    }
    killed = true;
    child?.kill('SIGKILL');
    reader?.resume();
  });
}
