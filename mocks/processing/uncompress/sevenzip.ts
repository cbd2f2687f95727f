import SevenZipPackage, { type SevenZipModule, type SevenZipModuleFactory } from '7z-wasm';
import { UncompressError } from './errors.ts';
import { checkDeclared, loadWhole } from './in-memory.ts';
import type { ArchiveMember, ArchiveWalk, EntryKind, ReaderOptions } from './members.ts';
import type { ArchiveObject } from './zip-reader.ts';

// 7-Zip prompts on stdin when no password is given; a key nobody uses turns the prompt into an error.
const NO_KEY = 'fileproc-no-uncompress-key';

// The package is UMD: Node's ESM loader sees `module.exports` (itself the factory), bundlers its `.default`.
const SevenZip = ((SevenZipPackage as unknown as { default?: SevenZipModuleFactory }).default ?? SevenZipPackage) as SevenZipModuleFactory;

interface Console7z { module: SevenZipModule; out: string[]; err: string[] }

/** One listed 7z entry (`7zz l -slt`). */
interface Listed { path: string; size: number; mtime: number; kind: EntryKind; encrypted: boolean }

/** Opens a 7z archive with 7z-wasm (in memory, bounded by inMemoryArchiveLimit): lists now, extracts on first read. */
export async function openSevenZip(archive: ArchiveObject, options: ReaderOptions): Promise<ArchiveWalk> {
  const data = await loadWhole(archive, options);
  const seven = await start();
  seven.module.FS.writeFile('/archive.7z', data);
  const password = `-p${options.password ?? NO_KEY}`;
  const keyGiven = options.password !== undefined;
  run(seven, ['l', '-slt', '-sccUTF-8', password, '/archive.7z'], { keyGiven, encrypted: headersEncrypted(data) });
  const listed = parseListing(seven.out.join('\n'));
  if (!options.listOnly && options.password === undefined && listed.some((e) => e.encrypted)) {
    throw new UncompressError('PasswordRequired', 'the 7z archive is encrypted and no UnCompressKey was given');
  }
  const names = listed.map((e) => e.path);
  if (!options.listOnly) checkDeclared(listed.length, listed.reduce((sum, e) => sum + e.size, 0), options);
  const extract = () => extractFiles(seven, listed, password, { keyGiven, encrypted: listed.some((e) => e.encrypted) });
  return { declaredEntries: listed.length, names, members: members(seven, listed, options.listOnly ? () => undefined : extract, options) };
}

/**
 * Extracts only the regular files, named in a list file with wildcards off (`-spd`): 7-Zip itself
 * refuses some links as an error, and links are never created anyway. Runs when the first member
 * is requested, i.e. after the caller has vetted every name.
 */
function extractFiles(seven: Console7z, listed: Listed[], password: string, key: KeyState): void {
  const files = listed.filter((e) => e.kind === 'file').map((e) => e.path);
  if (files.length === 0) return;
  seven.module.FS.writeFile('/files.txt', files.join('\n'));
  run(seven, ['x', '-y', '-bd', '-spd', '-sccUTF-8', '-scsUTF-8', password, '-o/out', '/archive.7z', '@/files.txt'], key);
  seven.module.FS.unlink('/archive.7z');
}

async function* members(seven: Console7z, listed: Listed[], extract: () => void, options: ReaderOptions): AsyncIterable<ArchiveMember> {
  extract();
  const total = listed.reduce((sum, e) => sum + e.size, 0);
  let done = 0;
  for (const entry of listed) {
    yield {
      name: entry.path, kind: entry.kind, size: entry.size, mtime: entry.mtime, encrypted: entry.encrypted,
      read: async function* () {
        const path = `/out/${entry.path}`;
        const content = seven.module.FS.readFile(path) as Uint8Array;
        seven.module.FS.unlink(path); // frees the in-memory copy as soon as it is handed over
        done += entry.size;
        options.onFraction(0.5 + done / Math.max(1, total) / 2);
        yield content;
      },
    };
  }
}

async function start(): Promise<Console7z> {
  const out: string[] = [];
  const err: string[] = [];
  const module = await SevenZip({ print: (line) => void out.push(line), printErr: (line) => void err.push(line), stdin: () => null as unknown as number });
  return { module, out, err };
}

/** Whether a wrong or missing key can explain a failure: keys given, and what is known to be encrypted. */
interface KeyState { keyGiven: boolean; encrypted: boolean }

function run(seven: Console7z, args: string[], key: KeyState): void {
  seven.out.length = 0;
  seven.err.length = 0;
  let code: unknown;
  let threw = false;
  try {
    code = seven.module.callMain(args);
  } catch {
    threw = true; // this WASM build aborts with a bare C++ exception on some wrong-key decodes
  }
  if (code === 0 && !threw) return;
  const message = [...seven.err, ...seven.out].join(' ');
  if (/wrong password|encrypted/i.test(message) || (threw && key.encrypted)) {
    throw key.keyGiven
      ? new UncompressError('InvalidPassword', 'the UnCompressKey does not decrypt the 7z archive')
      : new UncompressError('PasswordRequired', 'the 7z archive is encrypted and no UnCompressKey was given');
  }
  throw new UncompressError('ArchiveCorrupted', `the 7z archive is corrupt: ${seven.err.join(' ').trim() || `exit code ${String(code)}`}`);
}

// 7z coder id of 7zAES; found in the encoded (packed) header only when names are encrypted (-mhe=on).
const AES_CODER = [0x06, 0xf1, 0x07, 0x01];

/** True when the archive's header is encoded with AES, read from the start header's next-header pointer. */
function headersEncrypted(data: Uint8Array): boolean {
  if (data.byteLength < 32) return false;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const start = 32 + Number(view.getBigUint64(12, true));
  const size = Number(view.getBigUint64(20, true));
  if (data[start] !== 0x17 || start + size > data.byteLength) return false;
  const header = data.subarray(start, start + size);
  return header.some((_, i) => AES_CODER.every((byte, j) => header[i + j] === byte));
}

/** Parses `7zz l -slt`: one `Key = Value` block per entry after the `----------` line. */
function parseListing(text: string): Listed[] {
  const body = text.split('\n----------\n')[1] ?? '';
  return body.split(/\n\s*\n/).map(fields).filter((f) => f.has('Path')).map((f) => {
    const attributes = f.get('Attributes') ?? '';
    const unix = attributes.split(' ')[1] ?? '';
    const kind: EntryKind = attributes.startsWith('D') ? 'directory' : unix.startsWith('l') ? 'symlink' : unix.startsWith('-') || unix === '' ? 'file' : 'other';
    const modified = f.get('Modified') ?? '';
    const mtime = modified ? Date.parse(`${modified.slice(0, 19).replace(' ', 'T')}Z`) : 0;
    return { path: f.get('Path') ?? '', size: Number(f.get('Size') || 0), mtime: Number.isNaN(mtime) ? 0 : mtime, kind, encrypted: f.get('Encrypted') === '+' };
  });
}

function fields(block: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of block.split('\n')) {
    const eq = line.indexOf(' = ');
    if (eq > 0) map.set(line.slice(0, eq), line.slice(eq + 3));
  }
  return map;
}
