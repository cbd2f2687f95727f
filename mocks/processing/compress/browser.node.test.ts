/** The web variant in a real browser: archives built inside Chromium open with unzip, 7z and GNU tar. */
import type { Browser, Page } from 'playwright-core';
import { openBundleInPage } from '../../../protocol/test-fixtures/chromium.node.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileCompressConfig } from '../types.ts';
import type { compressInBrowser } from './browser-harness.ts';
import { extractWith, type Extractor } from './extract.node.ts';
import { fingerprint, text, type Files } from './test-support.ts';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ browser, page } = await openBundleInPage(new URL('./browser-harness.ts', import.meta.url).pathname, 'compressInBrowser'));
});

afterAll(async () => {
  await browser?.close();
});

const FILES: Files = {
  'in/readme.txt': text('browser-made archive\n'.repeat(20_000)),
  'in/深/ñ 😀.bin': Uint8Array.from({ length: 150_000 }, (_, i) => (i * 7) % 256),
  'in/empty': new Uint8Array(0),
};

async function inBrowser(config: FileCompressConfig): Promise<{ outcome: unknown; archive: Uint8Array; progress: number[] }> {
  const files = Object.fromEntries(Object.entries(FILES).map(([k, v]) => [k, Buffer.from(v).toString('base64')]));
  const answer = await page.evaluate(
    ([f, c]) => (globalThis as unknown as { compressInBrowser: typeof compressInBrowser }).compressInBrowser(f, c),
    [files, config] as const,
  );
  return { ...answer, archive: new Uint8Array(Buffer.from(answer.archive, 'base64')) };
}

describe('compressFiles in Chromium (web backend)', () => {
  it.each([
    ['zip', 'unzip', 'a.zip'], ['zip', '7z', 'a.zip'], ['tar', 'tar', 'a.tar'], ['tar.gz', 'tar', 'a.tgz'],
  ] as const)('%s opened by %s', async (Format, tool: Extractor, file) => {
    const { outcome, archive, progress } = await inBrowser({ Flatten: '3', Format, Prefix: 'in/' });
    expect(outcome).toMatchObject({ ok: true, result: { CompressFileCount: 3, ErrorCount: 0 } });
    const want = Object.fromEntries(Object.entries(FILES).map(([k, v]) => [k.slice(3), v]));
    expect(fingerprint(extractWith(tool, archive, file))).toEqual(fingerprint(want));
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(100);
  });

  it('an AES-256 zip made in the browser opens in 7z with the password', async () => {
    const { archive } = await inBrowser({ Flatten: '0', Format: 'zip', Prefix: 'in/', CompressKey: 'MTIzNDU2Nzg5MA==' });
    expect(fingerprint(extractWith('7z', archive, 'e.zip', '1234567890'))).toEqual(fingerprint(FILES));
  });
});
