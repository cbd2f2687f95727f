/**
 * The mock composed for Node (what `fileproc serve` runs): real clock, Node processors, real
 * callback delivery over global fetch, and with `dataDir` the filesystem store plus the engine
 * snapshot, so a restart — even after `kill -9` — keeps every object and job (README "CLI").
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CallbackDeliverer } from '../callbacks/deliverer.ts';
import { createMock, type CallbackSink, type Logger, type Mock, type MockOptions } from '../index.ts';
import { createNodeProcessors } from '../processing/platform.node.ts';
import { FsStore } from '../store/fs-store.node.ts';
import { observeTimers } from './observed-clock.ts';
import { RealClock } from './real-clock.ts';
import { SnapshotFile, readSnapshot } from './snapshot-file.ts';

/** Options of `createNodeMock`: `createMock`'s, minus what this composition decides. */
export interface NodeMockOptions extends Omit<MockOptions, 'store' | 'clock' | 'realClock' | 'processors' | 'callbacks' | 'snapshot'> {
  /** Start on the real clock (default) or a virtual one (`POST /__fileproc/clock/advance`). */
  clockMode?: 'real' | 'virtual';
  /** Persist objects and jobs here; absent = in memory. */
  dataDir?: string;
}

/** A Node mock; `fetch` and `handle` persist state changes when `dataDir` is set. */
export interface NodeMock extends Mock {
  /** Where objects and the job snapshot live, if persistent. */
  readonly dataDir?: string;
}

const MUTATING = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

function notifying(sink: CallbackDeliverer, after: () => void): CallbackSink {
  return {
    onTaskFinish: (event) => { sink.onTaskFinish(event); after(); },
    onJdCompressFinish: (event) => { sink.onJdCompressFinish(event); after(); },
    records: () => sink.records(),
    topic: (name) => sink.topic(name),
    reset: () => sink.reset(),
    settle: () => sink.settle(),
    close: () => sink.close(),
  };
}

/** Builds the Node mock; with `dataDir` it restores the objects and jobs found there. */
export async function createNodeMock(options: NodeMockOptions = {}): Promise<NodeMock> {
  const { clockMode = 'real', dataDir, ...rest } = options;
  let persisted: SnapshotFile | undefined;
  const changed = () => persisted?.schedule();
  const realClock = observeTimers(new RealClock(), changed);
  const processors = createNodeProcessors();
  let mock: Mock | undefined;
  const now = () => mock?.clock.now() ?? realClock.now();
  let store: FsStore | undefined;
  let snapshotPath: string | undefined;
  if (dataDir) {
    await mkdir(dataDir, { recursive: true });
    store = await FsStore.open({ dir: join(dataDir, 'objects'), now, hash: processors.hash });
    snapshotPath = join(dataDir, 'jobs.snapshot.json');
  }
  const snapshot = snapshotPath ? await readSnapshot(snapshotPath) : undefined;
  const log: Logger = rest.log ?? ((level, message, detail) => (level === 'error' ? console.error : console.log)(message, detail ?? ''));
  const inner = createMock({
    ...rest,
    log,
    clock: clockMode === 'real' ? realClock : 'virtual',
    realClock,
    processors,
    ...(store && { store }),
    ...(snapshot && { snapshot }),
    callbacks: ({ clock }) => notifying(new CallbackDeliverer({ clock, log: (line) => log('info', line) }), changed),
  });
  mock = inner;
  if (snapshotPath) persisted = new SnapshotFile({ path: snapshotPath, take: () => inner.snapshot(), log: (m, e) => log('error', m, e) });
  // The restore itself changed state (interrupted jobs failed): write it before answering anyone.
  await persisted?.flush();
  if (!persisted) return { ...inner, dataDir };
  const file = persisted;
  // An acknowledged change must survive kill -9: answer only once it is on disk.
  const persist = async (method: string) => {
    if (MUTATING.has(method)) await file.flush().catch(() => {});
    else file.schedule();
  };
  return {
    ...inner,
    dataDir,
    async fetch(request: Request): Promise<Response> {
      const response = await inner.fetch(request);
      await persist(request.method);
      return response;
    },
    async handle(request) {
      const reply = await inner.handle(request);
      await persist(request.method);
      return reply;
    },
    async close() {
      await file.stop();
      await inner.close();
    },
  };
}
