/**
 * Test harness bundled for Chromium by browser.node.test.ts (and run in Node for comparison): runs one
 * job on a fresh memory store and returns the outcome plus every stored object as base64.
 */
import { collectBody } from '../../store/body.ts';
import { MemoryStore } from '../../store/memory-store.ts';
import { webHashFactory } from '../hash/web-hash.ts';
import type { FileUncompressConfig } from '../types.ts';
import { webCodecs, type UncompressCodecs } from './codecs.ts';
import { uncompressArchive } from './uncompress.ts';
import { zipPreview } from './zip-preview.ts';

const LIMITS = { maxFiles: 1000, maxTotalBytes: 1 << 30, maxEntries: 1000, maxUncompressedBytes: 1 << 30, maxCompressionRatio: 1000 };
const toBase64 = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** Extracts (and previews) `archive` stored as `key`; everything serialisable for page.evaluate. */
export async function runJob(archive: string, key: string, config: FileUncompressConfig, codecs: UncompressCodecs = webCodecs) {
  const store = new MemoryStore({ now: () => Date.UTC(2026, 0, 2, 3, 4, 5), hash: webHashFactory });
  const ctx = { store, hash: webHashFactory, bucket: 'b-1', region: 'r', limits: LIMITS, onProgress: () => undefined, now: () => 0 };
  await store.put('b-1', key, fromBase64(archive));
  const outcome = await uncompressArchive(ctx, { Object: key }, config, { Region: 'r', Bucket: 'b-1' }, { codecs });
  const preview = await zipPreview(ctx, key, config.UnCompressKey, { codecs });
  const objects: Record<string, string> = {};
  for (const meta of (await store.list('b-1')).objects) {
    const object = await store.get('b-1', meta.key);
    if (object) objects[meta.key] = toBase64(await collectBody(object.body));
  }
  return { outcome, preview, objects };
}

(globalThis as { fileprocUncompress?: unknown }).fileprocUncompress = { runJob };
