/**
 * The hash primitives AWS-style signing needs (SigV4: SHA-256 and HMAC-SHA256 with binary keys;
 * SigV2: HMAC-SHA1 in base64), on the same WebCrypto-or-hash-wasm primitives as COS signing
 * (signing/digest.ts), chosen per call by whether the runtime exposes `crypto.subtle`.
 */
import { toHex } from './ids/random.ts';
import { digestBytes, hmacBytes, type Bytes } from './signing/digest.ts';

/** Standard base64 of bytes. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** SHA-256 of `data`, lower-case hex (SigV4 payload and canonical-request hashes). */
export async function sha256Hex(data: Bytes): Promise<string> {
  return toHex(await digestBytes('SHA-256', data, globalThis.crypto?.subtle));
}

/** HMAC-SHA256 (raw bytes out: SigV4 chains them as the next key). */
export function hmacSha256(key: Bytes, message: Bytes): Promise<Uint8Array> {
  return hmacBytes('SHA-256', key, message, globalThis.crypto?.subtle);
}

/** HMAC-SHA1, base64 out (SigV2 signature). */
export async function hmacSha1Base64(key: Bytes, message: Bytes): Promise<string> {
  return toBase64(await hmacBytes('SHA-1', key, message, globalThis.crypto?.subtle));
}
