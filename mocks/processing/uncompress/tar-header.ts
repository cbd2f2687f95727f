import { UncompressError } from './errors.ts';
import type { EntryKind } from './members.ts';

/** The fields of one 512-byte tar header that extraction needs. */
export interface TarHeader {
  name: string;
  size: number;
  mtime: number;
  typeflag: string;
  linkname: string;
}

const latin = new TextDecoder('utf-8');

/** True when the block's checksum is valid: how tar (ustar, GNU, v7) is recognised by content. */
export function isTarHeader(block: Uint8Array): boolean {
  if (block.byteLength < 512) return false;
  const stored = parseOctal(block.subarray(148, 156));
  return stored !== undefined && stored === checksum(block);
}

/** True for the all-zero block that ends an archive. */
export function isZeroBlock(block: Uint8Array): boolean {
  for (const byte of block) if (byte !== 0) return false;
  return true;
}

/** Parses a header block; ArchiveCorrupted when its checksum does not match. */
export function parseTarHeader(block: Uint8Array): TarHeader {
  if (!isTarHeader(block)) throw new UncompressError('ArchiveCorrupted', 'a tar header has a bad checksum');
  const ustar = text(block.subarray(257, 263)) === 'ustar';
  const prefix = ustar && block[262] === 0 ? text(block.subarray(345, 500)) : '';
  const name = text(block.subarray(0, 100));
  return {
    name: prefix ? `${prefix}/${name}` : name,
    size: parseNumber(block.subarray(124, 136), 'size'),
    mtime: parseNumber(block.subarray(136, 148), 'mtime') * 1000,
    typeflag: String.fromCharCode(block[156] ?? 0),
    linkname: text(block.subarray(157, 257)),
  };
}

/** Maps a typeflag to an entry kind ('0', NUL and '7' are regular files). */
export function kindOf(typeflag: string): EntryKind {
  if (typeflag === '0' || typeflag === '\0' || typeflag === '7') return 'file';
  if (typeflag === '5') return 'directory';
  if (typeflag === '2') return 'symlink';
  if (typeflag === '1') return 'hardlink';
  return 'other';
}

/** Parses pax extended records (`<len> <key>=<value>\n`). */
export function parsePax(data: Uint8Array): Map<string, string> {
  const records = new Map<string, string>();
  let offset = 0;
  while (offset < data.byteLength) {
    let space = offset;
    while (space < data.byteLength && data[space] !== 0x20) space++;
    const length = Number(latin.decode(data.subarray(offset, space)));
    if (!Number.isInteger(length) || length <= space - offset || offset + length > data.byteLength) {
      throw new UncompressError('ArchiveCorrupted', 'a pax extended header is malformed');
    }
    const record = latin.decode(data.subarray(space + 1, offset + length - 1));
    const eq = record.indexOf('=');
    if (eq > 0) records.set(record.slice(0, eq), record.slice(eq + 1));
    offset += length;
  }
  return records;
}

/** Decodes a NUL-terminated UTF-8 field. */
export function text(field: Uint8Array): string {
  const end = field.indexOf(0);
  return latin.decode(end >= 0 ? field.subarray(0, end) : field);
}

function checksum(block: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : (block[i] as number);
  return sum;
}

function parseOctal(field: Uint8Array): number | undefined {
  const digits = text(field).trim();
  if (!/^[0-7]+$/.test(digits)) return undefined;
  return parseInt(digits, 8);
}

// GNU tar stores numbers that do not fit in octal as big-endian base-256 with the top bit set.
function parseNumber(field: Uint8Array, what: string): number {
  if (((field[0] ?? 0) & 0x80) !== 0) {
    let value = (field[0] as number) & 0x7f;
    for (let i = 1; i < field.byteLength; i++) value = value * 256 + (field[i] as number);
    return value;
  }
  const digits = text(field).trim();
  if (digits === '') return 0;
  const value = parseOctal(field);
  if (value === undefined) throw new UncompressError('ArchiveCorrupted', `a tar header has a malformed ${what}`);
  return value;
}
