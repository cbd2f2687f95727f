/** Uniform floats in [0, 1), the shape of `Math.random`; injected so the engine stays pure. */
export type RandomSource = () => number;

function splitmix32(state: number): () => number {
  let s = state | 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
}

/** FNV-1a over UTF-16 units: turns a textual `--seed` into 32 bits. */
function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * A deterministic RandomSource for the mock's `--seed` (sfc32 seeded through splitmix32):
 * the same seed gives the same ids on every run and platform. Not for secrets.
 */
export function seededRandom(seed: number | string): RandomSource {
  const numeric = typeof seed === 'number' ? Math.trunc(seed) : Number.NaN;
  const low = Number.isFinite(numeric) ? numeric % 2 ** 32 : hashSeed(String(seed));
  const high = Number.isFinite(numeric) ? Math.floor(numeric / 2 ** 32) : 0x5eed;
  const mix = splitmix32(low ^ Math.imul(high, 0x9e3779b1));
  let [a, b, c, d] = [mix(), mix(), mix(), mix()];
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 2 ** 32;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

const cryptoPool = new Uint32Array(256);
let cryptoNext = cryptoPool.length;

/**
 * A RandomSource on `crypto.getRandomValues` (Node >= 20 and browsers), for real servers. Draws
 * 256 values per call into a pool: one call costs about as much as 256 values, and a request id
 * alone takes six.
 */
export const cryptoRandom: RandomSource = () => {
  if (cryptoNext === cryptoPool.length) {
    globalThis.crypto.getRandomValues(cryptoPool);
    cryptoNext = 0;
  }
  return (cryptoPool[cryptoNext++] as number) / 2 ** 32;
};

/** `count` random bytes drawn from a RandomSource. */
export function randomBytes(random: RandomSource, count: number): Uint8Array {
  const bytes = new Uint8Array(count);
  for (let i = 0; i < count; i++) bytes[i] = Math.floor(random() * 256) & 0xff;
  return bytes;
}

/** Lower-case hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}
