/**
 * Proof that `createMock` (store, engine, processing, fetch handler, admin API) is browser-safe:
 * esbuild bundles `mocks/index.ts` for `platform: 'browser'` (a `node:*` import anywhere in the
 * graph fails the build), and the bundle runs a whole FileCompress lifecycle in a bare `node:vm`
 * context that has Web APIs only — no `require`, `process`, `Buffer` or `module`.
 */
import { build } from 'esbuild';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

const entry = `
import { createMock } from '../index.ts';
globalThis.lifecycle = async () => {
  const mock = createMock({ seed: 3, startTime: Date.UTC(2026, 0, 1) });
  const cos = 'http://test-1250000000.cos.ap-guangzhou.myqcloud.com';
  const ci = 'http://test-1250000000.ci.ap-guangzhou.myqcloud.com';
  await mock.fetch(new Request(cos + '/a.txt', { method: 'PUT', body: 'alpha' }));
  await mock.fetch(new Request(cos + '/b.txt', { method: 'PUT', body: 'bravo' }));
  const body = '<Request><Tag>FileCompress</Tag><Operation><FileCompressConfig><Flatten>0</Flatten><Format>zip</Format><Key>a.txt</Key><Key>b.txt</Key></FileCompressConfig><Output><Bucket>test-1250000000</Bucket><Region>ap-guangzhou</Region><Object>o.zip</Object></Output></Operation></Request>';
  const submitted = await (await mock.fetch(new Request(ci + '/file_jobs', { method: 'POST', body }))).text();
  const id = /<JobId>(.*?)<\\/JobId>/.exec(submitted)[1];
  await mock.admin.advance(10000);
  const described = await (await mock.fetch(new Request(ci + '/file_jobs/' + id))).text();
  const preview = await (await mock.fetch(new Request(cos + '/o.zip?ci-process=zippreview'))).text();
  return { state: /<State>(\\w+)<\\/State>/.exec(described)[1], preview };
};`;

describe('createMock in a browser-like context', () => {
  it('bundles for the browser and runs a FileCompress lifecycle with Web APIs only', async () => {
    const result = await build({
      stdin: { contents: entry, resolveDir: here, loader: 'ts', sourcefile: 'mock-entry.ts' },
      bundle: true, platform: 'browser', format: 'iife', write: false, logLevel: 'silent',
      // 7z-wasm's only Node reference is a guarded dynamic import("module") (uncompress README "Browser").
      external: ['module'],
    });
    const code = result.outputFiles[0]?.text ?? '';
    const web = {
      Request, Response, Headers, ReadableStream, TextEncoder, TextDecoder, URL, URLSearchParams, AbortController, AbortSignal,
      TransformStream, WritableStream, CompressionStream, DecompressionStream, Blob, Event, EventTarget, structuredClone, performance,
      crypto: globalThis.crypto, atob, btoa, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, WebAssembly, console,
    };
    const context = createContext({ ...web });
    runInContext(code, context);
    const outcome = (await runInContext('lifecycle()', context)) as { state: string; preview: string };
    expect(runInContext('typeof process + typeof require + typeof Buffer', context)).toBe('undefinedundefinedundefined');
    expect(outcome.state).toBe('Success');
    expect(outcome.preview).toContain('<FileNumber>2</FileNumber>');
  });
});
