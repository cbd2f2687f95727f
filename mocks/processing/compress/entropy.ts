/** Cheap incompressibility check: order-0 entropy of a strided byte sample. */

const SAMPLE = 4096;
/** Uniform random bytes measure ≈ 7.955 bits on a 4096-byte sample; text is 4–5, deflatable binaries well below 7.5. */
const RANDOM_LOOKING_BITS = 7.8;

/** True when a sample of `block` looks like random bytes (already compressed or encrypted data). */
export function looksIncompressible(block: Uint8Array): boolean {
  if (block.length < SAMPLE) return false;
  const counts = new Uint32Array(256);
  const step = block.length / SAMPLE;
  for (let i = 0; i < SAMPLE; i++) counts[block[Math.floor(i * step)] as number]! += 1;
  let bits = 0;
  for (const count of counts) if (count > 0) bits -= (count / SAMPLE) * Math.log2(count / SAMPLE);
  return bits >= RANDOM_LOOKING_BITS;
}
