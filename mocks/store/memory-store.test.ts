import { webHashFactory } from '../processing/hash/web-hash.ts';
import { MemoryStore } from './memory-store.ts';
import { describeStoreContract } from './store-contract.ts';

describeStoreContract('MemoryStore', async () => {
  let now = 0;
  const store = new MemoryStore({ now: () => now, hash: webHashFactory });
  return { store, setNow: (ms) => void (now = ms), close: async () => undefined };
});
