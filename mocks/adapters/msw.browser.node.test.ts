import { build } from 'esbuild';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../protocol/test-fixtures/chromium.node.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioReport } from './browser-page.ts';

// The browser proof: a real Chromium, the MSW service worker, the web build of the mock.
const require = createRequire(import.meta.url);
const site = mkdtempSync(join(tmpdir(), 'fileproc-msw-'));
let server: Server;
let browser: Browser;
let origin = '';
let bundleText = '';

beforeAll(async () => {
  const result = await build({
    entryPoints: [join(import.meta.dirname, 'browser-page.ts')], bundle: true, platform: 'browser', format: 'esm',
    // 7z-wasm imports "module" only on its Node path; the browser never reaches it.
    outfile: join(site, 'page.js'), logLevel: 'silent', metafile: true, external: ['module'],
  });
  bundleText = readFileSync(join(site, 'page.js'), 'utf8');
  expect(Object.keys(result.metafile.inputs).filter((input) => input.startsWith('node:'))).toEqual([]);
  copyFileSync(join(dirname(require.resolve('msw/package.json')), 'lib', 'mockServiceWorker.js'), join(site, 'mockServiceWorker.js'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>fileproc msw</title><script type="module" src="page.js"></script>');
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
  server = createServer((req, res) => {
    const name = (req.url ?? '/').split('?')[0] === '/' ? 'index.html' : (req.url ?? '').slice(1).split('?')[0] ?? '';
    let body: Buffer;
    try {
      body = readFileSync(join(site, name));
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(name)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(site, { recursive: true, force: true });
});

describe('createHandlers + setupWorker in Chromium', () => {
  it('uploads two objects, runs FileCompress to Success and downloads a zip with both', async () => {
    expect(bundleText).not.toMatch(/from\s*["']node:/);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    try {
      await page.goto(origin);
      const files = { 'docs/one.txt': 'first file from the browser', 'docs/two.csv': 'a,b\n1,2\n'.repeat(500) };
      const report = await page.evaluate(
        (f) => (globalThis as unknown as { fileprocScenario(x: Record<string, string>): Promise<ScenarioReport> }).fileprocScenario(f),
        files,
      );
      expect(errors).toEqual([]);
      expect(report.states[0]).toBe('Submitted');
      expect(report.states.at(-1)).toBe('Success');
      expect(report.requestIds.every((id) => id.length > 0)).toBe(true);
      const members = unzipSync(Buffer.from(report.zipBase64, 'base64'));
      expect(Object.fromEntries(Object.entries(members).map(([n, d]) => [n, Buffer.from(d).toString()]))).toEqual(files);
    } finally {
      await page.close();
    }
  });
});
