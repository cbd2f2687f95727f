/** Digest algorithms of FileHashCode (reference §2.4) and the sync `ci-process=filehash` (§2.12). */
export type HashAlgorithm = 'md5' | 'sha1' | 'sha256';

/** An incremental digest: feed chunks, then read the lower-case hex digest once. */
export interface IncrementalHash {
  update(chunk: Uint8Array): void;
  digestHex(): string;
}

/**
 * Creates incremental hashes. Node uses node:crypto (fast path); browsers use hash-wasm.
 * Injected so that everything below the adapters stays browser-safe.
 */
export type HashFactory = (algorithm: HashAlgorithm) => Promise<IncrementalHash>;
