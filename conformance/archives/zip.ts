/**
 * Zip through @zip.js/zip.js (browser-safe): the suite writes its own FileUncompress inputs
 * (optionally AES-256 or ZipCrypto encrypted) and reads FileCompress outputs, password or not.
 */
import { Uint8ArrayReader, Uint8ArrayWriter, ZipReader, ZipWriter } from '@zip.js/zip.js';
import type { ArchiveEntry } from './types.ts';

/** How to encrypt: WinZip AES-256 or legacy ZipCrypto; both are what vendors accept (§2.3 UnCompressKey). */
export interface ZipWriteOptions { password?: string; encryption?: 'aes' | 'zipcrypto' }

/** Builds a zip holding `entries` in order (directories: names ending in `/`). */
export async function writeZip(entries: readonly ArchiveEntry[], options: ZipWriteOptions = {}): Promise<Uint8Array> {
  const crypto = options.password === undefined ? {} : {
    password: options.password,
    ...(options.encryption === 'zipcrypto' ? { zipCrypto: true } : { encryptionStrength: 3 as const }),
  };
  const writer = new ZipWriter(new Uint8ArrayWriter(), { useWebWorkers: false, ...crypto });
  for (const entry of entries) {
    if (entry.name.endsWith('/')) await writer.add(entry.name, undefined, { directory: true });
    else await writer.add(entry.name, new Uint8ArrayReader(entry.data));
  }
  return writer.close();
}

/** Reads every member of a zip (directories with empty data); throws when a member cannot be read (e.g. wrong or missing password). */
export async function readZip(bytes: Uint8Array, password?: string): Promise<ArchiveEntry[]> {
  const reader = new ZipReader(new Uint8ArrayReader(bytes), { useWebWorkers: false, ...(password === undefined ? {} : { password }) });
  try {
    const entries: ArchiveEntry[] = [];
    for (const entry of await reader.getEntries()) {
      if (entry.directory) entries.push({ name: entry.filename, data: new Uint8Array(0) });
      else entries.push({ name: entry.filename, data: await entry.getData(new Uint8ArrayWriter(), { checkSignature: true }) });
    }
    return entries;
  } finally {
    await reader.close();
  }
}
