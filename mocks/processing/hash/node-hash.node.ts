import { createHash } from 'node:crypto';
import type { HashFactory, IncrementalHash } from './types.ts';

/** Node's fast path: node:crypto (OpenSSL) behind the same HashFactory as the web variant. */
export const nodeHashFactory: HashFactory = async (algorithm) => {
  const hasher = createHash(algorithm);
  const hash: IncrementalHash = {
    update: (chunk) => void hasher.update(chunk),
    digestHex: () => hasher.digest('hex'),
  };
  return hash;
};
