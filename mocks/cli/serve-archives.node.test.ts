// `fileproc serve` as launched (the cached bundle of bundle-cache.js, with zip.js bundled in and
// node-unrar-js / 7z-wasm loaded on first use, see bundle-plugins.js): every archive library
// really works from the bundle, on the first job of its kind.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRar5 } from '../processing/fixtures/make-rar.ts';

const CLI = new URL('./fileproc.js', import.meta.url).pathname;
const CONTENT = 'archived by the serve-archives test\n';
let child: ChildProcess;
let url = '';
let errors = '';

function serve(): Promise<{ process: ChildProcess; url: string }> {
  const started = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--seed', '3'], { stdio: ['ignore', 'pipe', 'pipe'] });
  started.stderr?.on('data', (chunk: Buffer) => { errors += chunk.toString(); });
  return new Promise((resolve, reject) => {
    let output = '';
    started.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /\[fileproc\] listening on (http:\/\/\S+) \(/.exec(output);
      if (match?.[1]) resolve({ process: started, url: match[1] });
    });
    started.once('exit', (code) => reject(new Error(`fileproc serve exited with ${code}: ${output}`)));
  });
}

beforeAll(async () => {
  // A first run that ends cleanly leaves the V8 code cache (bundle-runner.js), so the server under
  // test runs from it: code from a cache is where a lost dynamic-import callback would show.
  const first = await serve();
  const exited = new Promise((resolve) => first.process.once('exit', resolve));
  first.process.kill('SIGTERM');
  await exited;
  ({ process: child, url } = await serve());
}, 60_000);
afterAll(() => { child?.kill('SIGKILL'); });

function sevenZip(): Uint8Array<ArrayBuffer> {
  const dir = mkdtempSync(join(tmpdir(), 'fileproc-7z-'));
  try {
    writeFileSync(join(dir, 'a.txt'), CONTENT);
    execFileSync('7z', ['a', '-bd', '-y', join(dir, 'x.7z'), 'a.txt'], { cwd: dir, stdio: 'ignore' });
    return new Uint8Array(readFileSync(join(dir, 'x.7z')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function uncompressed(key: string, archive: Uint8Array<ArrayBuffer>): Promise<{ state: string; text: string }> {
  expect((await fetch(`${url}/${key}`, { method: 'PUT', body: archive })).status).toBe(200);
  const prefix = `out-${key.replace('.', '-')}/`;
  const body = `<Request><Tag>FileUncompress</Tag><Input><Object>${key}</Object></Input><Operation><FileUncompressConfig><Prefix>${prefix}</Prefix><PrefixReplaced>0</PrefixReplaced></FileUncompressConfig><Output><Bucket>test-1250000000</Bucket><Region>ap-guangzhou</Region></Output></Operation></Request>`;
  const submitted = await (await fetch(`${url}/file_jobs`, { method: 'POST', body })).text();
  const id = /<JobId>(\w+)<\/JobId>/.exec(submitted)?.[1];
  if (!id) throw new Error(`submit failed: ${submitted}`);
  for (let i = 0; i < 800; i++) {
    const described = await (await fetch(`${url}/file_jobs/${id}`)).text();
    const state = /<State>(\w+)<\/State>/.exec(described)?.[1] ?? '';
    if (state === 'Success') return { state, text: await (await fetch(`${url}/${prefix}a.txt`)).text() };
    if (state === 'Failed' || state === 'Cancel') return { state: `${state}: ${described}`, text: '' };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`job ${id} did not end`);
}

describe('fileproc serve, archive libraries from the bundle', () => {
  it('runs from the bundle (a failed build would fall back to tsx and say so)', () => {
    expect(errors).not.toContain('[fileproc] the cached bundle failed');
  });

  it.each([
    ['x.zip', async () => new Uint8Array(zipSync({ 'a.txt': strToU8(CONTENT) }))],
    ['x.rar', async () => new Uint8Array(await makeRar5([{ name: 'a.txt', content: strToU8(CONTENT) }]))],
    ['x.7z', async () => sevenZip()],
  ])('extracts %s', async (key, make) => {
    expect(await uncompressed(key, await make())).toEqual({ state: 'Success', text: CONTENT });
  }, 30_000);

  it('previews a zip (zip.js through ranged reads)', async () => {
    expect((await fetch(`${url}/p.zip`, { method: 'PUT', body: new Uint8Array(zipSync({ 'a.txt': strToU8(CONTENT) })) })).status).toBe(200);
    const response = await fetch(`${url}/p.zip?ci-process=zippreview`);
    const text = await response.text();
    expect(response.status, text).toBe(200);
    expect(text).toContain('<Contents><Key>a.txt</Key>');
  });
});
