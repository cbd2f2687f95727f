import { randomBytes, toHex, type RandomSource } from './random.ts';

/** 100-ns intervals between the Gregorian epoch (1582-10-15) and the Unix epoch (RFC 4122 §4.1.4). */
const GREGORIAN_OFFSET = 0x01b21dd213814000n;
const TICKS_PER_MS = 10_000n;
const MAX_TICKS = 1n << 60n;

/** Builds UUID v1 hex strings (no dashes) from an injected clock and random source. */
export interface UuidV1Source {
  next(): string;
}

/**
 * RFC 4122 time-based UUIDs with a random node (multicast bit set, §4.5) and a random initial
 * clock sequence. Several ids in one millisecond use the sub-millisecond ticks; a clock that moves
 * backwards, or more than 10 000 ids in one millisecond, increments the clock sequence (§4.2.1).
 */
export function createUuidV1Source(now: () => number, random: RandomSource): UuidV1Source {
  const node = randomBytes(random, 6);
  node[0] = (node[0] as number) | 0x01;
  const nodeHex = toHex(node);
  let clockSeq = Math.floor(random() * 0x4000) & 0x3fff;
  let lastTicks = -1n;
  return {
    next() {
      const msTicks = BigInt(Math.floor(now())) * TICKS_PER_MS + GREGORIAN_OFFSET;
      if (msTicks < 0n || msTicks >= MAX_TICKS) throw new Error(`[fileproc] UUID v1 needs a clock between 1582-10-15 and 5236-03-31, got ${now()} ms`);
      let ticks = msTicks;
      if (msTicks <= lastTicks && lastTicks + 1n < msTicks + TICKS_PER_MS) ticks = lastTicks + 1n;
      else if (msTicks <= lastTicks) clockSeq = (clockSeq + 1) & 0x3fff;
      lastTicks = ticks;
      const timeLow = ticks & 0xffffffffn;
      const timeMid = (ticks >> 32n) & 0xffffn;
      const timeHigh = ((ticks >> 48n) & 0x0fffn) | 0x1000n;
      const clock = (clockSeq | 0x8000).toString(16);
      return `${timeLow.toString(16).padStart(8, '0')}${timeMid.toString(16).padStart(4, '0')}${timeHigh.toString(16)}${clock}${nodeHex}`;
    },
  };
}

/** The creation time (epoch ms) of a v1 UUID in 32-hex form; `undefined` for other versions. */
export function uuidV1Time(hex: string): number | undefined {
  if (!/^[0-9a-f]{12}1[0-9a-f]{3}[89ab][0-9a-f]{15}$/.test(hex)) return undefined;
  const ticks = BigInt(`0x${hex.slice(13, 16)}${hex.slice(8, 12)}${hex.slice(0, 8)}`);
  return Number((ticks - GREGORIAN_OFFSET) / TICKS_PER_MS);
}

/** 32-hex UUID v4 (version and variant bits set) from a random source. */
export function uuidV4Hex(random: RandomSource): string {
  const bytes = randomBytes(random, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  return toHex(bytes);
}
