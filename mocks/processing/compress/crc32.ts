/** CRC-32 (IEEE 802.3, as zip and gzip use it) in plain JS, slicing-by-8 so the web variant is not the bottleneck. */
const TABLES: Uint32Array[] = buildTables();

function buildTables(): Uint32Array[] {
  const tables = Array.from({ length: 8 }, () => new Uint32Array(256));
  const first = tables[0] as Uint32Array;
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    first[n] = c >>> 0;
  }
  for (let t = 1; t < 8; t++) {
    const prev = tables[t - 1] as Uint32Array;
    const table = tables[t] as Uint32Array;
    for (let n = 0; n < 256; n++) table[n] = (first[(prev[n] as number) & 0xff] as number) ^ ((prev[n] as number) >>> 8);
  }
  return tables;
}

/** Continues a CRC-32 over `data` from a previous value (0 to start). */
export function crc32(data: Uint8Array, previous = 0): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = TABLES as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  let c = ~previous >>> 0;
  let i = 0;
  const fast = data.length - (data.length % 8);
  for (; i < fast; i += 8) {
    const a = (c ^ ((data[i] as number) | ((data[i + 1] as number) << 8) | ((data[i + 2] as number) << 16) | ((data[i + 3] as number) << 24))) >>> 0;
    c = (t7[a & 0xff] as number) ^ (t6[(a >>> 8) & 0xff] as number) ^ (t5[(a >>> 16) & 0xff] as number) ^ (t4[a >>> 24] as number)
      ^ (t3[data[i + 4] as number] as number) ^ (t2[data[i + 5] as number] as number)
      ^ (t1[data[i + 6] as number] as number) ^ (t0[data[i + 7] as number] as number);
  }
  for (; i < data.length; i++) c = (t0[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}
