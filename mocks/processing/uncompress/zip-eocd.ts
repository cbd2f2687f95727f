import type { ObjectStore } from '../../store/types.ts';
import { UncompressError } from './errors.ts';
import { readRange } from './store-range.ts';

// EOCD (22 bytes) plus the longest possible comment.
const TAIL = 22 + 0xffff;

/**
 * Reads the entry count the end-of-central-directory record states (zip64-aware) with ranged GETs, so
 * entry-count bombs are refused before any central directory is parsed or member written.
 */
export async function zipDeclaredEntries(store: ObjectStore, bucket: string, key: string, size: number): Promise<number> {
  const start = Math.max(0, size - TAIL);
  const tail = await readRange(store, bucket, key, start, size - start);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  for (let at = tail.byteLength - 22; at >= 0; at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    const entries = view.getUint16(at + 10, true);
    if (entries !== 0xffff) return entries;
    return zip64Entries(store, bucket, key, start + at);
  }
  throw new UncompressError('ArchiveCorrupted', 'the zip end-of-central-directory record is missing (truncated archive?)');
}

async function zip64Entries(store: ObjectStore, bucket: string, key: string, eocdOffset: number): Promise<number> {
  if (eocdOffset < 20) throw new UncompressError('ArchiveCorrupted', 'the zip64 locator is missing');
  const locator = await readRange(store, bucket, key, eocdOffset - 20, 20);
  const lv = new DataView(locator.buffer, locator.byteOffset, 20);
  if (lv.getUint32(0, true) !== 0x07064b50) throw new UncompressError('ArchiveCorrupted', 'the zip64 locator is missing');
  const record = await readRange(store, bucket, key, Number(lv.getBigUint64(8, true)), 56);
  if (record.byteLength < 56) throw new UncompressError('ArchiveCorrupted', 'the zip64 end-of-central-directory record is truncated');
  const rv = new DataView(record.buffer, record.byteOffset, 56);
  if (rv.getUint32(0, true) !== 0x06064b50) throw new UncompressError('ArchiveCorrupted', 'the zip64 end-of-central-directory record is missing');
  return Number(rv.getBigUint64(32, true));
}
