/**
 * The hash primitives AWS-style signing needs (SigV4: SHA-256 and HMAC-SHA256 with binary keys;
 * SigV2: HMAC-SHA1 in base64). WebCrypto where the runtime exposes it, hash-wasm otherwise (pages
 * served over plain http from a non-localhost origin hide `crypto.subtle`), as for COS signing.
 */
import { createHMAC, createSHA1, createSHA256, sha256 } from 'hash-wasm';
import { toHex } from './ids/random.ts';

const utf8 = new TextEncoder();

/** Bytes or text (UTF-8). */
export type Bytes = Uint8Array | string;

const bytesOf = (data: Bytes): Uint8Array<ArrayBuffer> => (typeof data === 'string' ? utf8.encode(data) : new Uint8Array(data));

/** Standard base64 of bytes. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** SHA-256 of `data`, lower-case hex (SigV4 payload and canonical-request hashes). */
export async function sha256Hex(data: Bytes): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return sha256(bytesOf(data));
  return toHex(new Uint8Array(await subtle.digest('SHA-256', bytesOf(data))));
}

async function hmac(hash: 'SHA-256' | 'SHA-1', key: Bytes, message: Bytes): Promise<Uint8Array> {
  const subtle = globalThis.crypto?.subtle;
  const keyBytes = bytesOf(key);
  if (!subtle) {
    const mac = await createHMAC(hash === 'SHA-256' ? createSHA256() : createSHA1(), keyBytes);
    mac.init();
    mac.update(bytesOf(message));
    return mac.digest('binary');
  }
  // WebCrypto rejects empty keys; HMAC zero-pads keys to the block size, so one 0x00 byte is equivalent.
  const cryptoKey = await subtle.importKey('raw', keyBytes.length === 0 ? new Uint8Array(1) : keyBytes, { name: 'HMAC', hash }, false, ['sign']);
  return new Uint8Array(await subtle.sign('HMAC', cryptoKey, bytesOf(message)));
}

/** HMAC-SHA256 (raw bytes out: SigV4 chains them as the next key). */
export function hmacSha256(key: Bytes, message: Bytes): Promise<Uint8Array> {
  return hmac('SHA-256', key, message);
}

/** HMAC-SHA1, base64 out (SigV2 signature). */
export async function hmacSha1Base64(key: Bytes, message: Bytes): Promise<string> {
  return toBase64(await hmac('SHA-1', key, message));
}
