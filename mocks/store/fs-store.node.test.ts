import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeHashFactory } from '../processing/hash/node-hash.node.ts';
import { FsStore } from './fs-store.node.ts';
import { describeStoreContract } from './store-contract.ts';

describeStoreContract('FsStore', async () => {
  let now = 0;
  const dir = await mkdtemp(join(tmpdir(), 'fileproc-fs-store-'));
  const store = await FsStore.open({ dir, now: () => now, hash: nodeHashFactory });
  return { store, setNow: (ms) => void (now = ms), close: () => rm(dir, { recursive: true, force: true }) };
}, 25); // every put fsyncs three times: fewer property runs keep the file within seconds

// Not durable: small bodies and new sidecars are written in place, synchronously (fs-layout.node.ts).
describeStoreContract('FsStore (not durable)', async () => {
  let now = 0;
  const dir = await mkdtemp(join(tmpdir(), 'fileproc-fs-store-'));
  const store = await FsStore.open({ dir, now: () => now, hash: nodeHashFactory, durable: false });
  return { store, setNow: (ms) => void (now = ms), close: () => rm(dir, { recursive: true, force: true }) };
});
