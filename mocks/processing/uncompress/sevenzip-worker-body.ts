/**
 * The body of the 7z worker thread (see sevenzip-worker.node.ts), shipped to `new Worker(…, { eval: true })`
 * as source text so that it runs the same from TypeScript sources, tests and the CLI bundle. Hence it
 * is self-contained: no imports (types only), no outer names; everything comes in through `require` and workerData.
 */
import type { MessagePort } from 'node:worker_threads';

/** What the worker gets at start. */
export interface SevenZipWorkerData {
  /** Absolute path of 7z-wasm's UMD entry, resolved by the parent. */
  modulePath: string;
  /** 7zz.wasm compiled once by the parent: each worker only instantiates it. */
  wasm: WebAssembly.Module;
  /** Archive size in bytes: the size of the proxied input file. */
  size: number;
  /** Int32 slots: READ_STATE, READ_LENGTH, IN_FLIGHT (see SLOT in sevenzip-worker.node.ts). */
  control: SharedArrayBuffer;
  /** Where the parent copies the bytes of each read. */
  data: SharedArrayBuffer;
  args: string[];
  /** Content of /files.txt (the extraction's list file), if any. */
  listFile?: string;
  /** Output bytes posted but not yet consumed, above which the worker waits. */
  inFlightLimit: number;
  /** Output is gathered into chunks of this size before it is posted. */
  chunkBytes: number;
  /** Where the parent sends posted chunks' buffers back once read (polled: 7-Zip runs synchronously here). */
  recycle: MessagePort;
}

/** What a batch reports, in order: a file opened, bytes `start..end` of the batch's chunk written to it, the file closed. */
export type BatchItem = { type: 'open'; path: string } | { type: 'data'; start: number; end: number } | { type: 'close' };

/**
 * Messages from the worker; `read` requests are answered through `control`/`data`. Output comes in
 * batches: one chunk (transferred; its buffer comes back once read) holding the bytes of one or more files, so small
 * files cost neither a message nor a buffer each.
 */
export type WorkerEvent =
  | { type: 'read'; position: number; length: number }
  | { type: 'batch'; chunk: Uint8Array; items: BatchItem[] }
  | { type: 'err'; line: string }
  | { type: 'done'; code: unknown; threw: boolean; out: string[]; err: string[] };

interface EmscriptenStream { path: string; flags: number; position: number; node: { mode: number }; stream_ops: unknown }
interface EmscriptenFs {
  writeFile(path: string, data: string | Uint8Array): void;
  mkdir(path: string): void;
  lookupPath(path: string): { node: { usedBytes: number; stream_ops: Record<string, unknown> } };
  open(path: string, flags: number, mode?: number): EmscriptenStream;
  isFile(mode: number): boolean;
  ErrnoError: new (errno: number) => Error;
}

/**
 * Runs one 7-Zip command on `/archive.7z`, a file whose reads are answered by the parent (store
 * ranges), and streams every file written under `/out/` to the parent instead of keeping it.
 */
export function sevenZipWorkerBody(require: (id: string) => unknown): void {
  const { parentPort, workerData, receiveMessageOnPort } = require('node:worker_threads') as {
    parentPort: { postMessage(message: WorkerEvent, transfer?: ArrayBuffer[]): void };
    workerData: SevenZipWorkerData;
    receiveMessageOnPort(port: MessagePort): { message: ArrayBuffer } | undefined;
  };
  const post = (event: WorkerEvent, transfer?: ArrayBuffer[]) => parentPort.postMessage(event, transfer);
  const factory = require(workerData.modulePath) as (options: object) => Promise<{ FS: EmscriptenFs; callMain(args: string[]): unknown }>;
  const control = new Int32Array(workerData.control);
  const data = new Uint8Array(workerData.data);
  const [READ_STATE, READ_LENGTH, IN_FLIGHT] = [0, 1, 2];
  const EIO = 29;
  const MAX_ITEMS = 1024; // a batch of many empty files goes out before the chunk is full
  const out: string[] = [];
  const err: string[] = [];

  // Buffers the parent gave back, and the output gathered for the next batch.
  const spare: ArrayBuffer[] = [];
  const freshChunk = () => {
    for (let back = receiveMessageOnPort(workerData.recycle); back; back = receiveMessageOnPort(workerData.recycle)) {
      if (back.message.byteLength === workerData.chunkBytes) spare.push(back.message);
    }
    return new Uint8Array(spare.pop() ?? new ArrayBuffer(workerData.chunkBytes));
  };
  let chunk = freshChunk();
  let used = 0;
  let segmentStart = 0;
  let items: BatchItem[] = [];
  const endSegment = () => {
    if (used > segmentStart) items.push({ type: 'data', start: segmentStart, end: used });
    segmentStart = used;
  };
  const flush = () => {
    endSegment();
    if (items.length === 0) return;
    const bytes = used;
    if (bytes > 0) {
      Atomics.add(control, IN_FLIGHT, bytes);
      post({ type: 'batch', chunk, items }, [chunk.buffer as ArrayBuffer]);
      chunk = freshChunk();
    } else {
      post({ type: 'batch', chunk: new Uint8Array(0), items });
    }
    used = 0;
    segmentStart = 0;
    items = [];
    // Backpressure: the parent subtracts what it consumed and wakes us.
    for (let queued = Atomics.load(control, IN_FLIGHT); queued > workerData.inFlightLimit; queued = Atomics.load(control, IN_FLIGHT)) {
      Atomics.wait(control, IN_FLIGHT, queued);
    }
  };

  const print = (line: string) => void out.push(line);
  const printErr = (line: string) => {
    err.push(line);
    flush(); // what was written before the error reaches the parent before it
    post({ type: 'err', line });
  };
  const instantiateWasm = (imports: WebAssembly.Imports, ready: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) => {
    void WebAssembly.instantiate(workerData.wasm, imports).then((instance) => ready(instance, workerData.wasm));
    return {};
  };
  void factory({ print, printErr, stdin: () => null, instantiateWasm }).then(({ FS, callMain }) => {
    // The archive: an empty in-memory node with the real size whose reads block on the parent.
    FS.writeFile('/archive.7z', new Uint8Array(0));
    const input = FS.lookupPath('/archive.7z').node;
    input.usedBytes = workerData.size;
    input.stream_ops = { ...input.stream_ops, read: readArchive };

    // `data` doubles as a cache: it holds archive bytes cached..cached+cachedBytes until the next request.
    // 7-Zip reads ~1 MiB at a time; asking for whole blocks saves most round trips.
    let cached = 0;
    let cachedBytes = 0;
    function readArchive(_stream: unknown, buffer: Uint8Array, offset: number, length: number, position: number): number {
      let done = 0;
      while (done < length && position + done < workerData.size) {
        const at = position + done;
        if (at < cached || at >= cached + cachedBytes) {
          Atomics.store(control, READ_STATE, 0);
          post({ type: 'read', position: at, length: data.byteLength });
          Atomics.wait(control, READ_STATE, 0);
          const got = Atomics.load(control, READ_LENGTH);
          if (got < 0) throw new FS.ErrnoError(EIO);
          cached = at;
          cachedBytes = got;
          if (got === 0) break;
        }
        const take = Math.min(length - done, cached + cachedBytes - at);
        buffer.set(data.subarray(at - cached, at - cached + take), offset + done);
        done += take;
      }
      return done;
    }

    // Output: files opened for writing under /out/ send their bytes to the parent, in order.
    let written = 0;
    const sink = {
      write(_stream: unknown, buffer: Uint8Array, offset: number, length: number, position: number): number {
        if (position !== written) throw new FS.ErrnoError(EIO); // 7-Zip writes extracted files front to back
        for (let at = 0; at < length;) {
          const take = Math.min(length - at, chunk.byteLength - used);
          chunk.set(buffer.subarray(offset + at, offset + at + take), used);
          used += take;
          at += take;
          if (used === chunk.byteLength) flush();
        }
        written += length;
        return length;
      },
      llseek(stream: EmscriptenStream, offset: number, whence: number): number {
        return whence === 1 ? stream.position + offset : whence === 2 ? written + offset : offset;
      },
      close(): void {
        endSegment();
        items.push({ type: 'close' });
        if (items.length >= MAX_ITEMS) flush();
      },
    };
    const open = FS.open.bind(FS);
    FS.open = (path, flags, mode) => {
      const stream = open(path, flags, mode);
      if (stream.path.startsWith('/out/') && FS.isFile(stream.node.mode) && (stream.flags & 3) !== 0) {
        stream.stream_ops = sink;
        written = 0;
        items.push({ type: 'open', path: stream.path.slice('/out/'.length) });
      }
      return stream;
    };

    FS.mkdir('/out');
    if (workerData.listFile !== undefined) FS.writeFile('/files.txt', workerData.listFile);
    let code: unknown;
    let threw = false;
    try {
      code = callMain(workerData.args);
    } catch {
      threw = true; // this WASM build aborts with a bare C++ exception on some wrong-key decodes
    }
    flush();
    post({ type: 'done', code, threw, out, err });
  });
}
