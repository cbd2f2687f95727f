/**
 * Helpers for the HTTP tests (tests only): a seeded virtual-time mock, request builders for the
 * CI/COS hosts, and assertions that a response is what the spec says — XML decoded with the
 * codec and validated against the operation's schema, with the headers every answer carries.
 */
import { expect } from 'vitest';
import { codecFor } from '../../protocol/codec.ts';
import { validatorFor } from '../../protocol/validate.ts';
import { createMock, type Mock, type MockOptions } from '../index.ts';

/** The default bucket of test mocks. */
export const BUCKET = 'test-1250000000';
/** The default region of test mocks. */
export const REGION = 'ap-guangzhou';
/** The CI host base URL as an SDK in proxy mode addresses it. */
export const CI = `http://${BUCKET}.ci.${REGION}.myqcloud.com`;
/** The COS host base URL. */
export const COS = `http://${BUCKET}.cos.${REGION}.myqcloud.com`;
/** A start time with whole seconds, so formatted times are predictable. */
export const T0 = Date.UTC(2026, 0, 1, 0, 0, 0);

/** fast-check parameters: the CI seed when set. */
export const fcRuns = (numRuns: number) => ({ seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, numRuns });

/** A mock on virtual time with a fixed seed and start. */
export function testMock(options: MockOptions = {}): Mock {
  return createMock({ seed: 7, startTime: T0, ...options });
}

/** Calls the mock. */
export function call(mock: Mock, url: string, init: RequestInit = {}): Promise<Response> {
  return mock.fetch(new Request(url, init));
}

/** A minimal valid FileCompress submit body. */
export function compressBody(keys: string[], output = 'out/archive.zip', format = 'zip'): string {
  return `<Request><Tag>FileCompress</Tag><Operation><FileCompressConfig><Flatten>0</Flatten><Format>${format}</Format>${keys.map((k) => `<Key>${k}</Key>`).join('')}</FileCompressConfig><Output><Bucket>${BUCKET}</Bucket><Region>${REGION}</Region><Object>${output}</Object></Output></Operation></Request>`;
}

/** A minimal valid FileHashCode submit body. */
export function hashBody(key: string, type = 'MD5'): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<Request><Input><Object>${key}</Object></Input><Tag>FileHashCode</Tag><Operation><FileHashCodeConfig><Type>${type}</Type><AddToHeader>false</AddToHeader></FileHashCodeConfig></Operation></Request>`;
}

/** A minimal valid FileUncompress submit body. */
export function uncompressBody(key: string, prefix: string): string {
  return `<Request><Tag>FileUncompress</Tag><Input><Object>${key}</Object></Input><Operation><FileUncompressConfig><Prefix>${prefix}</Prefix><PrefixReplaced>0</PrefixReplaced></FileUncompressConfig><Output><Bucket>${BUCKET}</Bucket><Region>${REGION}</Region></Output></Operation></Request>`;
}

function expectCommonHeaders(response: Response, family: 'ci' | 'cos'): void {
  expect(response.headers.get('server')).toBe(family === 'ci' ? 'tencent-ci' : 'tencent-cos');
  expect(response.headers.get(family === 'ci' ? 'x-ci-request-id' : 'x-cos-request-id')).toMatch(/^[A-Za-z0-9+/=]+$/);
}

/**
 * Asserts a 2xx XML answer valid against `schemaName` of the API and returns the decoded value.
 * `Content-Type` must be exactly `application/xml` and `Content-Length` the body's byte length.
 */
export async function expectSpecBody<T = Record<string, unknown>>(
  response: Response, schemaName: string, options: { status?: number; family?: 'ci' | 'cos'; api?: 'cos-ci' | 'jdcloud' } = {},
): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(options.status ?? 200);
  expect(response.headers.get('content-type')).toBe('application/xml');
  expect(response.headers.get('content-length')).toBe(String(new TextEncoder().encode(text).byteLength));
  expectCommonHeaders(response, options.family ?? 'ci');
  const api = options.api ?? 'cos-ci';
  const value = codecFor(api).decode(text, schemaName);
  const checked = validatorFor(api).validate(value, schemaName);
  expect(checked.ok ? 'valid' : checked.message).toBe('valid');
  return value as T;
}

/** Asserts an `<Error>` answer (§5.1): status, code, non-empty Code/Message/Resource/RequestId, TraceId. */
export async function expectError(response: Response, status: number, code: string, family: 'ci' | 'cos' = 'ci'): Promise<{ Message: string; Resource: string }> {
  const error = await expectSpecBody<{ Code: string; Message: string; Resource: string; RequestId: string; TraceId: string }>(response, 'Error', { status, family });
  expect(error.Code).toBe(code);
  for (const field of ['Message', 'Resource', 'RequestId', 'TraceId'] as const) expect(error[field]).toBeTruthy();
  expect(error.RequestId).toBe(response.headers.get(family === 'ci' ? 'x-ci-request-id' : 'x-cos-request-id'));
  expect(response.headers.get(family === 'ci' ? 'x-ci-trace-id' : 'x-cos-trace-id')).toBe(error.TraceId);
  return error;
}

/** Submits a job and returns its JobId (asserting the SubmitJobResponse schema). */
export async function submit(mock: Mock, body: string, path = '/file_jobs'): Promise<string> {
  const value = await expectSpecBody<{ JobsDetail: { JobId: string } }>(await call(mock, CI + path, { method: 'POST', body }), 'SubmitJobResponse');
  return value.JobsDetail.JobId;
}

/** Uploads an object through the COS PUT route. */
export async function upload(mock: Mock, key: string, body: string | Uint8Array, headers: Record<string, string> = {}): Promise<Response> {
  const response = await call(mock, `${COS}/${key.split('/').map(encodeURIComponent).join('/')}`, { method: 'PUT', body: body as BodyInit, headers });
  expect(response.status).toBe(200);
  return response;
}
