/** Reads any archive the suite judges (FileCompress outputs: zip, tar, tar.gz) into its members. */
import { gunzipSync, gzipSync } from 'fflate';
import { readTar, writeTar } from './tar.ts';
import type { ArchiveEntry, ArchiveFormat } from './types.ts';
import { readZip, writeZip, type ZipWriteOptions } from './zip.ts';

/** The members of `bytes` read as `format`; a gz holds one member named `gzName`. */
export async function readArchive(bytes: Uint8Array, format: ArchiveFormat, options: { password?: string; gzName?: string } = {}): Promise<ArchiveEntry[]> {
  if (format === 'zip') return readZip(bytes, options.password);
  if (format === 'tar') return readTar(bytes);
  if (format === 'tar.gz') return readTar(gunzipSync(bytes));
  return [{ name: options.gzName ?? 'member', data: gunzipSync(bytes) }];
}

/** Builds an archive of `format` (a gz takes exactly one entry, whose name it does not store). */
export async function writeArchive(entries: readonly ArchiveEntry[], format: ArchiveFormat, zip: ZipWriteOptions = {}): Promise<Uint8Array> {
  if (format === 'zip') return writeZip(entries, zip);
  if (format === 'tar') return writeTar(entries);
  if (format === 'tar.gz') return gzipSync(writeTar(entries));
  const [only] = entries;
  if (!only || entries.length !== 1) throw new Error(`[fileproc] a gz archive holds exactly one file, got ${entries.length}`);
  return gzipSync(only.data);
}

/** Members as a name → bytes-as-hex map without directory entries (directories create no objects, §2.3). */
export function fileMap(entries: readonly ArchiveEntry[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of entries) if (!entry.name.endsWith('/')) map.set(entry.name, toHex(entry.data));
  return map;
}

/** Lower-case hex of bytes (digests, byte comparisons that print well in reports). */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}
