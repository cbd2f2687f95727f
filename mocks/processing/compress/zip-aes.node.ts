import { createCipheriv, createHmac, pbkdf2 } from 'node:crypto';
import type { ZipAesCrypto } from './zip-aes.ts';

/** WinZip AES primitives on node:crypto (native AES-ECB, HMAC-SHA1 and PBKDF2 off the main thread). */
export const nodeZipAesCrypto: ZipAesCrypto = {
  pbkdf2Sha1: (password, salt, iterations, length) =>
    new Promise((resolve, reject) => pbkdf2(password, salt, iterations, length, 'sha1', (error, key) => (error ? reject(error) : resolve(new Uint8Array(key))))),
  async hmacSha1(key) {
    const hmac = createHmac('sha1', key);
    return { update: (data) => void hmac.update(data), digest: () => new Uint8Array(hmac.digest()) };
  },
  ecb(key) {
    const cipher = createCipheriv('aes-256-ecb', key, null).setAutoPadding(false);
    return (blocks) => new Uint8Array(cipher.update(blocks));
  },
};
