/**
 * Acceptance: every body listed in spec/examples/manifest.yaml (vendor doc examples, SDK wire
 * captures, derived bodies) is judged by the codec + validator exactly as a server would: valid
 * ones decode and validate; invalid ones are rejected with an error containing `expectError`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fromCallbackJson } from './callback-json.ts';
import { jdCodec, jdValidator, testCodec, testValidator } from './test-fixtures/harness.ts';

interface Entry { file: string; api?: 'cos-ci' | 'jdcloud'; schema: string; valid: boolean; defect?: string; expectError?: string; coerceLeaves?: boolean }

const examplesDir = fileURLToPath(new URL('../spec/examples/', import.meta.url));
const manifest = parse(readFileSync(`${examplesDir}manifest.yaml`, 'utf8')) as Entry[];

/** `ok`, or the rejection as `<code>: <message>` (the text `expectError` is matched against). */
function judge(entry: Entry): 'ok' | string {
  const text = readFileSync(examplesDir + entry.file, 'utf8');
  const [codec, validator] = entry.api === 'jdcloud' ? [jdCodec, jdValidator] : [testCodec, testValidator];
  if (!entry.file.endsWith('.json')) {
    const result = validator.parseBody(text, entry.schema);
    return result.ok ? 'ok' : `${result.code}: ${result.message}`;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `MalformedJSON: ${(error as Error).message}`;
  }
  const value = entry.coerceLeaves ? fromCallbackJson(codec.model, json, entry.schema) : json;
  const result = validator.validate(value, entry.schema);
  return result.ok ? 'ok' : `${result.code}: ${result.message}`;
}

describe('spec/examples/manifest.yaml', () => {
  it('lists valid and invalid examples', () => {
    expect(manifest.filter((entry) => entry.valid).length).toBeGreaterThan(10);
    expect(manifest.filter((entry) => !entry.valid).length).toBeGreaterThan(3);
  });

  it.each(manifest.filter((entry) => entry.valid).map((entry) => [entry.file, entry] as const))('valid: %s', (_file, entry) => {
    expect(judge(entry)).toBe('ok');
  });

  it.each(manifest.filter((entry) => !entry.valid).map((entry) => [entry.file, entry] as const))('invalid: %s', (_file, entry) => {
    expect(entry.expectError, 'an invalid example must say which error it expects').toBeTruthy();
    const verdict = judge(entry);
    expect(verdict).not.toBe('ok');
    expect(verdict).toContain(entry.expectError);
  });
});
