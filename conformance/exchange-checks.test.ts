import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXCHANGE_RULES, checkExchange, wireExchange, type WireExchange } from './exchange-checks.ts';
import { findOperation } from './spec-operations.ts';

const example = (name: string) => readFileSync(new URL(`../spec/examples/${name}`, import.meta.url), 'utf8');
const ci = (extra: Record<string, string> = {}) => new Headers({ 'content-type': 'application/xml', 'x-ci-request-id': 'NjM=', ...extra });
const exchange = (method: string, url: string, status: number, headers: Headers, text = ''): WireExchange => ({ method, url, status, headers, text });
const ids = (found: ReturnType<typeof checkExchange>) => found.map((finding) => finding.ruleId);

describe('findOperation', () => {
  it.each([
    ['POST', '/file_jobs', 'submitFileJob'],
    ['GET', '/jobs?tag=FileHashCode', 'listJobs'],
    ['GET', '/jobs/fa,fb', 'describeJobs'],
    ['PUT', '/jobs/fa?cancel', 'cancelJobs'],
    ['POST', '/file_queue/p1', 'updateFileQueueWithPost'],
    ['GET', '/', 'listObjects'],
    ['GET', '/dir/%E4%B8%AD.txt?ci-process=filehash&type=md5', 'getObject'],
    ['POST', '/out/a.zip?compress', 'compressObject'],
  ])('%s %s → %s', (method, url, operationId) => {
    expect(findOperation(method, url)?.operationId).toBe(operationId);
  });

  it('has no operation for undocumented method/path pairs', () => {
    expect(findOperation('DELETE', '/jobs')).toBeUndefined();
    expect(findOperation('POST', '/a.txt')).toBeUndefined();
  });
});

describe('checkExchange', () => {
  it('accepts a documented submit answer (F7 fixture)', () => {
    expect(checkExchange(exchange('POST', '/jobs', 200, ci(), example('F7-hash-submit-response.xml')))).toEqual([]);
  });

  it('names the rule of each defect', () => {
    const body = example('F7-hash-submit-response.xml');
    expect(ids(checkExchange(exchange('POST', '/jobs', 202, ci(), body)))).toEqual([EXCHANGE_RULES.status]);
    expect(ids(checkExchange(exchange('POST', '/jobs', 200, new Headers({ 'content-type': 'application/xml' }), body)))).toEqual([EXCHANGE_RULES.requestId]);
    expect(ids(checkExchange(exchange('POST', '/jobs', 200, ci({ 'content-type': 'text/plain' }), body)))).toEqual([EXCHANGE_RULES.contentType]);
    expect(ids(checkExchange(exchange('POST', '/jobs', 200, ci(), body.replace('<State>Submitted</State>', '<State>Queued</State>'))))).toEqual([EXCHANGE_RULES.schema]);
    expect(ids(checkExchange(exchange('PUT', '/jobs/fa?cancel', 200, ci(), '<x/>')))).toEqual([EXCHANGE_RULES.contentType]);
  });

  it('checks error bodies: shape, §5.3 status of the code, RequestId = header', () => {
    const error = (code: string, requestId = 'NjM=') => `<Error><Code>${code}</Code><Message>m</Message><Resource>r</Resource><RequestId>${requestId}</RequestId></Error>`;
    expect(checkExchange(exchange('PUT', '/jobs/fa?cancel', 404, ci(), error('NoSuchJob')))).toEqual([]);
    expect(ids(checkExchange(exchange('PUT', '/jobs/fa?cancel', 400, ci(), error('NoSuchJob'))))).toEqual([EXCHANGE_RULES.errorShape]);
    expect(ids(checkExchange(exchange('PUT', '/jobs/fa?cancel', 404, ci(), error('NoSuchJob', 'other'))))).toEqual([EXCHANGE_RULES.errorShape]);
    expect(ids(checkExchange(exchange('PUT', '/jobs/fa?cancel', 404, ci(), '<Error><Code>NoSuchJob</Code></Error>')))).toEqual([EXCHANGE_RULES.errorShape]);
  });

  it('picks the ci-process schema for GET /{Key} and accepts any bytes without it', () => {
    const hash = example('F8-filehash-response.xml');
    const cos = new Headers({ 'content-type': 'application/xml', 'x-cos-request-id': 'NjM=' });
    expect(checkExchange(exchange('GET', '/a.txt?ci-process=filehash&type=md5', 200, cos, hash))).toEqual([]);
    expect(ids(checkExchange(exchange('GET', '/a.txt?ci-process=zippreview', 200, cos, hash)))).toEqual([EXCHANGE_RULES.schema]);
    expect(checkExchange(exchange('GET', '/a.txt', 200, new Headers({ 'content-type': 'image/png', 'x-cos-request-id': 'x' }), '\u0089PNG'))).toEqual([]);
  });

  it('works on a (Request, Response) pair without consuming the response', async () => {
    const response = new Response('<Error><Code>MalformedXML</Code><Message>m</Message><RequestId>NjM=</RequestId></Error>', { status: 400, headers: ci() });
    const wire = await wireExchange(new Request('http://h/jobs', { method: 'POST', body: '<' }), response);
    expect(checkExchange(wire)).toEqual([]);
    expect(await response.text()).toContain('MalformedXML');
  });
});
