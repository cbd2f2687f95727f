/**
 * The object store every job reads from and writes to (COS object subset, reference §2 / issue 3).
 * Keys are raw (decoded) object keys; buckets are `name-appid` strings.
 */

/** What HEAD returns and listings carry. */
export interface ObjectMeta {
  bucket: string;
  key: string;
  size: number;
  /** Quoted lower-case hex MD5 of the content, e.g. `"d41d8cd98f00b204e9800998ecf8427e"`. */
  etag: string;
  /** Milliseconds since the epoch, from the store's injected clock. */
  lastModified: number;
  contentType: string;
  /** User metadata as lower-case header names, e.g. `{ 'x-cos-meta-md5': '…' }`. */
  userMeta: Record<string, string>;
  /** Other stored headers (cache-control, content-disposition, content-encoding, expires). */
  headers: Record<string, string>;
}

/** Bytes as one buffer or as a stream of chunks; stores never require the whole body in memory. */
export type Body = Uint8Array | AsyncIterable<Uint8Array>;

/** Optional attributes when writing an object. */
export interface PutOptions {
  contentType?: string;
  userMeta?: Record<string, string>;
  headers?: Record<string, string>;
}

/** An inclusive byte range, as in an HTTP `Range: bytes=start-end` header. */
export interface ByteRange {
  start: number;
  /** Inclusive; defaults to the last byte. */
  end?: number;
}

/** Listing parameters of GET Bucket (prefix/marker/max-keys/delimiter). */
export interface ListOptions {
  prefix?: string;
  marker?: string;
  maxKeys?: number;
  delimiter?: string;
}

/** One page of a listing, keys in ascending UTF-8 byte order. */
export interface ListPage {
  objects: ObjectMeta[];
  commonPrefixes: string[];
  isTruncated: boolean;
  nextMarker?: string;
}

/** How a reader consumes a body. */
export interface ReadOptions {
  /**
   * The reader is done with each chunk before it asks for the next (e.g. it hashes or copies it),
   * so the store may reuse one buffer for later chunks instead of allocating a fresh one per chunk
   * (fresh 1 MiB buffers cost ~25 % extra CPU when hashing). Chunks must not be kept.
   */
  transientChunks?: boolean;
}

/**
 * A readable object: its metadata and a body stream (the whole object or the requested range).
 * The body may hold a file open: read it to the end or call its iterator's `return()`.
 */
export interface ObjectReadable {
  meta: ObjectMeta;
  body: AsyncIterable<Uint8Array>;
}

/**
 * An object's body as an open local file (filesystem store, Node only), for native tools that need
 * a file: the descriptor keeps reading the same body even if the object is replaced or deleted.
 */
export interface LocalFile {
  /** OS file descriptor, open for reading until `close()`. */
  fd: number;
  size: number;
  close(): Promise<void>;
}

/** The store interface; implementations: memory (default, browser-safe) and filesystem (`--data-dir`). */
export interface ObjectStore {
  head(bucket: string, key: string): Promise<ObjectMeta | undefined>;
  /** The range is clamped to the object; one starting past the last byte yields an empty body. */
  get(bucket: string, key: string, range?: ByteRange, options?: ReadOptions): Promise<ObjectReadable | undefined>;
  /**
   * Writes atomically: readers see the old object or the complete new one, never a part. The store
   * keeps copies: once the put settles, the caller may reuse the body's buffers (and a streamed
   * chunk's once the next one is asked for, unless it was given up with `handOver`).
   */
  put(bucket: string, key: string, body: Body, options?: PutOptions): Promise<ObjectMeta>;
  delete(bucket: string, key: string): Promise<boolean>;
  list(bucket: string, options?: ListOptions): Promise<ListPage>;
  /** Merges user metadata into an existing object (FileHashCode AddToHeader); undefined if absent. */
  updateUserMeta(bucket: string, key: string, userMeta: Record<string, string>): Promise<ObjectMeta | undefined>;
  /** Optional (filesystem store): the object's current body opened as a local file; undefined if absent. */
  openLocal?(bucket: string, key: string): Promise<LocalFile | undefined>;
}
