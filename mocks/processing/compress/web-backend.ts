import { Deflate } from 'fflate';
import type { CompressBackend, DeflateSession, Deflater } from './backend.ts';
import { crc32 } from './crc32.ts';
import { concatBytes } from './bytes.ts';
import { webZipAesCrypto } from './zip-aes-web.ts';

/** Single-threaded DEFLATE on fflate (pure JS): runs in any browser bundle. */
export const webDeflater: Deflater = {
  open(level: number): DeflateSession {
    const pending: Uint8Array[] = [];
    const deflate = new Deflate({ level: clampLevel(level) }, (data) => void pending.push(data));
    const drain = (): Uint8Array => concatBytes(pending.splice(0, pending.length));
    return {
      write: async (chunk) => {
        deflate.push(chunk);
        return drain();
      },
      end: async () => {
        deflate.push(new Uint8Array(0), true);
        return drain();
      },
    };
  },
};

function clampLevel(level: number): 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 {
  return Math.min(9, Math.max(0, Math.round(level))) as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

/** The browser-safe backend (fflate, JS CRC-32, JS AES + hash-wasm); the default when no backend is injected. */
export const webBackend: CompressBackend = { deflater: webDeflater, crc32, aes: webZipAesCrypto };
