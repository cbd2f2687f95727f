import { toHex, type RandomSource } from './ids/random.ts';

/** The decoded parts of a vendor-shaped request id. */
export interface RequestIdParts {
  /** Unix seconds, from the first hex field. */
  unixSeconds: number;
  /** The three remaining hex fields. */
  fields: [string, string, string];
}

const DECODED = /^([0-9a-f]{1,12})_([0-9a-f]+)_([0-9a-f]+)_([0-9a-f]+)$/;

/**
 * Makes `x-ci-request-id` / `x-cos-request-id` / `<RequestId>` values shaped like the vendor's:
 * base64 of `<hex unix time>_<8 hex>_<4 hex>_<hex counter>` (reference §3.3,
 * `NjMxMDJhYTNfMThhYTk0MGFfYmU1OV8zZjc=` → `63102aa3_18aa940a_be59_3f7`). Clients treat them as opaque.
 */
export function createRequestIdGenerator(deps: { now: () => number; random: RandomSource }): () => string {
  let counter = Math.floor(deps.random() * 0x1000);
  // One per request: hex digits from a table rather than a byte array and toHex (same values, same draws).
  const byte = () => HEX_BYTE[Math.floor(deps.random() * 256) & 0xff] as string;
  return () => {
    const seconds = Math.max(0, Math.floor(deps.now() / 1000));
    counter = (counter + 1) % 0x100000;
    const first = byte() + byte() + byte() + byte();
    const second = byte() + byte();
    return btoa(`${seconds.toString(16)}_${first}_${second}_${counter.toString(16)}`);
  };
}

const HEX_BYTE = Array.from({ length: 256 }, (_, value) => toHex(Uint8Array.of(value)));

/** Decodes a request id of the vendor's shape; `undefined` for anything else (ids are opaque). */
export function decodeRequestId(id: string): RequestIdParts | undefined {
  let text: string;
  try {
    text = atob(id);
  } catch {
    return undefined;
  }
  const match = DECODED.exec(text);
  if (!match) return undefined;
  const [, time, first, second, third] = match as unknown as [string, string, string, string, string];
  return { unixSeconds: parseInt(time, 16), fields: [first, second, third] };
}
