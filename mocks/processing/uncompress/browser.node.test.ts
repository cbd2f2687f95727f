import { build } from 'esbuild';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../../protocol/test-fixtures/chromium.node.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRar5 } from '../fixtures/make-rar.ts';
import { runJob } from './browser-harness.ts';
import { archiveWith, writeTree } from './cli-tools.node.ts';
import { nodeCodecs } from './codecs.node.ts';

// The web variant must run in a real browser bundle and agree byte for byte with the Node variant.
const require = createRequire(import.meta.url);
const site = mkdtempSync(join(tmpdir(), 'fileproc-browser-'));
let server: Server;
let browser: Browser;
let url = '';

beforeAll(async () => {
  await build({
    entryPoints: [join(import.meta.dirname, 'browser-harness.ts')], bundle: true, platform: 'browser', format: 'esm',
    outfile: join(site, 'harness.js'), external: ['module'], logLevel: 'silent',
  });
  copyFileSync(join(dirname(require.resolve('7z-wasm')), '7zz.wasm'), join(site, '7zz.wasm'));
  copyFileSync(join(dirname(require.resolve('node-unrar-js')), '..', 'esm', 'js', 'unrar.wasm'), join(site, 'unrar.wasm'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><script type="module" src="harness.js"></script>');
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
  server = createServer((req, res) => {
    const file = join(site, (req.url ?? '/').split('?')[0] === '/' ? 'index.html' : (req.url ?? '').slice(1));
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(site, { recursive: true, force: true });
});

const encoder = new TextEncoder();
const TREE = { 'a.txt': encoder.encode('browser '.repeat(3000)), 'd/b.bin': Uint8Array.from({ length: 50_000 }, (_, i) => (i * 13) & 0xff) };

function cliArchive(command: string, args: string[], name: string): Uint8Array {
  const { dir, cleanup } = writeTree(TREE);
  try {
    return archiveWith(dir, command, args, name);
  } finally {
    cleanup();
  }
}

const CASES: [string, () => Promise<Uint8Array>, string?][] = [
  ['deflate.zip', async () => cliArchive('zip', ['-qr', '../x.zip', '.'], 'x.zip')],
  ['aes.zip', async () => cliArchive('7z', ['a', '-bd', '-tzip', '-mem=AES256', '-ppw', '../x.zip', '.'], 'x.zip'), 'pw'],
  ['x.tar.gz', async () => cliArchive('tar', ['-czf', '../x.tgz', '.'], 'x.tgz')],
  ['x.7z', async () => cliArchive('7z', ['a', '-bd', '-ppw', '-mhe=on', '../x.7z', '.'], 'x.7z'), 'pw'],
  ['x.rar', () => makeRar5([{ name: 'a.txt', content: TREE['a.txt'] }], 'pw'), 'pw'],
];

describe('the web build in Chromium agrees with the Node variant', () => {
  for (const [name, make, password] of CASES) {
    it(name, async () => {
      const archive = Buffer.from(await make()).toString('base64');
      const config = { Prefix: 'out', ListingFile: true, ...(password && { UnCompressKey: btoa(password) }) };
      const page = await browser.newPage();
      try {
        await page.goto(url);
        await page.waitForFunction(() => 'fileprocUncompress' in globalThis);
        const inBrowser = await page.evaluate(
          ([a, k, c]) => (globalThis as unknown as { fileprocUncompress: { runJob: typeof runJob } }).fileprocUncompress.runJob(a, k, c),
          [archive, `in/${name}`, config] as const,
        );
        const inNode = await runJob(archive, `in/${name}`, config, nodeCodecs);
        expect(inBrowser.outcome.ok).toBe(true);
        expect(inBrowser).toEqual(inNode);
      } finally {
        await page.close();
      }
    });
  }
});
