/**
 * Test helpers of the compress tests: seed objects, and read archives back in-process with an
 * independent reader (fflate for zip and gzip, a minimal tar parser as a second opinion).
 */
import { gunzipSync, unzipSync } from 'fflate';
import type { ObjectStore } from '../../store/types.ts';
import { BUCKET } from '../uncompress/test-support.ts';
import { crc32 } from './crc32.ts';

const decoder = new TextDecoder();

/** A file tree: archive path or object key → content. */
export type Files = Record<string, Uint8Array>;

/** Puts every file of the tree into the test bucket. */
export async function putFiles(store: ObjectStore, files: Files): Promise<void> {
  for (const [key, data] of Object.entries(files)) await store.put(BUCKET, key, data);
}

/** Members of a zip, tar or tar.gz archive as path → bytes. */
export function readArchive(format: 'zip' | 'tar' | 'tar.gz', bytes: Uint8Array): Files {
  if (format === 'zip') return { ...unzipSync(bytes) };
  return readTar(format === 'tar' ? bytes : gunzipSync(bytes));
}

/** Minimal tar reader: ustar name/prefix, pax `path`/`size` records; regular files only. */
export function readTar(bytes: Uint8Array): Files {
  const files: Files = {};
  let pax: Record<string, string> = {};
  for (let offset = 0; offset + 512 <= bytes.length;) {
    const header = bytes.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start: number, length: number): string => decoder.decode(header.subarray(start, start + length)).replace(/\0.*$/s, '');
    const size = Number(pax.size ?? parseInt(field(124, 12).trim() || '0', 8));
    const type = field(156, 1) || '0';
    const data = bytes.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      pax = parsePax(decoder.decode(data));
      continue;
    }
    const prefix = field(345, 155);
    const name = pax.path ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    pax = {};
    if (type === '0') files[name] = data.slice();
  }
  return files;
}

function parsePax(text: string): Record<string, string> {
  const records: Record<string, string> = {};
  for (let rest = text; rest.length > 0;) {
    const space = rest.indexOf(' ');
    const length = Number(rest.slice(0, space));
    const record = new TextDecoder().decode(new TextEncoder().encode(rest).subarray(0, length));
    const [key, ...value] = record.slice(space + 1, -1).split('=');
    records[key as string] = value.join('=');
    rest = rest.slice(record.length);
  }
  return records;
}

/** Bytes of a UTF-8 string. */
export function text(value: string): Uint8Array {
  return new TextEncoder().encode(value);
}

/** name → "size:crc32" — compares big trees quickly (deep-equal over MiB-sized arrays is slow) with readable diffs. */
export function fingerprint(files: Files): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, `${data.length}:${crc32(data).toString(16)}`]));
}
