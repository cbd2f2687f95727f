/**
 * The program of a filesystem-store writer thread, as source text: it runs through
 * `new Worker(source, { eval: true })`, so it needs no file of its own and works the same under
 * tsx, vitest and an esbuild bundle (a worker file path would not survive bundling). Plain
 * CommonJS, node built-ins only. The thread does the per-byte work of a put (MD5 for the ETag,
 * write system calls) and the small synchronous file steps around it, off the event loop.
 *
 * Messages in (`WriterRequest`):
 *   { id, open?: tempPath, chunk?: ArrayBuffer, length?, end?: { sync, moveTo? } | 'abort' }
 *     open creates the temp file (`wx`); chunk bytes are hashed and written, and the buffer is sent
 *     back for reuse; end fsyncs (sync), closes, moves the file to moveTo (creating its folder,
 *     fsyncing the folder when sync) and answers `done: { size, md5Hex }`; 'abort' just closes.
 *   { id, file: { temp, target, text, sync } }  a small file written atomically (temp + rename).
 * Messages out (`WriterReply`): { id, chunk?, done?, error?: { message, code }, last? }; `last`
 * marks the one answer to an end or file request. After an error a session ignores further bytes
 * (still returning their buffers) until its end.
 */
export const WRITER_THREAD_SOURCE = String.raw`
'use strict';
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const { dirname } = require('node:path');
const { createHash } = require('node:crypto');

const sessions = new Map();
const madeDirs = new Set();

function writeAll(fd, view) {
  for (let offset = 0; offset < view.byteLength; ) offset += fs.writeSync(fd, view, offset, view.byteLength - offset);
}

function syncDir(dir) {
  const fd = fs.openSync(dir, 'r');
  try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
}

// Fan-out folders are created once per thread; a folder removed behind our back is recreated on ENOENT.
function moveInto(temp, target, sync) {
  const dir = dirname(target);
  if (!madeDirs.has(dir)) { fs.mkdirSync(dir, { recursive: true }); madeDirs.add(dir); }
  try {
    fs.renameSync(temp, target);
  } catch (error) {
    if (error.code !== 'ENOENT' || !fs.existsSync(temp)) throw error;
    fs.mkdirSync(dir, { recursive: true });
    fs.renameSync(temp, target);
  }
  if (sync) syncDir(dir);
}

function writeSmallFile({ temp, target, text, sync }) {
  const fd = fs.openSync(temp, 'wx');
  try {
    writeAll(fd, Buffer.from(text, 'utf8'));
    if (sync) fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    moveInto(temp, target, sync);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

function step(message, session) {
  if (message.file) {
    writeSmallFile(message.file);
    return { done: true };
  }
  if (message.open !== undefined) {
    session = { fd: -1, path: message.open, md5: createHash('md5'), size: 0, error: undefined };
    sessions.set(message.id, session);
    session.fd = fs.openSync(message.open, 'wx');
  }
  if (!session || session.error) return {};
  if (message.chunk) {
    const view = new Uint8Array(message.chunk, 0, message.length);
    session.md5.update(view);
    writeAll(session.fd, view);
    session.size += view.byteLength;
  }
  if (message.end && message.end !== 'abort') {
    if (message.end.sync) fs.fsyncSync(session.fd);
    fs.closeSync(session.fd);
    session.fd = -1;
    if (message.end.moveTo) moveInto(session.path, message.end.moveTo, message.end.sync);
    return { done: { size: session.size, md5Hex: session.md5.digest('hex') } };
  }
  return {};
}

parentPort.on('message', (message) => {
  let reply;
  try {
    reply = step(message, sessions.get(message.id));
  } catch (error) {
    reply = { error: { message: String((error && error.message) || error), code: error && error.code } };
    const failed = sessions.get(message.id);
    if (failed) failed.error = reply.error;
  }
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
  if (message.chunk) out.chunk = message.chunk;
  parentPort.postMessage(out, message.chunk ? [message.chunk] : []);
});
`;

/** A message to a writer thread (see the module comment). */
export interface WriterRequest {
  id: number;
  open?: string;
  chunk?: ArrayBuffer;
  length?: number;
  end?: { sync: boolean; moveTo?: string } | 'abort';
  file?: { temp: string; target: string; text: string; sync: boolean };
}

/** A writer thread's answer to one request. */
export interface WriterReply {
  id: number;
  chunk?: ArrayBuffer;
  done?: { size: number; md5Hex: string } | true;
  error?: { message: string; code?: string };
  last?: true;
}
