/**
 * Memory stays bounded: however large the sources, the archive writer never reads more than
 * `maxPendingBytes` (plus a chunk or two) ahead of what the store has consumed. Level 0 makes
 * output bytes ≈ input bytes, so the lead is measurable exactly, without timing or GC.
 */
import { describe, expect, it } from 'vitest';
import type { ObjectMeta, ObjectStore } from '../../store/types.ts';
import { chunksOf } from '../../store/body.ts';
import { makeContext } from '../uncompress/test-support.ts';
import { compressFiles } from './compress-files.ts';
import { createNodeBackend } from './node-backend.node.ts';
import { webBackend } from './web-backend.ts';

const MiB = 1024 * 1024;
const CHUNK = 256 * 1024;
const OBJECT_SIZE = 24 * MiB;
const KEYS = ['big/a', 'big/b', 'big/c'];
const MAX_PENDING = 1 * MiB;

function streamingStore(): { store: ObjectStore; maxLead: () => number } {
  let read = 0;
  let written = 0;
  let maxLead = 0;
  const meta = (key: string): ObjectMeta => ({ bucket: 'b', key, size: OBJECT_SIZE, etag: '"x"', lastModified: 0, contentType: 'application/octet-stream', userMeta: {}, headers: {} });
  const store: ObjectStore = {
    head: async (_b, key) => (KEYS.includes(key) ? meta(key) : undefined),
    list: async () => ({ objects: KEYS.map(meta), commonPrefixes: [], isTruncated: false }),
    get: async (_b, key) => ({
      meta: meta(key),
      body: (async function* () {
        for (let offset = 0; offset < OBJECT_SIZE; offset += CHUNK) {
          read += CHUNK;
          yield new Uint8Array(CHUNK).fill(offset & 0xff);
        }
      })(),
    }),
    put: async (_b, key, body) => {
      for await (const chunk of chunksOf(body)) {
        // A slow consumer (a macrotask per chunk) gives the producer every chance to run ahead.
        await new Promise((resolve) => setImmediate(resolve));
        written += chunk.byteLength;
        maxLead = Math.max(maxLead, read - written);
      }
      return meta(key);
    },
    delete: async () => false,
    updateUserMeta: async () => undefined,
  };
  return { store, maxLead: () => maxLead };
}

describe('bounded look-ahead', () => {
  it.each([
    ['zip', 'web'], ['zip', 'node'], ['tar.gz', 'node'], ['tar', 'web'],
  ] as const)('%s with the %s backend reads at most maxPendingBytes ahead of the consumer', async (Format, backendName) => {
    const { store, maxLead } = streamingStore();
    const ctx = { ...makeContext(), store, bucket: 'b' };
    const backend = backendName === 'node' ? createNodeBackend() : webBackend;
    const outcome = await compressFiles(ctx, { Flatten: '0', Format, Prefix: 'big/' }, { Region: 'r', Bucket: 'b', Object: 'o' }, { backend, level: 0, maxPendingBytes: MAX_PENDING });
    expect(outcome).toMatchObject({ ok: true, result: { CompressFileCount: 3 } });
    // tar is pulled chunk by chunk (no look-ahead at all); the pipelined writers do read ahead.
    if (Format !== 'tar') expect(maxLead()).toBeGreaterThan(CHUNK);
    expect(maxLead()).toBeLessThanOrEqual(MAX_PENDING + 2 * CHUNK);
  });
});
