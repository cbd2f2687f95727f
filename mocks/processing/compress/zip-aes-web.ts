import { createHMAC, createSHA1, pbkdf2 } from 'hash-wasm';
import { AesEncryptor } from './aes.ts';
import type { ZipAesCrypto } from './zip-aes.ts';

/** WinZip AES primitives for browsers: pure-JS AES blocks, hash-wasm PBKDF2 and HMAC-SHA1. */
export const webZipAesCrypto: ZipAesCrypto = {
  pbkdf2Sha1: (password, salt, iterations, length) =>
    pbkdf2({ password, salt, iterations, hashLength: length, hashFunction: createSHA1(), outputType: 'binary' }),
  async hmacSha1(key) {
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
