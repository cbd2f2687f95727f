/** Child process of the crash test: starts a put that never finishes, so the parent can kill it mid-write. */
import { nodeHashFactory } from '../processing/hash/node-hash.node.ts';
import { FsStore } from './fs-store.node.ts';

const [dir, bucket, key] = process.argv.slice(2) as [string, string, string];

async function* endless(): AsyncIterable<Uint8Array> {
  for (let i = 0; ; i++) {
    yield new Uint8Array(256 * 1024).fill(i % 256);
    if (i === 8) process.stdout.write('writing\n');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const store = await FsStore.open({ dir, now: () => 0, hash: nodeHashFactory });
await store.put(bucket, key, endless());
