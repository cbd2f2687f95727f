import type { FileHandle } from 'node:fs/promises';

/**
 * Streams [from, to) of an open file, reading one chunk ahead so disk reads (libuv threads) overlap
 * with the consumer's work. Chunks are fresh buffers the caller may keep, unless `transient`: then
 * two buffers take turns (the one just returned and the one being read ahead). A hand-written
 * iterator rather than a generator: `return()` must close the file even before the first read.
 */
export function readSpan(handle: FileHandle, span: { from: number; to: number }, chunkBytes: number, transient: boolean): AsyncIterable<Uint8Array> {
  let position = span.from;
  let ahead: Promise<{ buffer: Buffer; chunk: Uint8Array }> | undefined;
  let lent: Buffer | undefined;
  const spare: Buffer[] = [];
  let closed = false;
  const readAt = async (at: number) => {
    // allocUnsafeSlow: no zero-fill (the read overwrites it) and no shared pool slab to pin.
    const buffer = spare.pop() ?? Buffer.allocUnsafeSlow(transient ? chunkBytes : Math.min(chunkBytes, span.to - at));
    const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.byteLength, span.to - at), at);
    if (bytesRead === 0) throw new Error('[fileproc] object body is shorter than its metadata says; was the data dir changed by hand?');
    return { buffer, chunk: bytesRead === buffer.byteLength ? buffer : buffer.subarray(0, bytesRead) };
  };
  const finished = async (): Promise<IteratorResult<Uint8Array>> => {
    if (!closed) {
      closed = true;
      await ahead?.catch(() => undefined);
      await handle.close();
    }
    return { done: true, value: undefined };
  };
  const iterator: AsyncIterator<Uint8Array> = {
    async next() {
      if (closed || (position >= span.to && !ahead)) return finished();
      // Asking for the next chunk means the reader is done with the one it was lent.
      if (transient && lent) spare.push(lent);
      const current = ahead ?? readAt(position);
      ahead = undefined;
      const { buffer, chunk } = await current.catch(async (error: unknown) => {
        await finished();
        throw error;
      });
      position += chunk.byteLength;
      if (position < span.to) {
        ahead = readAt(position);
        ahead.catch(() => undefined); // observed by the next call or by finished()
      }
      lent = buffer;
      return { done: false, value: chunk };
    },
    return: finished,
  };
  return { [Symbol.asyncIterator]: () => iterator };
}
