/**
 * AES encryption of single blocks (FIPS-197), pure JS, for WinZip AES in browsers: WebCrypto has
 * no raw block (ECB) mode and its CTR counts big-endian, while WinZip counts little-endian.
 * Encryption only — the archive writer never decrypts.
 */

const SBOX = new Uint8Array(256);
const T0 = new Uint32Array(256);
const T1 = new Uint32Array(256);
const T2 = new Uint32Array(256);
const T3 = new Uint32Array(256);

function xtime(a: number): number {
  return ((a << 1) ^ (a & 0x80 ? 0x11b : 0)) & 0xff;
}

function gfMultiply(a: number, b: number): number {
  let product = 0;
  for (let bit = 0; bit < 8; bit++, a = xtime(a), b >>= 1) if (b & 1) product ^= a;
  return product;
}

let tablesReady = false;

// Built on first use, not at import: ~5 ms of CPU that every `fileproc serve` start paid for a
// browser-only cipher.
function initTables(): void {
  if (tablesReady) return;
  tablesReady = true;
  const inverse = new Uint8Array(256);
  for (let a = 1; a < 256; a++) for (let b = 1; b < 256; b++) if (gfMultiply(a, b) === 1) inverse[a] = b;
  for (let x = 0; x < 256; x++) {
    const v = inverse[x] as number;
    const rotl = (n: number): number => ((v << n) | (v >> (8 - n))) & 0xff;
    const s = v ^ rotl(1) ^ rotl(2) ^ rotl(3) ^ rotl(4) ^ 0x63;
    SBOX[x] = s;
    const word = ((xtime(s) << 24) | (s << 16) | (s << 8) | (xtime(s) ^ s)) >>> 0;
    T0[x] = word;
    T1[x] = ((word >>> 8) | (word << 24)) >>> 0;
    T2[x] = ((word >>> 16) | (word << 16)) >>> 0;
    T3[x] = ((word >>> 24) | (word << 8)) >>> 0;
  }
}

function subWord(w: number): number {
  return (((SBOX[w >>> 24] as number) << 24) | ((SBOX[(w >>> 16) & 0xff] as number) << 16) | ((SBOX[(w >>> 8) & 0xff] as number) << 8) | (SBOX[w & 0xff] as number)) >>> 0;
}

/** An AES-128/192/256 block encryptor with an expanded key schedule. */
export class AesEncryptor {
  readonly #w: Uint32Array;
  readonly #rounds: number;

  constructor(key: Uint8Array) {
    initTables();
    const nk = key.length / 4;
    if (![4, 6, 8].includes(nk)) throw new Error('[fileproc] AES key must be 16, 24 or 32 bytes');
    this.#rounds = nk + 6;
    const w = new Uint32Array(4 * (this.#rounds + 1));
    const view = new DataView(key.buffer, key.byteOffset, key.byteLength);
    for (let i = 0; i < nk; i++) w[i] = view.getUint32(4 * i);
    for (let i = nk, rcon = 1; i < w.length; i++) {
      let t = w[i - 1] as number;
      if (i % nk === 0) {
        t = (subWord(((t << 8) | (t >>> 24)) >>> 0) ^ (rcon << 24)) >>> 0;
        rcon = xtime(rcon);
      } else if (nk > 6 && i % nk === 4) t = subWord(t);
      w[i] = ((w[i - nk] as number) ^ t) >>> 0;
    }
    this.#w = w;
  }

  /** Encrypts the 16 bytes at `input[inOffset]` into `output[outOffset]`. */
  encryptBlock(input: Uint8Array, inOffset: number, output: Uint8Array, outOffset: number): void {
    const w = this.#w;
    const word = (i: number): number => (((input[inOffset + i] as number) << 24) | ((input[inOffset + i + 1] as number) << 16) | ((input[inOffset + i + 2] as number) << 8) | (input[inOffset + i + 3] as number)) >>> 0;
    let s0 = word(0) ^ (w[0] as number), s1 = word(4) ^ (w[1] as number), s2 = word(8) ^ (w[2] as number), s3 = word(12) ^ (w[3] as number);
    for (let r = 1; r < this.#rounds; r++) {
      const k = 4 * r;
      const t0 = (T0[s0 >>> 24] as number) ^ (T1[(s1 >>> 16) & 0xff] as number) ^ (T2[(s2 >>> 8) & 0xff] as number) ^ (T3[s3 & 0xff] as number) ^ (w[k] as number);
      const t1 = (T0[s1 >>> 24] as number) ^ (T1[(s2 >>> 16) & 0xff] as number) ^ (T2[(s3 >>> 8) & 0xff] as number) ^ (T3[s0 & 0xff] as number) ^ (w[k + 1] as number);
      const t2 = (T0[s2 >>> 24] as number) ^ (T1[(s3 >>> 16) & 0xff] as number) ^ (T2[(s0 >>> 8) & 0xff] as number) ^ (T3[s1 & 0xff] as number) ^ (w[k + 2] as number);
      const t3 = (T0[s3 >>> 24] as number) ^ (T1[(s0 >>> 16) & 0xff] as number) ^ (T2[(s1 >>> 8) & 0xff] as number) ^ (T3[s2 & 0xff] as number) ^ (w[k + 3] as number);
      s0 = t0 >>> 0; s1 = t1 >>> 0; s2 = t2 >>> 0; s3 = t3 >>> 0;
    }
    const states = [s0, s1, s2, s3];
    const k = 4 * this.#rounds;
    for (let c = 0; c < 4; c++) {
      const a = states[c] as number, b = states[(c + 1) % 4] as number, d = states[(c + 2) % 4] as number, e = states[(c + 3) % 4] as number;
      const out = (((SBOX[a >>> 24] as number) << 24) | ((SBOX[(b >>> 16) & 0xff] as number) << 16) | ((SBOX[(d >>> 8) & 0xff] as number) << 8) | (SBOX[e & 0xff] as number)) ^ (w[k + c] as number);
      output[outOffset + 4 * c] = out >>> 24;
      output[outOffset + 4 * c + 1] = (out >>> 16) & 0xff;
      output[outOffset + 4 * c + 2] = (out >>> 8) & 0xff;
      output[outOffset + 4 * c + 3] = out & 0xff;
    }
  }
}
