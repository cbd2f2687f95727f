import { concatChunks } from '../../store/body.ts';

// Inflaters emit chunks from a few KiB up; each store write has a fixed cost (a syscall, a hash
// update, an await), so small chunks are gathered into writes of about this size.
const TARGET_BYTES = 256 * 1024;
// A gathered write never grows past this (upstream chunks are themselves ≤ 1 MiB).
const MAX_BYTES = 1024 * 1024;

/** Re-chunks a stream into writes of 256 KiB–1 MiB where the input allows; holds at most 1 MiB. */
export async function* coalesce(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  let parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of source) {
    if (size > 0 && size + chunk.byteLength > MAX_BYTES) {
      yield join(parts, size);
      parts = [];
      size = 0;
    }
    if (size === 0 && chunk.byteLength >= TARGET_BYTES) {
      yield chunk;
      continue;
    }
    // Copy: some producers reuse their buffers once the consumer asks for the next chunk.
    parts.push(chunk.slice());
    size += chunk.byteLength;
    if (size >= TARGET_BYTES) {
      yield join(parts, size);
      parts = [];
      size = 0;
    }
  }
  if (size > 0) yield join(parts, size);
}

function join(parts: Uint8Array[], size: number): Uint8Array {
  return parts.length === 1 ? (parts[0] as Uint8Array) : concatChunks(parts, size);
}
