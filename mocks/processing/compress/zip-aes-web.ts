import { AesEncryptor } from './aes.ts';
import type { ZipAesCrypto } from './zip-aes.ts';

/**
 * hash-wasm is imported on the first encrypted entry, not with this module: every compress job
 * loads the web backend (the default), and importing hash-wasm took 40 ms of start-up on an idle
 * core here (190 ms under load) although most jobs encrypt nothing.
 */
const hashWasm = () => import('hash-wasm');

/** WinZip AES primitives for browsers: pure-JS AES blocks, hash-wasm PBKDF2 and HMAC-SHA1. */
export const webZipAesCrypto: ZipAesCrypto = {
  async pbkdf2Sha1(password, salt, iterations, length) {
    const { pbkdf2, createSHA1 } = await hashWasm();
    return pbkdf2({ password, salt, iterations, hashLength: length, hashFunction: createSHA1(), outputType: 'binary' });
  },
  async hmacSha1(key) {
    const { createHMAC, createSHA1 } = await hashWasm();
    const hmac = await createHMAC(createSHA1(), key);
    return { update: (data) => void hmac.update(data), digest: () => hmac.digest('binary') };
  },
  ecb(key) {
    const aes = new AesEncryptor(key);
    return (blocks) => {
      const out = new Uint8Array(blocks.length);
      for (let offset = 0; offset < blocks.length; offset += 16) aes.encryptBlock(blocks, offset, out, offset);
      return out;
    };
  },
};
