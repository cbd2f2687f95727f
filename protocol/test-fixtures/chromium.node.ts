/** Browser-test support: Debian's Chromium through playwright-core, as every browser test here runs it. */
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Launches Chromium headless; as root it needs no sandbox, and the closed network wants no background traffic. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * Bundles `entry` for the browser (platform `browser`: any reachable `node:*` import fails the build),
 * loads it into a fresh page and waits until it has defined `readyGlobal`.
 */
export async function openBundleInPage(entry: string, readyGlobal: string): Promise<{ browser: Browser; page: Page }> {
  const bundle = await build({ entryPoints: [entry], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text, type: 'module' });
  await page.waitForFunction((name) => name in globalThis, readyGlobal);
  return { browser, page };
}
