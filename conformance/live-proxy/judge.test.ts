import { describe, expect, it } from 'vitest';
import { exchangeRecord, findingLines, needsBody, violationsHeader } from './judge.ts';

const finding = (ruleId: string) => ({ ruleId, spec: 'spec/x', documented: 'd', received: 'r' });

describe('live proxy judgement', () => {
  it('announces 0, or the count and distinct rule ids', () => {
    expect(violationsHeader([])).toBe('0');
    expect(violationsHeader([finding('response-request-id'), finding('error-body-shape'), finding('response-request-id')])).toBe('3; response-request-id, error-body-shape');
  });

  it('reads errors, XML answers and answers documented as XML; lets object downloads stream', () => {
    expect(needsBody('GET', '/a/b.bin', 404, 'application/xml')).toBe(true);
    expect(needsBody('GET', '/a/b.bin', 200, 'application/octet-stream')).toBe(false);
    expect(needsBody('GET', '/file_jobs/f0123', 200, 'text/plain')).toBe(true);
    expect(needsBody('GET', '/jobs?tag=FileHashCode', 200, null)).toBe(true);
  });

  it('logs each finding with its rule id and keeps every exchange as a JSON-lines record', () => {
    const exchange = { method: 'GET', url: '/jobs', status: 200, headers: new Headers(), text: '' };
    expect(findingLines(exchange, [finding('response-content-type')])).toEqual(['[fileproc] violation response-content-type: GET /jobs → HTTP 200; documented d; received r (spec/x)']);
    expect(exchangeRecord(exchange, [], new Date(0))).toEqual({ at: '1970-01-01T00:00:00.000Z', method: 'GET', url: '/jobs', status: 200, violations: [] });
  });
});
