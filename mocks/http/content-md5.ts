/**
 * `Content-MD5` checks (§5.3): a header that is not base64 of 16 bytes is `400 InvalidDigest`, a
 * body with another MD5 is `400 BadDigest`. Streams are checked as they pass, and the failure is
 * raised before the stream ends, so an atomic store never commits the object.
 */
import type { HashFactory } from '../processing/hash/types.ts';
import { httpError } from './http-error.ts';

/** The lower-case hex digest a `Content-MD5` value declares, or `400 InvalidDigest`. */
export function declaredMd5Hex(header: string): string {
  let hex = '';
  try {
    hex = [...atob(header.trim())].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
  } catch {
    // Not base64: reported below like any other wrong length.
  }
  if (hex.length !== 32) throw httpError('InvalidDigest', `Content-MD5 "${header}" is not the base64 of a 16-byte MD5`);
  return hex;
}

/** Passes the chunks through and fails with `400 BadDigest` at the end when the MD5 differs. */
export async function* md5Checked(chunks: AsyncIterable<Uint8Array>, header: string, hash: HashFactory): AsyncGenerator<Uint8Array> {
  const expected = declaredMd5Hex(header);
  const md5 = await hash('md5');
  for await (const chunk of chunks) {
    md5.update(chunk);
    yield chunk;
  }
  const actual = md5.digestHex();
  if (actual !== expected) throw httpError('BadDigest', `Content-MD5 ${header} does not match the body (its MD5 is ${actual})`);
}

/** Checks a body that is already in memory. */
export async function checkMd5(bytes: Uint8Array, header: string, hash: HashFactory): Promise<void> {
  async function* once(): AsyncGenerator<Uint8Array> {
    yield bytes;
  }
  for await (const _chunk of md5Checked(once(), header, hash)) {
    // Only the check at the end matters.
  }
}
