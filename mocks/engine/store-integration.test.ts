/**
 * The engine driving a real asynchronous processor: FileHashCode over the memory store with the
 * hash-wasm digests (WebAssembly, so genuinely async), on the virtual clock.
 */
import { describe, expect, it } from 'vitest';
import { webHashFactory } from '../processing/hash/web-hash.ts';
import type { ProcessOutcome } from '../processing/types.ts';
import { MemoryStore } from '../store/memory-store.ts';
import type { JobProcessor } from './context.ts';
import { fixedTiming, requestFor, testEngine } from './test-support.ts';
import type { JobResult } from './types.ts';

const BUCKET = 'examplebucket-1250000000';

function hashProcessor(store: MemoryStore): JobProcessor {
  return async (job, onProgress): Promise<ProcessOutcome<JobResult>> => {
    const key = job.detail.Input?.Object ?? '';
    const object = await store.get(job.bucket, key);
    if (!object) return { ok: false, failure: { Code: 'NoSuchKey', Message: `object ${key} does not exist` } };
    const md5 = await webHashFactory('md5');
    let done = 0;
    for await (const chunk of object.body) {
      md5.update(chunk);
      done += chunk.byteLength;
      onProgress((100 * done) / Math.max(1, object.meta.size));
    }
    return { ok: true, result: { MD5: md5.digestHex(), FileSize: object.meta.size, LastModified: String(object.meta.lastModified), Etag: object.meta.etag } };
  };
}

describe('engine + memory store + real hashing', () => {
  it('runs FileHashCode jobs to Success with the real digest, and fails a missing object with NoSuchKey', async () => {
    let store: MemoryStore | undefined;
    const t = testEngine({ timing: fixedTiming(150, 500), processor: (job, onProgress, signal) => hashProcessor(store as MemoryStore)(job, onProgress, signal) });
    store = new MemoryStore({ now: () => t.clock.now(), hash: webHashFactory });
    await store.put(BUCKET, 'in/hello.txt', new TextEncoder().encode('hello world'));
    const ok = t.engine.submit(requestFor('FileHashCode', { Input: { Object: 'in/hello.txt' } })).JobId;
    const missing = t.engine.submit(requestFor('FileHashCode', { Input: { Object: 'in/none.txt' } })).JobId;
    await t.advance(650);
    expect(t.state(ok)).toMatchObject({ State: 'Success', Progress: 100, EndTime: t.state(ok).CreationTime + 650 });
    expect(t.state(ok).Operation.FileHashCodeResult).toMatchObject({ MD5: '5eb63bbbe01eeed093cb22bb8f5acdc3', FileSize: 11 });
    expect(t.state(missing)).toMatchObject({ State: 'Failed', Code: 'NoSuchKey', Progress: 0 });
    expect(t.events.map((e) => e.job.State).sort()).toEqual(['Failed', 'Success']);
  });
});
