import { UncompressError } from './errors.ts';
import { checkDeclared } from './in-memory.ts';
import type { ArchiveMember, ArchiveWalk, ReaderOptions } from './members.ts';
import { sanitizeEntryName } from './paths.ts';
import {
  checkListing, checkRun, extractArgs, failureOf, fileList, listArgs, listedMember, parseListing, requireKeyFor,
  type ConsoleRun, type KeyState, type Listed,
} from './sevenzip-listing.ts';
import { listNatively, NativeSevenZipSession, nativeTakesKey } from './sevenzip-native-session.node.ts';
import { sevenZipBinary } from './sevenzip-native.node.ts';
import { SevenZipSession, type ExtractionSession, type SessionEvent } from './sevenzip-worker.node.ts';
import { readRange } from './store-range.ts';
import type { ArchiveObject } from './zip-reader.ts';

const ARCHIVE = '/archive.7z';

/**
 * Node 7z reader: with a native 7-Zip (sevenzip-native.node.ts) it lists (`l -slt`, when the store
 * has a local file) and extracts; otherwise 7z-wasm in a worker thread lists, reading the archive
 * from the store by ranges, and extracts, streaming each file back. Both listings go through the
 * same parser and failure classifier. Either way neither the archive nor its
 * output is held in memory (no inMemoryArchiveLimit) and decoding overlaps the store writes here.
 */
export async function openSevenZipStreamed(archive: ArchiveObject, options: ReaderOptions): Promise<ArchiveWalk> {
  return sevenZipReader(await sevenZipBinary())(archive, options);
}

/**
 * The Node 7z reader that runs the native 7-Zip `binary`, or 7z-wasm when undefined — also for a
 * key the native one cannot take without showing it on its command line (`nativeTakesKey`).
 */
export function sevenZipReader(binary: string | undefined): (archive: ArchiveObject, options: ReaderOptions) => Promise<ArchiveWalk> {
  return async (archive, options) => {
    if (binary !== undefined && !nativeTakesKey(options.password)) return sevenZipReader(undefined)(archive, options);
    const keyGiven = options.password !== undefined;
    // Natively only from the store's own file: a private copy of the whole archive would cost more than 7z-wasm reading the header by ranges.
    const listing = binary !== undefined && archive.store.openLocal
      ? await listNatively(binary, archive, options.password)
      : await runToEnd(await SevenZipSession.start(archive, listArgs(options, ARCHIVE)));
    await checkListing(listing, keyGiven, archive.size, (offset, length) => readRange(archive.store, archive.bucket, archive.key, offset, length));
    const listed = parseListing(listing.out.join('\n'));
    requireKeyFor(listed, options);
    if (!options.listOnly) {
      checkDeclared(listed.length, listed.reduce((sum, e) => sum + e.size, 0), options, options.limits.maxUncompressedBytes);
    }
    const key: KeyState = { keyGiven, encrypted: listed.some((e) => e.encrypted) };
    const start = binary === undefined
      ? () => SevenZipSession.start(archive, extractArgs(options, ARCHIVE, '/out', '/files.txt'), fileList(listed))
      : () => NativeSevenZipSession.start(binary, archive, listed, options.password);
    return {
      declaredEntries: listed.length,
      names: listed.map((e) => e.path),
      members: options.listOnly ? listedOnly(listed) : extracted(start, listed, options, key),
    };
  };
}

async function* listedOnly(listed: Listed[]): AsyncIterable<ArchiveMember> {
  for (const entry of listed) yield listedMember(entry, () => failUnread());
}

/**
 * Starts the extraction when the first member is asked for (the caller has vetted every name by
 * then) and pairs each listed regular file with the next file 7-Zip writes (archive order).
 */
async function* extracted(start: () => Promise<ExtractionSession>, listed: Listed[], options: ReaderOptions, key: KeyState): AsyncIterable<ArchiveMember> {
  const session = fileList(listed) === '' ? undefined : await start();
  const total = Math.max(1, listed.reduce((sum, e) => (e.kind === 'file' ? sum + e.size : sum), 0));
  let done = 0;
  const content = new FileContent(key, (bytes) => options.onFraction((done += bytes) / total));
  try {
    for (const entry of listed) {
      if (entry.kind !== 'file' || !session) {
        yield listedMember(entry, () => failUnread());
        continue;
      }
      await content.open(session, entry.path);
      yield { ...listedMember(entry, () => content.read(session)), freshChunks: session.freshChunks };
      await content.skip(session); // a member the caller did not want is still decoded: drop its bytes
    }
    if (session) checkRun(await content.finish(session), key);
  } finally {
    await session?.close();
  }
}

/** Tracks the file 7-Zip is writing: its bytes, and whether it ended cleanly. */
class FileContent {
  readonly #key: KeyState;
  readonly #onBytes: (bytes: number) => void;
  readonly #errors: string[] = [];
  /** `unread` after 7-Zip opened the file, `read` once handed out, `ended` once 7-Zip moved on cleanly. */
  #state: 'unread' | 'read' | 'ended' = 'ended';
  #closed = true;
  #lookahead: SessionEvent | undefined;

  constructor(key: KeyState, onBytes: (bytes: number) => void) {
    this.#key = key;
    this.#onBytes = onBytes;
  }

  /** Waits until 7-Zip opens the next output file and checks it is the expected entry. */
  async open(session: ExtractionSession, path: string): Promise<void> {
    const event = await this.#next(session);
    if (event.type !== 'open') this.#fail(event);
    if (sanitizeEntryName(event.path) !== sanitizeEntryName(path)) {
      throw new UncompressError('InternalError', `7-Zip extracted ${JSON.stringify(event.path)} where ${JSON.stringify(path)} was expected`);
    }
    this.#state = 'unread';
    this.#closed = false;
  }

  /** The open file's bytes; it ends only once 7-Zip has moved on without an error for it. */
  read(session: ExtractionSession): AsyncIterable<Uint8Array> {
    if (this.#state !== 'unread') throw new UncompressError('InternalError', 'a 7z member was read twice');
    this.#state = 'read';
    return this.#rest(session);
  }

  /** Drops whatever of the file nobody read (a member not selected, or one not drained). */
  async skip(session: ExtractionSession): Promise<void> {
    if (this.#state === 'ended') return;
    for await (const chunk of this.#rest(session)) void chunk;
  }

  async *#rest(session: ExtractionSession): AsyncIterable<Uint8Array> {
    while (!this.#closed) {
      const event = await this.#next(session);
      if (event.type === 'data') {
        this.#onBytes(event.chunk.byteLength);
        yield event.chunk;
      } else if (event.type === 'close') {
        this.#closed = true;
      } else {
        this.#fail(event);
      }
    }
    // 7-Zip reports a bad CRC or a decoding error after closing the file: look at what comes next.
    const after = await this.#next(session);
    if (after.type !== 'open' && after.type !== 'done') this.#fail(after);
    if (after.type === 'done') checkRun(after, this.#key);
    this.#lookahead = after;
    this.#state = 'ended';
  }

  /** Waits for 7-Zip to exit; its run decides success. */
  async finish(session: ExtractionSession): Promise<ConsoleRun> {
    const event = await this.#next(session);
    if (event.type !== 'done') this.#fail(event);
    return event;
  }

  async #next(session: ExtractionSession): Promise<SessionEvent> {
    const event = this.#lookahead ?? (await session.next());
    this.#lookahead = undefined;
    if (event.type !== 'err') return event;
    // Error lines name the failed file; the exit status follows, but a decoder error stops here.
    this.#errors.push(event.line);
    throw failureOf({ code: undefined, threw: false, out: [], err: this.#errors }, this.#key);
  }

  #fail(event: SessionEvent): never {
    if (event.type === 'failed') throw event.error;
    if (event.type === 'done') {
      checkRun(event, this.#key);
      throw new UncompressError('ArchiveCorrupted', 'the 7z archive ended before every listed file was extracted');
    }
    throw new UncompressError('InternalError', `unexpected 7z worker event ${event.type}`);
  }
}

function failUnread(): never {
  throw new UncompressError('InternalError', 'this 7z entry has no content to read');
}

/** Runs a session to its exit, collecting its run (listing). */
async function runToEnd(session: ExtractionSession): Promise<ConsoleRun> {
  try {
    for (;;) {
      const event = await session.next();
      if (event.type === 'done') return event;
      if (event.type === 'failed') throw event.error;
    }
  } finally {
    await session.close();
  }
}
