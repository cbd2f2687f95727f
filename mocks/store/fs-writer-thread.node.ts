/**
 * The program of a filesystem-store writer thread, as source text: it runs through
 * `new Worker(source, { eval: true })`, so it needs no file of its own and works the same under
 * tsx, vitest and an esbuild bundle (a worker file path would not survive bundling). Plain
 * CommonJS, node built-ins only. The thread does the per-byte work of a put (MD5 for the ETag,
 * write system calls) and the small file steps around it, off the event loop. A body's chunks
 * are hashed here on arrival; for durable puts they are written through the thread pool, so hashing
 * one chunk overlaps writing the previous, and the other file calls go to the thread pool too.
 *
 * Messages in (`WriterRequest`):
 *   { id, open?: tempPath, durable?, chunk?: ArrayBuffer, offset?, length?, keep?, end?: { sync, moveTo? } | 'abort' }
 *     open creates the temp file (`wx`; `durable` says the session will fsync); chunk bytes
 *     [offset, offset + length) are hashed and written, and the buffer is sent back for reuse
 *     (unless `keep`: a handed-over buffer stays here and is dropped once written; `kept` answers); end fsyncs (sync), closes, moves the file to moveTo (creating its folder,
 *     fsyncing the folder when sync) and answers `done: { size, md5Hex }`; 'abort' just closes.
 *   { id, file: { temp, target, text, sync } }  a small file written atomically (temp + rename).
 * Messages out (`WriterReply`): { id, chunk?, kept?, done?, error?: { message, code }, last? }; `last`
 * marks the one answer to an end or file request. After an error a session ignores further bytes
 * (still returning their buffers) until its end.
 */
export const WRITER_THREAD_SOURCE = String.raw`
'use strict';
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const { dirname } = require('node:path');
const { createHash } = require('node:crypto');
const { promisify } = require('node:util');

// File system calls: direct when not durable (cheapest), on the thread pool when durable, because
// there they may wait for the disk (fsync, or a journal commit another fsync started) and one put's
// wait must not hold up the other puts this thread serves. Direct body writes too: handing each to
// the pool woke one more thread per chunk, and beside a CPU-bound 7-Zip child on two cores the
// extraction of the 512 MiB benchmark set took ≈ 5 % longer that way (same CPU time).
const now = { open: fs.openSync, close: fs.closeSync, fsync: fs.fsyncSync, rename: fs.renameSync, mkdir: fs.mkdirSync, write: fs.writeSync };
const writeLater = promisify(fs.write);
const later = {
  open: promisify(fs.open), close: promisify(fs.close), fsync: promisify(fs.fsync), rename: promisify(fs.rename), mkdir: promisify(fs.mkdir),
  write: async (...args) => (await writeLater(...args)).bytesWritten, // bytes written, as writeSync answers
};

const sessions = new Map();
const madeDirs = new Set();

function writeAll(fd, view) {
  for (let offset = 0; offset < view.byteLength; ) offset += fs.writeSync(fd, view, offset, view.byteLength - offset);
}

async function syncDir(dir) {
  const fd = await later.open(dir, 'r');
  try { await later.fsync(fd); } finally { await later.close(fd); }
}

// Fan-out folders are created once per thread; a folder removed behind our back is recreated on ENOENT.
async function moveInto(io, temp, target, sync) {
  const dir = dirname(target);
  if (!madeDirs.has(dir)) { await io.mkdir(dir, { recursive: true }); madeDirs.add(dir); }
  try {
    await io.rename(temp, target);
  } catch (error) {
    if (error.code !== 'ENOENT' || !fs.existsSync(temp)) throw error;
    await io.mkdir(dir, { recursive: true });
    await io.rename(temp, target);
  }
  if (sync) await syncDir(dir);
}

async function writeSmallFile({ temp, target, text, sync }) {
  const io = sync ? later : now;
  const fd = await io.open(temp, 'wx');
  try {
    writeAll(fd, Buffer.from(text, 'utf8'));
    if (sync) await io.fsync(fd);
  } finally {
    await io.close(fd);
  }
  try {
    await moveInto(io, temp, target, sync);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  return { done: true };
}

async function writeAt(io, fd, view, position) {
  for (let offset = 0; offset < view.byteLength; ) {
    offset += await io.write(fd, view, offset, view.byteLength - offset, position + offset);
  }
}

async function endSession(session, { sync, moveTo }) {
  const fd = session.fd;
  if (sync) await session.io.fsync(fd);
  session.fd = -1;
  await session.io.close(fd);
  if (moveTo) await moveInto(session.io, session.path, moveTo, sync);
  return { done: { size: session.size, md5Hex: session.md5.digest('hex') } };
}

// Runs a session's file work in request order; after a failure the rest is skipped.
function enqueue(session, work) {
  const run = session.queue.then(() => (session.error ? {} : work())).catch((error) => {
    throw failure(session, error);
  });
  session.queue = run.then(() => undefined, () => undefined);
  return run;
}

function failure(session, error) {
  const described = { message: String((error && error.message) || error), code: error && error.code };
  if (session && !session.error) session.error = described;
  return described;
}

function answer(message, reply) {
  if (message.end) {
    const ending = sessions.get(message.id);
    sessions.delete(message.id);
    if (ending && ending.fd >= 0) {
      try { fs.closeSync(ending.fd); } catch {}
    }
    // An abort, or the end of a session that failed earlier, still gets exactly one final answer.
    if (!reply.error && !reply.done) reply = ending && ending.error ? { error: ending.error } : { done: true };
  }
  if (message.end || message.file) reply.last = true;
  const out = { id: message.id, ...reply };
  const back = message.chunk && !message.keep ? message.chunk : undefined;
  if (back) out.chunk = back;
  else if (message.chunk) out.kept = true;
  parentPort.postMessage(out, back ? [back] : []);
}

parentPort.on('message', (message) => {
  const settle = (work) => work.then((reply) => answer(message, reply), (error) => answer(message, { error: failure(undefined, error) }));
  if (message.file) return void settle(writeSmallFile(message.file));
  let session = sessions.get(message.id);
  if (!session) {
    const io = message.durable ? later : now;
    session = { io, fd: -1, path: message.open, md5: createHash('md5'), size: 0, error: undefined, queue: Promise.resolve() };
    sessions.set(message.id, session);
  }
  // Hashing happens on arrival, here; the write goes to the thread pool, so the next chunk is
  // hashed while this one is written.
  const view = message.chunk && new Uint8Array(message.chunk, message.offset || 0, message.length);
  const position = session.size;
  if (view) {
    if (!session.error) session.md5.update(view);
    session.size += view.byteLength;
  }
  const current = session;
  settle(enqueue(session, async () => {
    if (message.open !== undefined) current.fd = await current.io.open(message.open, 'wx');
    if (view) await writeAt(current.io, current.fd, view, position);
    return message.end && message.end !== 'abort' ? endSession(current, message.end) : {};
  }));
});
`;

/** A message to a writer thread (see the module comment). */
export interface WriterRequest {
  id: number;
  open?: string;
  /** With `open`: the session will fsync, so its file calls go to the thread pool. */
  durable?: boolean;
  chunk?: ArrayBuffer;
  /** Where the bytes start in `chunk` (default 0). */
  offset?: number;
  length?: number;
  /** `chunk` was handed over: the thread keeps it instead of sending it back. */
  keep?: true;
  end?: { sync: boolean; moveTo?: string } | 'abort';
  file?: { temp: string; target: string; text: string; sync: boolean };
}

/** A writer thread's answer to one request. */
export interface WriterReply {
  id: number;
  chunk?: ArrayBuffer;
  /** Acknowledges a `keep` chunk. */
  kept?: true;
  done?: { size: number; md5Hex: string } | true;
  error?: { message: string; code?: string };
  last?: true;
}

/** An Error from a writer thread's answer, keeping the errno code (e.g. EEXIST, ENOSPC). */
export function threadError(error: NonNullable<WriterReply['error']>): Error {
  return Object.assign(new Error(error.message.startsWith('[fileproc]') ? error.message : `[fileproc] store write failed: ${error.message}`), error.code ? { code: error.code } : {});
}
