import { describe, expect, it } from 'vitest';
import { webHashFactory } from '../processing/hash/web-hash.ts';
import { concatChunks } from './body.ts';
import { MemoryStore } from './memory-store.ts';
import { describeStoreContract } from './store-contract.ts';
import { bytesEqual, chunked } from './store-model.ts';

describeStoreContract('MemoryStore', async () => {
  let now = 0;
  const store = new MemoryStore({ now: () => now, hash: webHashFactory });
  return { store, setNow: (ms) => void (now = ms), close: async () => undefined };
});

describe('MemoryStore chunking', () => {
  it('packs a stream of small chunks into ~1 MiB chunks for fast readers', async () => {
    const store = new MemoryStore({ now: () => 0, hash: webHashFactory });
    const content = new Uint8Array(3 * 1024 * 1024 + 10);
    for (let i = 0; i < content.length; i++) content[i] = i % 253;
    await store.put('b-1250000000', 'k', chunked(content, Array.from({ length: 400 }, (_, i) => i * 8000)));
    const sizes: number[] = [];
    const parts: Uint8Array[] = [];
    for await (const chunk of (await store.get('b-1250000000', 'k'))!.body) {
      sizes.push(chunk.byteLength);
      parts.push(chunk);
    }
    expect(sizes.length).toBeLessThanOrEqual(4);
    expect(Math.min(...sizes.slice(0, -1))).toBeGreaterThanOrEqual(1024 * 1024);
    expect(bytesEqual(concatChunks(parts, content.length), content)).toBe(true);
  });
});
