/**
 * Alters the bytes of one archive member (the `archive-bytes-altered` fault): the first member
 * with data gets its first data byte flipped, so names and layout stay valid and only the member's
 * content (and, for zip, its CRC) disagrees. Other formats (gzip) get their middle byte flipped.
 */

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

function flip(bytes: Uint8Array, at: number): void {
  bytes[at] = (bytes[at] ?? 0) ^ 0x5a;
}

/** Offset of the first data byte of the first non-empty zip member (via the central directory, as streamed zips have data descriptors), or -1. */
function zipDataOffset(b: Uint8Array): number {
  let eocd = b.length - 22;
  while (eocd >= 0 && u32(b, eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) return -1;
  for (let at = u32(b, eocd + 16); u32(b, at) === 0x02014b50; at += 46 + u16(b, at + 28) + u16(b, at + 30) + u16(b, at + 32)) {
    const local = u32(b, at + 42);
    if (u32(b, at + 20) > 0 && u32(b, local) === 0x04034b50) return local + 30 + u16(b, local + 26) + u16(b, local + 28);
  }
  return -1;
}

/** Offset of the first data byte of the first non-empty tar member (512-byte headers), or -1. */
function tarDataOffset(b: Uint8Array): number {
  for (let at = 0; at + 512 <= b.length && b[at] !== 0;) {
    const size = parseInt(new TextDecoder().decode(b.subarray(at + 124, at + 136)).replace(/\0.*$/, '').trim() || '0', 8);
    if (size > 0 && b[at + 156] !== 0x35) return at + 512;
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return -1;
}

/** Returns `bytes` with one member's content altered (in place). */
export function alterMemberBytes(bytes: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  if (bytes.length === 0) return bytes;
  const isTar = new TextDecoder().decode(bytes.subarray(257, 262)) === 'ustar';
  const offset = u32(bytes, 0) === 0x04034b50 ? zipDataOffset(bytes) : isTar ? tarDataOffset(bytes) : -1;
  flip(bytes, offset >= 0 ? offset : bytes.length >> 1);
  return bytes;
}
