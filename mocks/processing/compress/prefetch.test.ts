import { describe, expect, it } from 'vitest';
import type { ObjectStore } from '../../store/types.ts';
import { BUCKET, makeContext } from '../uncompress/test-support.ts';
import { compressFiles } from './compress-files.ts';
import { putFiles, readArchive } from './test-support.ts';

const text = (s: string) => new TextEncoder().encode(s);

/** Wraps the test store so every open, chunk read and close of a source body is logged in order. */
function loggingStore(inner: ObjectStore, log: string[], failOn?: string): ObjectStore {
  return {
    head: (b, k) => inner.head(b, k), put: (b, k, body, o) => inner.put(b, k, body, o), delete: (b, k) => inner.delete(b, k),
    list: (b, o) => inner.list(b, o), updateUserMeta: (b, k, m) => inner.updateUserMeta(b, k, m),
    get: async (b, k, r) => {
      const object = await inner.get(b, k, r);
      if (!object) return undefined;
      log.push(`open ${k}`);
      const chunks = object.body[Symbol.asyncIterator]();
      let closed = false;
      const close = () => {
        if (!closed) log.push(`close ${k}`);
        closed = true;
      };
      const body: AsyncIterable<Uint8Array> = {
        [Symbol.asyncIterator]: () => ({
          next: async () => {
            if (k === failOn) throw new Error('[fileproc] test: unreadable');
            const step = await chunks.next();
            if (step.done) close();
            else log.push(`read ${k}`);
            return step;
          },
          return: async () => {
            close();
            return { done: true, value: undefined };
          },
        }),
      };
      return { meta: object.meta, body };
    },
  };
}

describe('read-ahead across sources', () => {
  it('opens the next source while packing the current one and reads it only after the current last byte', async () => {
    const ctx = makeContext();
    await putFiles(ctx.store, { 'p/1': text('one'), 'p/2': text('two'), 'p/3': new Uint8Array(0), 'p/4': text('four') });
    const log: string[] = [];
    const outcome = await compressFiles({ ...ctx, store: loggingStore(ctx.store, log) }, { Flatten: '0', Format: 'zip', Prefix: 'p/' }, { Region: ctx.region, Bucket: BUCKET, Object: 'p.zip' }, { level: 0 });
    expect(outcome).toMatchObject({ ok: true, result: { CompressFileCount: 4 } });
    const at = (event: string) => log.indexOf(event);
    // Each source here is one chunk (p/3 none: priming it reads its end and closes it at once).
    for (const [current, next] of [['p/1', 'p/2'], ['p/2', 'p/3']] as const) {
      expect(at(`open ${next}`)).toBeLessThan(at(`close ${current}`));
      expect(at(`read ${current}`)).toBeLessThan(at(`read ${next}`) === -1 ? at(`close ${next}`) : at(`read ${next}`));
    }
    expect(at('open p/4')).toBeLessThan(at('read p/4'));
    // Never more than two sources open at once.
    let open = 0;
    for (const event of log) {
      open += event.startsWith('open') ? 1 : event.startsWith('close') ? -1 : 0;
      expect(open).toBeLessThanOrEqual(2);
    }
    const files = readArchive('zip', (await ctx.store.get(BUCKET, 'p.zip').then(async (o) => {
      const parts: Uint8Array[] = [];
      for await (const c of o!.body) parts.push(c);
      return Buffer.concat(parts);
    })));
    expect(Object.keys(files)).toEqual(['p/1', 'p/2', 'p/3', 'p/4']);
  });

  it('closes the source opened ahead when the job fails on the current one', async () => {
    const ctx = makeContext();
    await putFiles(ctx.store, { 'p/1': text('one'), 'p/2': text('two'), 'p/3': text('three') });
    const log: string[] = [];
    const outcome = await compressFiles({ ...ctx, store: loggingStore(ctx.store, log, 'p/2') }, { Flatten: '0', Format: 'zip', Prefix: 'p/' }, { Region: ctx.region, Bucket: BUCKET, Object: 'p.zip' }, { level: 0 });
    expect(outcome).toMatchObject({ ok: false });
    expect(log.filter((e) => e.startsWith('open')).length).toBe(log.filter((e) => e.startsWith('close')).length);
    expect(await ctx.store.head(BUCKET, 'p.zip')).toBeUndefined();
  });
});
