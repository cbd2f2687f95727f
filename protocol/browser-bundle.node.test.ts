/**
 * Proof that the codec and validator run unchanged in a browser: esbuild bundles them with
 * `platform: 'browser'` and no Node polyfills (any `node:*`/built-in import fails the build), and
 * the bundle runs in a bare `node:vm` context without `require`, `process`, `Buffer` or `module`,
 * and in a real Chromium (playwright-core, `CHROMIUM_PATH` or /usr/bin/chromium).
 * The xml2js comparison documents why the codec does not use it (reference: brief, ARCHITECTURE).
 */
import { build } from 'esbuild';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { launchChromium } from './test-fixtures/chromium.node.ts';
import { describe, expect, it } from 'vitest';
import { testCodec, testValidator } from './test-fixtures/harness.ts';

const here = dirname(fileURLToPath(import.meta.url));

const entry = `
import { cosCiCodec as codec } from './codec.ts';
import { cosCiValidator as validator } from './validate.ts';
import { toCallbackJson } from './callback-json.ts';
globalThis.protocol = {
  decode: (xml, name) => codec.decode(xml, name),
  encode: (value, name) => codec.encode(value, name),
  parseBody: (xml, name) => validator.parseBody(xml, name),
  callbackJson: (value, name) => toCallbackJson(codec.model, value, name),
};`;

async function bundle(contents: string) {
  return build({
    stdin: { contents, resolveDir: here, loader: 'ts', sourcefile: 'browser-entry.ts' },
    bundle: true, platform: 'browser', format: 'iife', write: false, logLevel: 'silent', metafile: true,
  });
}

let entryBundle: ReturnType<typeof bundle> | undefined;
const bundledEntry = () => (entryBundle ??= bundle(entry));

const body = '<Request><Input><Object>k&amp;1</Object></Input><Tag>FileHashCode</Tag><Operation><FileHashCodeConfig><Type>MD5</Type><AddToHeader>true</AddToHeader></FileHashCodeConfig></Operation></Request>';

describe('browser bundle', () => {
  it('bundles for the browser without Node built-ins and behaves exactly as in Node', async () => {
    const result = await bundledEntry();
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.includes('node_modules/saxes/'))).toBe(true);
    expect(inputs.filter((input) => /^node:|xml2js|(^|\/)sax\//.test(input))).toEqual([]);
    const context = createContext({ TextEncoder, TextDecoder, URL });
    runInContext(result.outputFiles[0]!.text, context);
    expect(runInContext('typeof require + typeof process + typeof Buffer + typeof module', context)).toBe('undefinedundefinedundefinedundefined');
    const api = context.protocol as Record<string, (...args: unknown[]) => unknown>;
    const decoded = api.decode!(body, 'SubmitJobRequest');
    // Values cross the vm boundary, so compare by structure, not prototype identity.
    expect(JSON.parse(JSON.stringify(decoded))).toEqual(testCodec.decode(body, 'SubmitJobRequest'));
    expect(api.encode!(decoded, 'SubmitJobRequest')).toBe(testCodec.encode(decoded as never, 'SubmitJobRequest'));
    const bad = body.replace('MD5', 'CRC32');
    expect(JSON.parse(JSON.stringify(api.parseBody!(bad, 'SubmitJobRequest')))).toEqual(testValidator.parseBody(bad, 'SubmitJobRequest'));
    expect(api.parseBody!('<!DOCTYPE x><Request/>', 'SubmitJobRequest')).toMatchObject({ ok: false, code: 'MalformedXML' });
    expect(JSON.parse(JSON.stringify(api.callbackJson!(decoded, 'SubmitJobRequest')))).toMatchObject({ Operation: { FileHashCodeConfig: { AddToHeader: 'true' } } });
  });

  it('runs in Chromium with the same results as in Node', async () => {
    const result = await bundledEntry();
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.addScriptTag({ content: result.outputFiles[0]!.text });
      const bad = body.replace('<Type>MD5</Type>', '<Type>CRC32</Type>');
      const [decoded, encoded, invalid, malformed] = await page.evaluate(([xml, wrong]) => {
        const api = (globalThis as unknown as { protocol: Record<string, (...args: unknown[]) => unknown> }).protocol;
        const value = api.decode!(xml, 'SubmitJobRequest');
        return [value, api.encode!(value, 'SubmitJobRequest'), api.parseBody!(wrong, 'SubmitJobRequest'), api.parseBody!('<Request><Tag>x</Request>', 'SubmitJobRequest')];
      }, [body, bad] as const);
      expect(decoded).toEqual(testCodec.decode(body, 'SubmitJobRequest'));
      expect(encoded).toBe(testCodec.encode(decoded as never, 'SubmitJobRequest'));
      expect(invalid).toEqual(testValidator.parseBody(bad, 'SubmitJobRequest'));
      expect(malformed).toMatchObject({ ok: false, code: 'MalformedXML' });
    } finally {
      await browser.close();
    }
  });

  it('xml2js, by contrast, cannot be bundled for the browser without Node polyfills', async () => {
    const failure = await bundle(`import { parseString } from 'xml2js'; globalThis.p = parseString;`).then(() => undefined, (error: Error) => error);
    expect(failure?.message).toMatch(/Could not resolve "(events|timers|stream|string_decoder)"/);
  });
});
