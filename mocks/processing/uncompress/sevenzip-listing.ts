/**
 * What both 7z readers (in memory for browsers, streamed through a worker in Node) share around
 * 7z-wasm's console: the listing parser, the encrypted-header probe and the exit-status classifier.
 */
import { UncompressError } from './errors.ts';
import type { ArchiveMember, EntryKind, ReaderOptions } from './members.ts';

// 7-Zip prompts on stdin when no password is given; a key nobody uses turns the prompt into an error.
const NO_KEY = 'fileproc-no-uncompress-key';

/** One listed 7z entry (`7zz l -slt`); `crc` is the CRC-32 of its content when the archive stores one. */
export interface Listed { path: string; size: number; mtime: number; kind: EntryKind; encrypted: boolean; crc?: number }

/** Whether a wrong or missing key can explain a failure: keys given, and what is known to be encrypted. */
export interface KeyState { keyGiven: boolean; encrypted: boolean }

/** How one `callMain` ended: its exit code, whether it threw, and what it printed. */
export interface ConsoleRun { code: unknown; threw: boolean; out: string[]; err: string[] }

/** The `-p` switch for the job's key (or for the unused key that stops the stdin prompt). */
export function passwordSwitch(options: Pick<ReaderOptions, 'password'>): string {
  return `-p${options.password ?? NO_KEY}`;
}

/** The switches of the listing command (UTF-8 names, the key) before the archive path. */
export function listArgs(options: Pick<ReaderOptions, 'password'>, archivePath: string): string[] {
  return ['l', '-slt', '-sccUTF-8', passwordSwitch(options), archivePath];
}

/**
 * The extraction command: only the regular files, named in a list file with wildcards off (`-spd`):
 * 7-Zip itself refuses some links as an error, and links are never created anyway.
 */
export function extractArgs(options: Pick<ReaderOptions, 'password'>, archivePath: string, outDir: string, listFile: string): string[] {
  return ['x', '-y', '-bd', '-spd', '-sccUTF-8', '-scsUTF-8', passwordSwitch(options), `-o${outDir}`, archivePath, `@${listFile}`];
}

/** The regular files of a listing, one path a line: the list file of `extractArgs`. */
export function fileList(listed: Listed[]): string {
  return listed.filter((e) => e.kind === 'file').map((e) => e.path).join('\n');
}

/** Throws the failure a non-zero exit (or an abort inside the WASM) stands for; returns on success. */
export function checkRun(run: ConsoleRun, key: KeyState): void {
  if (run.code === 0 && !run.threw) return;
  throw failureOf(run, key);
}

/** The job failure for a failed 7-Zip run: a key problem when the messages (or an abort on encrypted data) say so. */
export function failureOf(run: ConsoleRun, key: KeyState): UncompressError {
  const message = [...run.err, ...run.out].join(' ');
  // This WASM build aborts with a bare C++ exception on some wrong-key decodes.
  if (/wrong password|encrypted/i.test(message) || (run.threw && key.encrypted)) {
    return key.keyGiven
      ? new UncompressError('InvalidPassword', 'the UnCompressKey does not decrypt the 7z archive')
      : new UncompressError('PasswordRequired', 'the 7z archive is encrypted and no UnCompressKey was given');
  }
  return new UncompressError('ArchiveCorrupted', `the 7z archive is corrupt: ${run.err.join(' ').trim() || `exit code ${String(run.code)}`}`);
}

/** The member of a listed entry, its content from `read`. */
export function listedMember(entry: Listed, read: () => AsyncIterable<Uint8Array>): ArchiveMember {
  return { name: entry.path, kind: entry.kind, size: entry.size, mtime: entry.mtime, encrypted: entry.encrypted, read };
}

/** Refuses to extract encrypted entries without a key (before anything is written). */
export function requireKeyFor(listed: Listed[], options: Pick<ReaderOptions, 'password' | 'listOnly'>): void {
  if (!options.listOnly && options.password === undefined && listed.some((e) => e.encrypted)) {
    throw new UncompressError('PasswordRequired', 'the 7z archive is encrypted and no UnCompressKey was given');
  }
}

// 7z coder id of 7zAES; found in the encoded (packed) header only when names are encrypted (-mhe=on).
const AES_CODER = [0x06, 0xf1, 0x07, 0x01];

/** Bytes `offset..offset+length` of the archive, from memory or from the store. */
export type ArchiveBytes = (offset: number, length: number) => Uint8Array | Promise<Uint8Array>;

/**
 * Throws the failure a failed listing stands for. Only then is the header probed for AES (-mhe=on):
 * with encrypted names an abort inside the WASM means a missing or wrong key, not a corrupt archive.
 */
export async function checkListing(listing: ConsoleRun, keyGiven: boolean, size: number, read: ArchiveBytes): Promise<void> {
  if (listing.code === 0 && !listing.threw) return;
  checkRun(listing, { keyGiven, encrypted: await headersEncrypted(size, read) });
}

/** Whether the next header (found from the 32-byte start header) is an encoded header (0x17) naming the AES coder. */
async function headersEncrypted(size: number, read: ArchiveBytes): Promise<boolean> {
  if (size < 32) return false;
  const start = await read(0, 32);
  const view = new DataView(start.buffer, start.byteOffset, start.byteLength);
  const [offset, length] = [32 + Number(view.getBigUint64(12, true)), Number(view.getBigUint64(20, true))];
  if (length <= 0 || offset + length > size) return false;
  const header = await read(offset, Math.min(length, 1024 * 1024));
  return header[0] === 0x17 && header.some((_, i) => AES_CODER.every((byte, j) => header[i + j] === byte));
}

/** Parses `7zz l -slt`: one `Key = Value` block per entry after the `----------` line. */
export function parseListing(text: string): Listed[] {
  const body = text.split('\n----------\n')[1] ?? '';
  return body.split(/\n\s*\n/).map(fields).filter((f) => f.has('Path')).map((f) => {
    const attributes = f.get('Attributes') ?? '';
    const unix = attributes.split(' ')[1] ?? '';
    const kind: EntryKind = attributes.startsWith('D') ? 'directory' : unix.startsWith('l') ? 'symlink' : unix.startsWith('-') || unix === '' ? 'file' : 'other';
    const modified = f.get('Modified') ?? '';
    const mtime = modified ? Date.parse(`${modified.slice(0, 19).replace(' ', 'T')}Z`) : 0;
    const crcHex = f.get('CRC') ?? '';
    const crc = /^[0-9A-F]{8}$/i.test(crcHex) ? Number.parseInt(crcHex, 16) : undefined;
    const entry: Listed = { path: f.get('Path') ?? '', size: Number(f.get('Size') || 0), mtime: Number.isNaN(mtime) ? 0 : mtime, kind, encrypted: f.get('Encrypted') === '+' };
    return crc === undefined ? entry : { ...entry, crc };
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
