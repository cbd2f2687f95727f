import { collectBody } from '../../store/body.ts';
import type { ObjectStore } from '../../store/types.ts';
import { UncompressError } from './errors.ts';

/** Reads `length` bytes at `offset` of an object with one ranged GET (zip central directory, entries). */
export async function readRange(store: ObjectStore, bucket: string, key: string, offset: number, length: number): Promise<Uint8Array> {
  if (length <= 0) return new Uint8Array(0);
  const object = await store.get(bucket, key, { start: offset, end: offset + length - 1 });
  if (!object) throw new UncompressError('NoSuchKey', `the archive ${key} disappeared while it was being read`);
  return collectBody(object.body);
}
