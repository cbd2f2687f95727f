/**
 * DEFLATE "stored" blocks (RFC 1951 §3.2.4) written directly: what zlib emits at level 0, without a
 * zlib stream (whose set-up costs more than copying the bytes). Output is byte-aligned, so it can
 * follow and precede any sync-flushed block of the same stream.
 */
const MAX_STORED = 0xffff;

/** `data` as stored blocks; `final` sets BFINAL on the last one (an empty final block when `data` is empty). */
export function storedBlocks(data: Uint8Array, final: boolean): Uint8Array {
  const pieces = Math.max(1, Math.ceil(data.length / MAX_STORED));
  const out = new Uint8Array(data.length + 5 * pieces);
  let at = 0;
  for (let piece = 0; piece < pieces; piece++) {
    const start = piece * MAX_STORED;
    const length = Math.min(MAX_STORED, data.length - start);
    out[at] = final && piece === pieces - 1 ? 1 : 0;
    out[at + 1] = length & 0xff;
    out[at + 2] = length >>> 8;
    out[at + 3] = ~length & 0xff;
    out[at + 4] = (~length >>> 8) & 0xff;
    out.set(data.subarray(start, start + length), at + 5);
    at += 5 + length;
  }
  return out;
}
