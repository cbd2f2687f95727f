/**
 * The minimal request and response the fetch handler's core works on. The Web `fetch` handler
 * (MSW, browsers, tests) wraps them around `Request`/`Response` (`web-exchange.ts`); the node:http
 * adapter builds them straight from `IncomingMessage` and writes them to `ServerResponse`, because
 * undici's `Request`/`Response` constructors cost more CPU than the whole describe operation.
 * There is still one HTTP implementation: everything between the two is shared.
 */
import type { Body } from '../store/types.ts';

/** Case-insensitive request header lookup (names lower-case in `forEach`, as Web `Headers`). */
export interface HeaderView {
  get(name: string): string | null;
  forEach(visit: (value: string, name: string) => void): void;
}

/** One request: method, absolute URL (origin-form targets made absolute with the Host), headers, body. */
export interface RequestView {
  readonly method: string;
  readonly url: string;
  /** `url` already parsed, when the adapter had to parse it anyway (saves a second parse). */
  readonly parsedUrl?: URL;
  readonly headers: HeaderView;
  /** Bytes already read, chunks still arriving, or null when the request has no body. */
  readonly body: Body | null;
}

/** One answer: status, headers, and a body that is text, bytes, a chunk stream, or nothing. */
export interface Reply {
  status: number;
  headers: ReplyHeaders;
  body: string | Uint8Array | AsyncIterable<Uint8Array> | null;
}

/**
 * Response headers: case-insensitive like Web `Headers`, but without its per-call validation and
 * with each name kept as the code spelled it (`ETag`, `x-ci-request-id`).
 */
export class ReplyHeaders {
  // Parallel arrays searched linearly: answers carry a handful of headers, and this allocates
  // far less per response than a Map of entries.
  readonly #names: string[] = [];
  readonly #values: string[] = [];

  constructor(init: Record<string, string> = {}) {
    for (const name in init) this.set(name, init[name] as string);
  }

  #find(name: string): number {
    // Names are nearly always spelled as they were set: an exact pass first, so the common case
    // lower-cases nothing.
    for (let i = 0; i < this.#names.length; i++) if (this.#names[i] === name) return i;
    const lower = name.toLowerCase();
    for (let i = 0; i < this.#names.length; i++) {
      const known = this.#names[i] as string;
      if (known.length === name.length && known.toLowerCase() === lower) return i;
    }
    return -1;
  }

  /** Sets (replaces) one header. */
  set(name: string, value: string): void {
    const at = this.#find(name);
    if (at === -1) {
      this.#names.push(name);
      this.#values.push(value);
    } else {
      this.#names[at] = name;
      this.#values[at] = value;
    }
  }

  /** Adds a value to a list header (`Vary`). */
  append(name: string, value: string): void {
    const at = this.#find(name);
    if (at === -1) this.set(name, value);
    else this.#values[at] = `${this.#values[at]}, ${value}`;
  }

  /** The value, or null. */
  get(name: string): string | null {
    const at = this.#find(name);
    return at === -1 ? null : (this.#values[at] as string);
  }

  /** Removes one header. */
  delete(name: string): void {
    const at = this.#find(name);
    if (at === -1) return;
    this.#names.splice(at, 1);
    this.#values.splice(at, 1);
  }

  /** `[name, value]` pairs in insertion order, names as set. */
  *entries(): IterableIterator<[string, string]> {
    for (let i = 0; i < this.#names.length; i++) yield [this.#names[i] as string, this.#values[i] as string];
  }

  /** Calls `visit` for each header (no pair arrays: what the node adapter uses). */
  forEach(visit: (value: string, name: string) => void): void {
    for (let i = 0; i < this.#names.length; i++) visit(this.#values[i] as string, this.#names[i] as string);
  }
}

const utf8 = new TextEncoder();
const scratch = new Uint8Array(64 * 1024);

/** UTF-8 byte length of a string (Content-Length of a text body) without allocating its bytes. */
export function utf8Length(text: string): number {
  // Encoding into a reused buffer is native and ~10× faster than counting in JS; a string that
  // may not fit (3 bytes per UTF-16 unit at most) is counted.
  if (text.length * 3 <= scratch.length) return utf8.encodeInto(text, scratch).written;
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a surrogate pair: 2 UTF-16 units, 4 bytes
      i++;
    } else bytes += 2; // BMP above U+07FF and lone surrogates (encoded as U+FFFD): 3 bytes
  }
  return bytes;
}
