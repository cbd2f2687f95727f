/**
 * Bundled for the browser by browser.node.test.ts: runs the FileHashCode processor, the sync
 * filehash and the memory store with the web hash factory inside Chromium.
 */
import { MemoryStore } from '../../store/memory-store.ts';
import { hashObject, syncFileHash } from './file-hash.ts';
import { hashContext, inChunks } from './hash-test-support.ts';
import { webHashFactory } from './web-hash.ts';

/** What the page answers for one content: every job digest, the sync digest and a listing. */
export async function runInBrowser(base64: string, chunkSizes: number[], keys: string[]): Promise<Record<string, unknown>> {
  const content = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const store = new MemoryStore({ now: () => Date.UTC(2022, 5, 27, 7, 23, 12), hash: webHashFactory });
  const { ctx, progress } = hashContext({ hash: webHashFactory, store });
  await store.put(ctx.bucket, 'input/object.bin', inChunks(content, chunkSizes));
  const answers: Record<string, unknown> = {};
  for (const type of ['MD5', 'SHA1', 'SHA256']) answers[type] = await hashObject(ctx, { Object: 'input/object.bin' }, { Type: type, AddToHeader: true });
  answers.sync = await syncFileHash(ctx, 'input/object.bin', 'sha256', false);
  answers.userMeta = (await store.head(ctx.bucket, 'input/object.bin'))?.userMeta;
  for (const key of keys) await store.put(ctx.bucket, key, new Uint8Array(0));
  answers.listed = (await store.list(ctx.bucket, { prefix: 'k/' })).objects.map((o) => o.key);
  answers.progress = progress;
  return answers;
}

(globalThis as unknown as { runInBrowser: typeof runInBrowser }).runInBrowser = runInBrowser;
