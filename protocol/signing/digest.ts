import { createHMAC, createSHA1, createSHA256 } from 'hash-wasm';
import { toHex } from '../ids/random.ts';

const utf8 = new TextEncoder();

/** Bytes or text (UTF-8). */
export type Bytes = Uint8Array | string;

/** The hashes signing uses: SHA-1 (COS, AWS SigV2) and SHA-256 (AWS SigV4). */
export type HashName = 'SHA-1' | 'SHA-256';

const bytesOf = (data: Bytes): Uint8Array<ArrayBuffer> => (typeof data === 'string' ? utf8.encode(data) : new Uint8Array(data));
const wasmHasher = (hash: HashName) => (hash === 'SHA-256' ? createSHA256() : createSHA1());

/**
 * The digest of `data`: by WebCrypto when `subtle` is given (native in Node >= 20 and in browsers'
 * secure contexts), else by hash-wasm — pages served over plain http from a non-localhost origin
 * hide `crypto.subtle` (MSW in a LAN dev server).
 */
export async function digestBytes(hash: HashName, data: Bytes, subtle: SubtleCrypto | undefined): Promise<Uint8Array> {
  if (subtle) return new Uint8Array(await subtle.digest(hash, bytesOf(data)));
  const hasher = await wasmHasher(hash);
  hasher.init();
  hasher.update(bytesOf(data));
  return hasher.digest('binary');
}

/** The HMAC of `message` under `key` (raw bytes out), by WebCrypto when `subtle` is given, else by hash-wasm. */
export async function hmacBytes(hash: HashName, key: Bytes, message: Bytes, subtle: SubtleCrypto | undefined): Promise<Uint8Array> {
  const keyBytes = bytesOf(key);
  if (!subtle) {
    const mac = await createHMAC(wasmHasher(hash), keyBytes);
    mac.init();
    mac.update(bytesOf(message));
    return mac.digest('binary');
  }
  // WebCrypto rejects empty keys; HMAC zero-pads keys to the block size, so one 0x00 byte is equivalent.
  const cryptoKey = await subtle.importKey('raw', keyBytes.length === 0 ? new Uint8Array(1) : keyBytes, { name: 'HMAC', hash }, false, ['sign']);
  return new Uint8Array(await subtle.sign('HMAC', cryptoKey, bytesOf(message)));
}

/** The two primitives COS signing needs (reference §6.1 steps 2, 6, 7), lower-case hex out. */
export interface Sha1Primitives {
  sha1Hex(message: string): Promise<string>;
  hmacSha1Hex(key: string, message: string): Promise<string>;
}

/** COS's primitives on WebCrypto (`subtle`) or, undefined, on hash-wasm. */
function sha1Primitives(subtle: SubtleCrypto | undefined): Sha1Primitives {
  return {
    sha1Hex: async (message) => toHex(await digestBytes('SHA-1', message, subtle)),
    hmacSha1Hex: async (key, message) => toHex(await hmacBytes('SHA-1', key, message, subtle)),
  };
}

/** WebCrypto implementation. */
export function webCryptoSha1(subtle: SubtleCrypto): Sha1Primitives {
  return sha1Primitives(subtle);
}

/** hash-wasm implementation, for runtimes without `crypto.subtle` (see `digestBytes`). */
export const wasmSha1: Sha1Primitives = sha1Primitives(undefined);

/** The primitives to use here: WebCrypto when the runtime exposes it, else hash-wasm. */
export function defaultSha1(): Sha1Primitives {
  const subtle = globalThis.crypto?.subtle;
  return subtle ? webCryptoSha1(subtle) : wasmSha1;
}

/** Compares two hex signatures in time independent of where they first differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}
