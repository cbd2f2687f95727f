// Inflaters emit chunks from a few KiB up; each store write has a fixed cost (a syscall, a hash
// update, an await), so small chunks are gathered into writes of about this size.
const TARGET_BYTES = 256 * 1024;
// A gathered write never grows past this (upstream chunks are themselves ≤ 1 MiB).
const MAX_BYTES = 1024 * 1024;

/**
 * Re-chunks a stream into writes of 256 KiB–1 MiB where the input allows; holds at most 1 MiB.
 * Small chunks are copied into one gathering buffer as they come (some producers reuse theirs once
 * the consumer asks for the next chunk) and that buffer is reused in turn: like the source's, each
 * chunk yielded is valid until the next one is asked for, which is how stores read bodies
 * (`ObjectStore.put` keeps copies).
 */
export async function* coalesce(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  let gathered: Uint8Array | undefined;
  let size = 0;
  for await (const chunk of source) {
    if (size > 0 && size + chunk.byteLength > MAX_BYTES) {
      yield (gathered as Uint8Array).subarray(0, size);
      size = 0;
    }
    if (size === 0 && chunk.byteLength >= TARGET_BYTES) {
      yield chunk;
      continue;
    }
    gathered ??= new Uint8Array(MAX_BYTES);
    gathered.set(chunk, size);
    size += chunk.byteLength;
    if (size >= TARGET_BYTES) {
      yield gathered.subarray(0, size);
      size = 0;
    }
  }
  if (size > 0) yield (gathered as Uint8Array).subarray(0, size);
}
