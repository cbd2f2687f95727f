/**
 * Child process of the fs store tests. `put-forever`: starts a put that never finishes, so the
 * parent can kill it mid-write. `open`: opens the store and prints how many objects `bucket` has.
 * Usage: store-child.fixture.node.ts <mode> <dir> [bucket key]
 */
import { nodeHashFactory } from '../processing/hash/node-hash.node.ts';
import { FsStore } from './fs-store.node.ts';

const [mode, dir, bucket, key] = process.argv.slice(2) as [string, string, string, string];

async function* endless(): AsyncIterable<Uint8Array> {
  for (let i = 0; ; i++) {
    yield new Uint8Array(256 * 1024).fill(i % 256);
    if (i === 8) process.stdout.write('writing\n');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

try {
  const store = await FsStore.open({ dir, now: () => 0, hash: nodeHashFactory });
  if (mode === 'put-forever') await store.put(bucket, key, endless());
  process.stdout.write(`opened ${(await store.list(bucket)).objects.length}\n`);
  await store.close();
} catch (error) {
  process.stdout.write(`failed: ${error instanceof Error ? error.message : String(error)}\n`);
}
