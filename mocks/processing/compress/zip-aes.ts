/**
 * WinZip AES-256 (AE-2) entry encryption: PBKDF2-HMAC-SHA1 (1000 rounds) derives the AES key, the
 * HMAC key and a 2-byte password verifier from the password and a per-entry random salt; data is
 * AES-CTR with a little-endian counter starting at 1; a 10-byte HMAC-SHA1 of the ciphertext ends it.
 */
import { concatBytes } from './bytes.ts';

const SALT_LENGTH = 16;
const KEY_LENGTH = 32;

/** An incremental MAC. */
export interface Mac { update(data: Uint8Array): void; digest(): Uint8Array }

/** The primitives WinZip AES needs; web: pure-JS AES + hash-wasm (`zip-aes-web.ts`), Node: node:crypto. */
export interface ZipAesCrypto {
  pbkdf2Sha1(password: Uint8Array, salt: Uint8Array, iterations: number, length: number): Promise<Uint8Array>;
  hmacSha1(key: Uint8Array): Promise<Mac>;
  /** Returns a function that encrypts whole 16-byte blocks independently (AES-ECB) under `key`. */
  ecb(key: Uint8Array): (blocks: Uint8Array) => Uint8Array;
}

/** Encrypts one entry's (compressed) bytes in order; header + update* + finish form the entry data. */
export class ZipAesEntryEncryptor {
  readonly header: Uint8Array;
  readonly #ecb: (blocks: Uint8Array) => Uint8Array;
  readonly #mac: Mac;
  #counter = 0;
  #keystream: Uint8Array = new Uint8Array(0);
  #used = 0;

  private constructor(header: Uint8Array, ecb: (blocks: Uint8Array) => Uint8Array, mac: Mac) {
    this.header = header;
    this.#ecb = ecb;
    this.#mac = mac;
  }

  /** Derives the keys for one entry; `random` fills the salt (crypto.getRandomValues by default). */
  static async create(password: Uint8Array, random: (bytes: Uint8Array) => void, crypto: ZipAesCrypto): Promise<ZipAesEntryEncryptor> {
    const salt = new Uint8Array(SALT_LENGTH);
    random(salt);
    const derived = await crypto.pbkdf2Sha1(password, salt, 1000, 2 * KEY_LENGTH + 2);
    const mac = await crypto.hmacSha1(derived.slice(KEY_LENGTH, 2 * KEY_LENGTH));
    const header = concatBytes([salt, derived.slice(2 * KEY_LENGTH)]);
    return new ZipAesEntryEncryptor(header, crypto.ecb(derived.slice(0, KEY_LENGTH)), mac);
  }

  /** Encrypts the next plaintext bytes (returns a new buffer; the input is left untouched). */
  update(plain: Uint8Array): Uint8Array {
    const out = new Uint8Array(plain.length);
    for (let i = 0; i < plain.length; i++) {
      if (this.#used === this.#keystream.length) this.#refill(plain.length - i);
      out[i] = (plain[i] as number) ^ (this.#keystream[this.#used++] as number);
    }
    this.#mac.update(out);
    return out;
  }

  /** The 10-byte authentication code that closes the entry. */
  finish(): Uint8Array {
    return this.#mac.digest().subarray(0, 10);
  }

  /** Keystream for at least `bytes` more bytes: AES of the counter blocks, counted little-endian from 1. */
  #refill(bytes: number): void {
    const blocks = Math.ceil(bytes / 16);
    const counters = new Uint8Array(blocks * 16);
    const view = new DataView(counters.buffer);
    for (let b = 0; b < blocks; b++) {
      this.#counter++;
      view.setUint32(b * 16, this.#counter % 2 ** 32, true);
      view.setUint32(b * 16 + 4, Math.floor(this.#counter / 2 ** 32), true);
    }
    this.#keystream = this.#ecb(counters);
    this.#used = 0;
  }
}

/** The default salt source: the platform CSPRNG (WebCrypto, also global in Node ≥ 20). */
export const cryptoRandom = (bytes: Uint8Array): void => void globalThis.crypto.getRandomValues(bytes);
