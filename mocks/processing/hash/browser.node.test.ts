import { createHash, randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { openBundleInPage } from '../../../protocol/test-fixtures/chromium.node.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utf8Order } from '../../store/store-model.ts';

// The web variant (hash-wasm + memory store) must run in a real browser bundle and agree with node:crypto.
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ browser, page } = await openBundleInPage(new URL('./browser-harness.ts', import.meta.url).pathname, 'runInBrowser'));
});

afterAll(async () => {
  await browser?.close();
});

const hex = (algorithm: string, content: Uint8Array) => createHash(algorithm).update(content).digest('hex');

describe('hashing in Chromium (web factory, memory store)', () => {
  it.each([
    ['empty', 0, [1]],
    ['small, one chunk', 1000, [1000]],
    ['2.5 MiB in odd chunks', 2.5 * 1024 * 1024, [65_537, 1, 300_000]],
  ])('%s: job and sync digests equal node:crypto, AddToHeader and listing order as in Node', async (_name, size, chunks) => {
    const content = randomBytes(size);
    const keys = ['k/z', 'k/\uFFFD', 'k/😀', 'k/é', 'k/a'];
    const answers = await page.evaluate(
      ([base64, sizes, names]) => (globalThis as unknown as { runInBrowser: (b: string, s: number[], k: string[]) => Promise<Record<string, unknown>> }).runInBrowser(base64, sizes, names),
      [content.toString('base64'), chunks, keys] as const,
    );
    expect(answers.MD5).toMatchObject({ ok: true, result: { MD5: hex('md5', content), FileSize: size, Etag: `"${hex('md5', content)}"`, LastModified: '2022-06-27T15:23:12+0800' } });
    expect(answers.SHA1).toMatchObject({ ok: true, result: { SHA1: hex('sha1', content) } });
    expect(answers.SHA256).toMatchObject({ ok: true, result: { SHA256: hex('sha256', content) } });
    expect(answers.sync).toMatchObject({ ok: true, result: { SHA256: hex('sha256', content) } });
    expect(answers.userMeta).toEqual({ 'x-cos-meta-md5': hex('md5', content), 'x-cos-meta-sha1': hex('sha1', content), 'x-cos-meta-sha256': hex('sha256', content) });
    expect(answers.listed).toEqual([...keys].sort(utf8Order));
    expect((answers.progress as number[]).at(-1)).toBe(100);
  });
});
