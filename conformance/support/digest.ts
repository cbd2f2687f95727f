/** Local digests the hash rules compare with (hash-wasm: browser-safe, no node:crypto). */
import { md5, sha1, sha256 } from 'hash-wasm';
import fc from 'fast-check';

/** The algorithms of FileHashCode (§2.4) and `ci-process=filehash` (§2.12), named as result elements. */
export type Algorithm = 'MD5' | 'SHA1' | 'SHA256';
/** Every algorithm, in result-element spelling. */
export const ALGORITHMS: readonly Algorithm[] = ['MD5', 'SHA1', 'SHA256'];

/** Lower-case hex digest of `bytes` (§3.4: results are lower-case hex). */
export function digest(algorithm: Algorithm, bytes: Uint8Array): Promise<string> {
  return algorithm === 'MD5' ? md5(bytes) : algorithm === 'SHA1' ? sha1(bytes) : sha256(bytes);
}

/** Object bodies for digests: empty, small, and a few KiB. */
export const hashInput = fc.oneof(
  fc.constant(new Uint8Array(0)),
  fc.uint8Array({ minLength: 1, maxLength: 64 }),
  fc.uint8Array({ minLength: 4000, maxLength: 9000 }),
);

/** The object's ETag as HEAD reports it (quotes included), failing unless HEAD is a documented 200. */
export async function headEtag(ctx: import('../rule.ts').RuleContext, key: string): Promise<string | null> {
  const head = await ctx.client.headObject(key);
  ctx.check.exchange(head, { status: 200 });
  return head.headers.get('etag');
}
