/**
 * WinZip AES-256 (AE-2) entry encryption: PBKDF2-HMAC-SHA1 (1000 rounds) derives the AES key, the
 * HMAC key and a 2-byte password verifier from the password and a per-entry random salt; data is
 * AES-CTR with a little-endian counter starting at 1; a 10-byte HMAC-SHA1 of the ciphertext ends it.
 */
import { createHMAC, createSHA1, pbkdf2, type IHasher } from 'hash-wasm';
import { AesEncryptor } from './aes.ts';
import { concatBytes } from './bytes.ts';

const SALT_LENGTH = 16;
const KEY_LENGTH = 32;

/** Encrypts one entry's (compressed) bytes in order; header + update* + finish form the entry data. */
export class ZipAesEntryEncryptor {
  readonly header: Uint8Array;
  readonly #aes: AesEncryptor;
  readonly #mac: IHasher;
  readonly #counter = new Uint8Array(16);
  readonly #keystream = new Uint8Array(16);
  #used = 16;

  private constructor(header: Uint8Array, aes: AesEncryptor, mac: IHasher) {
    this.header = header;
    this.#aes = aes;
    this.#mac = mac;
  }

  /** Derives the keys for one entry; `random` fills the salt (crypto.getRandomValues by default). */
  static async create(password: Uint8Array, random: (bytes: Uint8Array) => void): Promise<ZipAesEntryEncryptor> {
    const salt = new Uint8Array(SALT_LENGTH);
    random(salt);
    const derived = await pbkdf2({ password, salt, iterations: 1000, hashLength: 2 * KEY_LENGTH + 2, hashFunction: createSHA1(), outputType: 'binary' });
    const mac = await createHMAC(createSHA1(), derived.subarray(KEY_LENGTH, 2 * KEY_LENGTH));
    const header = concatBytes([salt, derived.subarray(2 * KEY_LENGTH)]);
    return new ZipAesEntryEncryptor(header.slice(), new AesEncryptor(derived.subarray(0, KEY_LENGTH)), mac);
  }

  /** Encrypts the next plaintext bytes (returns a new buffer; the input is left untouched). */
  update(plain: Uint8Array): Uint8Array {
    const out = new Uint8Array(plain.length);
    for (let i = 0; i < plain.length; i++) {
      if (this.#used === 16) this.#nextKeystream();
      out[i] = (plain[i] as number) ^ (this.#keystream[this.#used++] as number);
    }
    this.#mac.update(out);
    return out;
  }

  /** The 10-byte authentication code that closes the entry. */
  finish(): Uint8Array {
    return this.#mac.digest('binary').subarray(0, 10);
  }

  #nextKeystream(): void {
    for (let i = 0; i < 16; i++) {
      const byte = ((this.#counter[i] as number) + 1) & 0xff;
      this.#counter[i] = byte;
      if (byte !== 0) break;
    }
    this.#aes.encryptBlock(this.#counter, 0, this.#keystream, 0);
    this.#used = 0;
  }
}

/** The default salt source: the platform CSPRNG (WebCrypto, also global in Node ≥ 20). */
export const cryptoRandom = (bytes: Uint8Array): void => void globalThis.crypto.getRandomValues(bytes);
