/**
 * Zip record layouts (PKWARE APPNOTE 6.3: local header with data descriptor, central directory,
 * ZIP64 extra / end records, WinZip AES extra 0x9901). Pure functions of an entry record.
 */
import { LeWriter } from './bytes.ts';

/** General-purpose flag bit 0: the entry is encrypted. */
export const FLAG_ENCRYPTED = 0x0001;
/** Bit 3: CRC and sizes follow the data (streaming). */
export const FLAG_DATA_DESCRIPTOR = 0x0008;
/** Bit 11: the name is UTF-8. */
export const FLAG_UTF8 = 0x0800;
/** Compression method 0: stored. */
export const METHOD_STORED = 0;
/** Method 8: deflate. */
export const METHOD_DEFLATED = 8;
/** Method 99: WinZip AES envelope (the real method is in the 0x9901 extra). */
export const METHOD_AES = 99;
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;

/** Everything the records of one entry need; sizes and offset are filled in as the entry is written. */
export interface ZipEntry {
  name: Uint8Array;
  method: number;
  flags: number;
  dosTime: number;
  dosDate: number;
  /** The method inside the AES envelope when encrypted (AE-2), otherwise undefined. */
  aesMethod?: number;
  /** Local header carries a ZIP64 extra, so the data descriptor uses 8-byte sizes. */
  zip64: boolean;
  crc: number;
  size: number;
  compressedSize: number;
  offset: number;
}

/** DOS date and time (2-second resolution) from epoch milliseconds, read in UTC so output is host-independent. */
export function dosDateTime(ms: number): { dosTime: number; dosDate: number } {
  const d = new Date(Math.max(ms, Date.UTC(1980, 0, 1)));
  return {
    dosTime: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    dosDate: (Math.min(d.getUTCFullYear() - 1980, 127) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

function versionNeeded(entry: ZipEntry): number {
  if (entry.aesMethod !== undefined) return 51;
  return entry.zip64 ? 45 : 20;
}

function aesExtra(entry: ZipEntry): Uint8Array {
  if (entry.aesMethod === undefined) return new Uint8Array(0);
  // Vendor version 2 (AE-2: CRC not stored), vendor id "AE", strength 3 (AES-256).
  return new LeWriter(11).u16(0x9901).u16(7).u16(2).u8(0x41).u8(0x45).u8(3).u16(entry.aesMethod).bytes;
}

/** The local file header; sizes are deferred to the data descriptor (streaming). */
export function localHeader(entry: ZipEntry): Uint8Array {
  const zip64 = entry.zip64 ? new LeWriter(20).u16(1).u16(16).u64(0).u64(0).bytes : new Uint8Array(0);
  const aes = aesExtra(entry);
  const placeholder = entry.zip64 ? MAX32 : 0;
  return new LeWriter(30 + entry.name.length + zip64.length + aes.length)
    .u32(0x04034b50).u16(versionNeeded(entry)).u16(entry.flags).u16(entry.method)
    .u16(entry.dosTime).u16(entry.dosDate).u32(0).u32(placeholder).u32(placeholder)
    .u16(entry.name.length).u16(zip64.length + aes.length).raw(entry.name).raw(zip64).raw(aes).bytes;
}

/** The data descriptor after an entry's data (with signature; 8-byte sizes under ZIP64). */
export function dataDescriptor(entry: ZipEntry): Uint8Array {
  const out = new LeWriter(entry.zip64 ? 24 : 16).u32(0x08074b50).u32(entry.crc);
  return entry.zip64 ? out.u64(entry.compressedSize).u64(entry.size).bytes : out.u32(entry.compressedSize).u32(entry.size).bytes;
}

function centralHeader(entry: ZipEntry, forceZip64: boolean): Uint8Array {
  // An entry whose local header went ZIP64 (size unknown-large when it started) keeps ZIP64 here too.
  const big = (value: number): boolean => forceZip64 || entry.zip64 || value >= MAX32;
  const fields = [entry.size, entry.compressedSize, entry.offset].filter(big);
  const zip64 = fields.length > 0 ? fields.reduce((w, v) => w.u64(v), new LeWriter(4 + 8 * fields.length).u16(1).u16(8 * fields.length)).bytes : new Uint8Array(0);
  const aes = aesExtra(entry);
  const small = (value: number): number => (big(value) ? MAX32 : value);
  return new LeWriter(46 + entry.name.length + zip64.length + aes.length)
    .u32(0x02014b50).u16(0x0300 | 63).u16(versionNeeded(entry)).u16(entry.flags).u16(entry.method)
    .u16(entry.dosTime).u16(entry.dosDate).u32(entry.crc).u32(small(entry.compressedSize)).u32(small(entry.size))
    .u16(entry.name.length).u16(zip64.length + aes.length).u16(0).u16(0).u16(0)
    .u32((0o100644 << 16) >>> 0).u32(small(entry.offset)).raw(entry.name).raw(zip64).raw(aes).bytes;
}

/** Central directory plus end records (ZIP64 end record and locator when counts or offsets need them). */
export function centralDirectory(entries: readonly ZipEntry[], start: number, forceZip64: boolean): Uint8Array[] {
  const headers = entries.map((entry) => centralHeader(entry, forceZip64));
  const size = headers.reduce((sum, h) => sum + h.length, 0);
  const count = entries.length;
  const needs64 = forceZip64 || count >= MAX16 || start >= MAX32 || size >= MAX32;
  const tail: Uint8Array[] = [];
  if (needs64) {
    tail.push(new LeWriter(56).u32(0x06064b50).u64(44).u16(45).u16(45).u32(0).u32(0).u64(count).u64(count).u64(size).u64(start).bytes);
    tail.push(new LeWriter(20).u32(0x07064b50).u32(0).u64(start + size).u32(1).bytes);
  }
  const clip16 = needs64 ? Math.min(count, MAX16) : count;
  const clip32 = (value: number): number => (needs64 && value >= MAX32) || forceZip64 ? MAX32 : value;
  tail.push(new LeWriter(22).u32(0x06054b50).u16(0).u16(0).u16(clip16).u16(clip16).u32(clip32(size)).u32(clip32(start)).u16(0).bytes);
  return [...headers, ...tail];
}
