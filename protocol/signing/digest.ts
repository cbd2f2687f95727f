import { createHMAC, createSHA1, sha1 } from 'hash-wasm';

const utf8 = new TextEncoder();

/** The two primitives COS signing needs (reference §6.1 steps 2, 6, 7), lower-case hex out. */
export interface Sha1Primitives {
  sha1Hex(message: string): Promise<string>;
  hmacSha1Hex(key: string, message: string): Promise<string>;
}

function toHex(buffer: ArrayBuffer): string {
  let out = '';
  for (const byte of new Uint8Array(buffer)) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** WebCrypto implementation: native in Node >= 20 and in browsers' secure contexts. */
export function webCryptoSha1(subtle: SubtleCrypto): Sha1Primitives {
  return {
    sha1Hex: async (message) => toHex(await subtle.digest('SHA-1', utf8.encode(message))),
    hmacSha1Hex: async (key, message) => {
      // WebCrypto rejects empty keys; HMAC zero-pads keys to the block size, so one 0x00 byte is equivalent.
      const keyBytes = key === '' ? new Uint8Array(1) : utf8.encode(key);
      const cryptoKey = await subtle.importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
      return toHex(await subtle.sign('HMAC', cryptoKey, utf8.encode(message)));
    },
  };
}

/**
 * hash-wasm implementation, for pages served over plain http from a non-localhost origin,
 * where browsers hide `crypto.subtle` (MSW in a LAN dev server).
 */
export const wasmSha1: Sha1Primitives = {
  sha1Hex: (message) => sha1(message),
  hmacSha1Hex: async (key, message) => {
    const hmac = await createHMAC(createSHA1(), key);
    hmac.init();
    hmac.update(message);
    return hmac.digest('hex');
  },
};

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
