import { randomBytes, toHex, type RandomSource } from './random.ts';

/** 100-ns intervals between the Gregorian epoch (1582-10-15) and the Unix epoch (RFC 4122 §4.1.4). */
const GREGORIAN_OFFSET = 0x01b21dd213814000n;
const TICKS_PER_MS = 10_000n;
/** The Gregorian epoch in Unix ms, and the last ms whose ticks fit in 60 bits. */
const FIRST_MS = -12_219_292_800_000;
const LAST_MS = 103_072_857_660_684;
const WORD = 2 ** 32;

/** Builds UUID v1 hex strings (no dashes) from an injected clock and random source. */
export interface UuidV1Source {
  next(): string;
}

function hex(value: number, width: number): string {
  return value.toString(16).padStart(width, '0');
}

/**
 * RFC 4122 time-based UUIDs with a random node (multicast bit set, §4.5) and a random initial
 * clock sequence. Several ids in one millisecond use the sub-millisecond ticks; a clock that moves
 * backwards, or more than 10 000 ids in one millisecond, increments the clock sequence (§4.2.1).
 * The 60-bit tick count is built from two 32-bit words in plain numbers (BigInt arithmetic cost
 * ~0.5 µs per job id).
 */
export function createUuidV1Source(now: () => number, random: RandomSource): UuidV1Source {
  const node = randomBytes(random, 6);
  node[0] = (node[0] as number) | 0x01;
  const nodeHex = toHex(node);
  let clockSeq = Math.floor(random() * 0x4000) & 0x3fff;
  let clockHex = (clockSeq | 0x8000).toString(16);
  // The last ticks issued, as ms since the Gregorian epoch plus 100-ns steps within that ms.
  let lastMs = -1;
  let lastSub = 0;
  return {
    next() {
      const unixMs = Math.floor(now());
      if (!(unixMs >= FIRST_MS && unixMs <= LAST_MS)) throw new Error(`[fileproc] UUID v1 needs a clock between 1582-10-15 and 5236-03-31, got ${now()} ms`);
      const ms = unixMs - FIRST_MS;
      let sub = 0;
      if (ms === lastMs && lastSub < 9_999) sub = lastSub + 1;
      else if (ms <= lastMs) {
        clockSeq = (clockSeq + 1) & 0x3fff;
        clockHex = (clockSeq | 0x8000).toString(16);
      }
      lastMs = ms;
      lastSub = sub;
      // ticks = ms × 10 000 + sub, split at bit 32; every partial product stays below 2^53.
      const msHigh = Math.floor(ms / WORD);
      const low = (ms - msHigh * WORD) * 10_000 + sub;
      const carry = Math.floor(low / WORD);
      const timeLow = low - carry * WORD;
      const high = msHigh * 10_000 + carry;
      const timeHigh = ((high >>> 16) & 0x0fff) | 0x1000;
      return `${hex(timeLow, 8)}${hex(high & 0xffff, 4)}${timeHigh.toString(16)}${clockHex}${nodeHex}`;
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
