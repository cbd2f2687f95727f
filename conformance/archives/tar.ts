/**
 * The suite's own tar writer and reader (POSIX ustar, pax `path` records for long or non-ASCII
 * names), so archives are built and judged without importing `mocks/` and without `node:*`.
 */
import type { ArchiveEntry } from './types.ts';

const BLOCK = 512;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0');
}

function header(name: string, size: number, type: string, mtimeSeconds: number): Uint8Array {
  const block = new Uint8Array(BLOCK);
  const put = (text: string, offset: number, width: number) => block.set(encoder.encode(text).subarray(0, width), offset);
  put(name, 0, 100);
  put(octal(0o644, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(mtimeSeconds, 12), 136, 12);
  put('        ', 148, 8);
  put(type, 156, 1);
  put('ustar\u000000', 257, 8);
  let sum = 0;
  for (const byte of block) sum += byte;
  put(`${octal(sum, 7)}\u0000`, 148, 8);
  return block;
}

function padded(data: Uint8Array): Uint8Array[] {
  const rest = data.length % BLOCK;
  return rest === 0 ? [data] : [data, new Uint8Array(BLOCK - rest)];
}

/** A pax record `"<len> key=value\n"` whose length counts its own digits. */
function paxRecord(key: string, value: string): Uint8Array {
  const body = encoder.encode(` ${key}=${value}\n`).length;
  let length = body + String(body).length;
  if (String(length).length !== String(body).length) length += 1;
  return encoder.encode(`${length} ${key}=${value}\n`);
}

const fitsUstar = (name: string) => /^[\x20-\x7e]*$/.test(name) && name.length <= 100;

/** Builds a tar archive; names that do not fit a plain ustar name get a pax `x` header first. */
export function writeTar(entries: readonly ArchiveEntry[], mtimeSeconds = 1_700_000_000): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const entry of entries) {
    const isDirectory = entry.name.endsWith('/');
    if (!fitsUstar(entry.name)) {
      const record = paxRecord('path', entry.name);
      parts.push(header('PaxHeader/entry', record.length, 'x', mtimeSeconds), ...padded(record));
    }
    const shortName = fitsUstar(entry.name) ? entry.name : entry.name.replace(/[^\x20-\x7e]/g, '_').slice(-99);
    parts.push(header(shortName, isDirectory ? 0 : entry.data.length, isDirectory ? '5' : '0', mtimeSeconds));
    if (!isDirectory) parts.push(...padded(entry.data));
  }
  parts.push(new Uint8Array(BLOCK * 2));
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function field(block: Uint8Array, offset: number, width: number): string {
  const slice = block.subarray(offset, offset + width);
  const end = slice.indexOf(0);
  return decoder.decode(end === -1 ? slice : slice.subarray(0, end));
}

function paxPath(data: Uint8Array): string | undefined {
  for (const line of decoder.decode(data).split('\n')) {
    const match = /^\d+ path=(.*)$/s.exec(line);
    if (match) return match[1];
  }
  return undefined;
}

/** Reads a tar archive: regular files (type `0`/NUL) and directories (name ending in `/`); other types are skipped. */
export function readTar(bytes: Uint8Array): ArchiveEntry[] {
  const entries: ArchiveEntry[] = [];
  let offset = 0;
  let longName: string | undefined;
  while (offset + BLOCK <= bytes.length) {
    const block = bytes.subarray(offset, offset + BLOCK);
    if (block.every((byte) => byte === 0)) break;
    const size = parseInt(field(block, 124, 12).trim() || '0', 8);
    const type = field(block, 156, 1) || '0';
    const data = bytes.subarray(offset + BLOCK, offset + BLOCK + size);
    if (data.length !== size) throw new Error(`[fileproc] tar member at offset ${offset} is truncated (${data.length} of ${size} bytes)`);
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x') longName = paxPath(data) ?? longName;
    else if (type === 'L') longName = field(data, 0, data.length);
    else if (type === '0' || type === '5') {
      const prefix = field(block, 257, 6) === 'ustar' ? field(block, 345, 155) : '';
      const name = longName ?? (prefix ? `${prefix}/${field(block, 0, 100)}` : field(block, 0, 100));
      entries.push({ name: type === '5' && !name.endsWith('/') ? `${name}/` : name, data: data.slice() });
      longName = undefined;
    } else longName = type === 'g' ? longName : undefined;
  }
  return entries;
}
