import { createMD5, createSHA1, createSHA256, type IHasher } from 'hash-wasm';
import type { HashFactory, IncrementalHash } from './types.ts';

const creators = { md5: createMD5, sha1: createSHA1, sha256: createSHA256 } as const;

/** Browser-safe HashFactory on hash-wasm (WebAssembly); also runs in Node. */
export const webHashFactory: HashFactory = async (algorithm) => {
  const hasher: IHasher = await creators[algorithm]();
  hasher.init();
  const hash: IncrementalHash = {
    update: (chunk) => void hasher.update(chunk),
    digestHex: () => hasher.digest('hex'),
  };
  return hash;
};
