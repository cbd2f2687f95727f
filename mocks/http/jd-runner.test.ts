import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../engine/virtual-clock.ts';
import { advanceSettled } from '../engine/virtual-time.ts';
import { DEFAULT_PROCESSING_LIMITS, webProcessors } from '../processing/platform.ts';
import { collectBody } from '../store/body.ts';
import { MemoryStore } from '../store/memory-store.ts';
import type { ObjectStore } from '../store/types.ts';
import { createRecordingSink, type JdCompressFinishEvent } from './callback-sink.ts';
import { JD_INTERRUPTED, JdCompressRunner, type JdCompressRequest } from './jd-runner.ts';

const T0 = Date.UTC(2026, 0, 1);

/** A runner on a virtual clock over `store`, recording its events. */
function runner(store: ObjectStore, clock = new VirtualClock(T0)) {
  const sink = createRecordingSink();
  const events: JdCompressFinishEvent[] = [];
  const jd = new JdCompressRunner(clock, { store, processors: webProcessors, limits: DEFAULT_PROCESSING_LIMITS, now: () => clock.now() }, () => ({
    ...sink, onJdCompressFinish: (event) => events.push(event),
  }));
  return { jd, clock, events, advance: (ms: number) => advanceSettled(clock, jd, ms) };
}

const request = (key: string): JdCompressRequest => ({
  bucket: 'bucket', region: 'cn-north-1', key, components: [{ Key: 'a.txt', Alias: 'renamed.txt' }],
  endpoint: 'http://127.0.0.1:1/done', requestId: `req-${key}`, putOptions: { contentType: 'application/zip', headers: { 'cache-control': 'max-age=60' } },
});

async function seeded(): Promise<MemoryStore> {
  const store = new MemoryStore({ now: () => T0, hash: webProcessors.hash });
  await store.put('bucket', 'a.txt', new TextEncoder().encode('alpha'));
  return store;
}

describe('JdCompressRunner snapshot and restore (--data-dir)', () => {
  it('a waiting request survives a restart and is built when it was due, with its options', async () => {
    const store = await seeded();
    const first = runner(store);
    first.jd.accept(request('out.zip'));
    const saved = JSON.parse(JSON.stringify(first.jd.snapshot()));
    expect(saved.jobs).toEqual([{ view: expect.objectContaining({ state: 'Submitted' }), request: request('out.zip') }]);

    const second = runner(store, new VirtualClock(T0 + 50));
    second.jd.restore(saved);
    expect(second.jd.list()).toEqual([expect.objectContaining({ requestId: 'req-out.zip', state: 'Submitted', acceptedAt: T0 })]);
    await second.advance(149);
    expect(await store.head('bucket', 'out.zip')).toBeUndefined();
    await second.advance(1);
    const archive = await store.get('bucket', 'out.zip');
    expect(archive?.meta).toMatchObject({ contentType: 'application/zip', headers: { 'cache-control': 'max-age=60' } });
    expect(second.events).toEqual([expect.objectContaining({ requestId: 'req-out.zip', outcome: expect.objectContaining({ ok: true }) })]);
    expect(second.jd.snapshot().jobs).toEqual([{ view: expect.objectContaining({ state: 'Success' }) }]);
    if (!archive) throw new Error('[fileproc] test: no archive');
    const bytes = await collectBody(archive.body);
    expect(Object.keys(unzipSync(bytes))).toEqual(['renamed.txt']);
  });

  it('a request that was being built ends Failed InternalError on restore and is reported; finished ones stay as they were', async () => {
    const store = await seeded();
    // Reads never answer, so the first request stays Running.
    const stuck: ObjectStore = { ...store, head: () => new Promise(() => {}), get: () => new Promise(() => {}), put: store.put.bind(store), delete: store.delete.bind(store), list: store.list.bind(store), updateUserMeta: store.updateUserMeta.bind(store) };
    const first = runner(stuck);
    first.jd.accept(request('busy.zip'));
    first.clock.advance(200);
    expect(first.jd.list()[0]?.state).toBe('Running');
    const saved = first.jd.snapshot();

    const second = runner(store, new VirtualClock(T0 + 10_000));
    second.jd.restore(saved);
    expect(second.jd.list()).toEqual([expect.objectContaining({ state: 'Failed', code: 'InternalError', endedAt: T0 + 10_000 })]);
    expect(second.events).toEqual([expect.objectContaining({ requestId: 'req-busy.zip', outcome: { ok: false, code: JD_INTERRUPTED.code, message: JD_INTERRUPTED.message } })]);
    const third = runner(store);
    third.jd.restore(second.jd.snapshot());
    expect(third.jd.list()).toEqual(second.jd.list());
    await third.advance(10_000);
    expect(third.events).toEqual([]);
  });
});
