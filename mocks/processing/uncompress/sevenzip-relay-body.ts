/**
 * The body of the thread that runs a native 7-Zip for `NativeSevenZipSession`, shipped to
 * `new Worker(…, { eval: true })` as source text (like sevenzip-worker-body.ts): self-contained, no
 * imports, everything through `require` and workerData.
 *
 * Why a thread: a pipe holds 64 KiB, so 7-Zip stops whenever the reader is not draining it. On the
 * event loop that reader also hashes, writes store metadata and collects garbage, and 7-Zip sat idle
 * for each of those pauses (measured: a job took about the child's CPU time plus the event loop's).
 * This thread does nothing but drain the pipe into 1 MiB chunks, so decoding goes on while the
 * event loop is busy, up to `inFlightLimit` bytes ahead of it. The parent sends each chunk's
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
  const data = workerData as RelayData;
  const port = parentPort as import('node:worker_threads').MessagePort;
  const inFlight = new Int32Array(data.control);
  const post = (event: RelayEvent, transfer?: ArrayBuffer[]) => port.postMessage(event, transfer ?? []);

  const child = spawn(data.binary, data.args, {
    stdio: [data.stdinText === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe', data.archiveFd],
    env: { ...process.env, LC_ALL: 'C.UTF-8' }, // the key is written, and names are printed, as UTF-8
  });
  child.on('spawn', () => post({ type: 'started', pid: child.pid as number }));
  child.on('error', (error) => post({ type: 'error', message: error.message }));
  child.stdin?.on('error', () => undefined); // 7-Zip exits without reading a key it does not need
  if (data.stdinText !== undefined) child.stdin?.end(data.stdinText);

  const stdout = child.stdout as import('node:stream').Readable;
  const spare: ArrayBuffer[] = [];
  const freshBuffer = () => new Uint8Array(spare.pop() ?? new ArrayBuffer(data.chunkBytes));
  let buffer = freshBuffer();
  let filled = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waiting = false;

  function flush(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (filled === 0) return;
    const chunk = buffer.subarray(0, filled);
    Atomics.add(inFlight, 0, filled);
    post({ type: 'data', chunk }, [buffer.buffer as ArrayBuffer]);
    buffer = freshBuffer();
    filled = 0;
    if (!waiting && Atomics.load(inFlight, 0) > data.inFlightLimit) void waitForRoom();
  }

  /** Stops reading (7-Zip then blocks on the full pipe) until the parent has consumed half the limit. */
  async function waitForRoom(): Promise<void> {
    waiting = true;
    stdout.pause();
    for (let now = Atomics.load(inFlight, 0); now > data.inFlightLimit / 2; now = Atomics.load(inFlight, 0)) {
      await (Atomics as unknown as AtomicsWaitAsync).waitAsync(inFlight, 0, now).value;
    }
    waiting = false;
    stdout.resume();
  }

  stdout.on('data', (chunk: Uint8Array) => {
    for (let at = 0; at < chunk.byteLength;) {
      const take = Math.min(chunk.byteLength - at, buffer.byteLength - filled);
      buffer.set(chunk.subarray(at, at + take), filled);
      filled += take;
      at += take;
      if (filled === buffer.byteLength) flush();
    }
    // A partial chunk goes out soon anyway: when 7-Zip is slower than the reader, the parent must
    // not wait for a full megabyte.
    timer ??= setTimeout(flush, 2);
  });
  child.stderr?.setEncoding('utf8').on('data', (text: string) => post({ type: 'stderr', text }));
  // The parent stops 7-Zip through here: this thread's ChildProcess knows whether it still runs.
  port.on('message', (message: RelayCommand) => {
    if (message !== 'kill') {
      if (message.buffer.byteLength === data.chunkBytes) spare.push(message.buffer);
      return;
    }
    child.kill('SIGKILL');
    stdout.resume();
  });
  child.on('close', (code, signal) => {
    flush();
    post({ type: 'close', code: code ?? signal });
  });
}
