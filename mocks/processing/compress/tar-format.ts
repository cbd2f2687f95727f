/**
 * POSIX tar headers (ustar, with a pax extended header — typeflag `x` — for names that are
 * non-ASCII or do not fit ustar's 100/155 fields, and for sizes of 8 GiB or more).
 */
import { concatBytes } from './bytes.ts';
import { utf8 } from './archive-member.ts';

/** Tar record unit: headers and padded data are multiples of it. */
export const BLOCK = 512;
const MAX_OCTAL_SIZE = 8 ** 11 - 1;

/** Zero bytes that pad `size` up to a multiple of 512. */
export function padding(size: number): Uint8Array {
  return new Uint8Array((BLOCK - (size % BLOCK)) % BLOCK);
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0');
}

interface HeaderFields { name: string; prefix?: string; size: number; mtime: number; type: string }

function ustarHeader(fields: HeaderFields): Uint8Array {
  const block = new Uint8Array(BLOCK);
  const put = (offset: number, width: number, text: string): void => block.set(utf8.encode(text).subarray(0, width), offset);
  put(0, 100, fields.name);
  put(100, 8, octal(0o644, 8));
  put(108, 8, octal(0, 8));
  put(116, 8, octal(0, 8));
  put(124, 12, octal(fields.size > MAX_OCTAL_SIZE ? 0 : fields.size, 12));
  put(136, 12, octal(Math.max(0, Math.floor(fields.mtime / 1000)), 12));
  put(148, 8, '        ');
  put(156, 1, fields.type);
  put(257, 6, 'ustar\0');
  put(263, 2, '00');
  put(345, 155, fields.prefix ?? '');
  let sum = 0;
  for (const byte of block) sum += byte;
  put(148, 8, `${octal(sum, 7)}\0 `);
  return block;
}

/** Splits an ASCII name into ustar prefix (≤ 155) and name (≤ 100) at a `/`, if possible. */
function splitUstar(name: string): { name: string; prefix?: string } | undefined {
  // eslint-disable-next-line no-control-regex
  if (!/^[\x01-\x7f]*$/.test(name)) return undefined;
  if (name.length <= 100) return { name };
  for (let cut = name.indexOf('/'); cut >= 0; cut = name.indexOf('/', cut + 1)) {
    if (cut <= 155 && name.length - cut - 1 <= 100 && cut < name.length - 1) return { prefix: name.slice(0, cut), name: name.slice(cut + 1) };
  }
  return undefined;
}

/** One pax record `"<len> <key>=<value>\n"`, where len counts the whole record including itself. */
export function paxRecord(key: string, value: string): Uint8Array {
  const body = utf8.encode(` ${key}=${value}\n`);
  let length = body.length + 1;
  while (String(length).length + body.length !== length) length = String(length).length + body.length;
  return concatBytes([utf8.encode(String(length)), body]);
}

/** The header blocks of one regular file: a pax header first when ustar cannot hold its name or size. */
export function fileHeader(name: string, size: number, mtime: number): Uint8Array {
  const ustar = splitUstar(name);
  const records: Uint8Array[] = [];
  if (!ustar) records.push(paxRecord('path', name));
  if (size > MAX_OCTAL_SIZE) records.push(paxRecord('size', String(size)));
  const main = ustarHeader({ ...(ustar ?? { name: fallbackName(name) }), size, mtime, type: '0' });
  if (records.length === 0) return main;
  const pax = concatBytes(records);
  const paxHeader = ustarHeader({ name: `PaxHeaders/${fallbackName(name).slice(-80)}`, size: pax.length, mtime, type: 'x' });
  return concatBytes([paxHeader, pax, padding(pax.length), main]);
}

/** A printable-ASCII stand-in for readers without pax support: last 100 bytes, non-ASCII as `_`. */
function fallbackName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[^\x20-\x7e]/g, '_').slice(-100);
}
