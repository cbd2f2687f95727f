import { describe, expect, it } from 'vitest';
import * as errors from './errors.ts';
import { XML_DECLARATION, cosCiDocument } from './codec.ts';
import { testValidator as validator } from './test-fixtures/harness.ts';

describe('ERROR_STATUS (reference §5.3)', () => {
  it.each([
    ['InvalidArgument', 400], ['MalformedXML', 400], ['MissingRequestBodyError', 400], ['AccessDenied', 403], ['SignatureDoesNotMatch', 403],
    ['RequestTimeTooSkewed', 403], ['NoSuchKey', 404], ['NoSuchJob', 404], ['NoSuchBucket', 404], ['MethodNotAllowed', 405],
    ['MissingContentLength', 411], ['PreconditionFailed', 412], ['InternalError', 500], ['NotImplemented', 501], ['SlowDown', 503],
  ] as const)('%s → %i', (code, status) => {
    expect(errors.ERROR_STATUS[code]).toBe(status);
    expect(errors.apiError(code, 'm').status).toBe(status);
  });
});

describe('ERROR_STATUS agrees with the spec', () => {
  // components.responses describe each error status as "HTTP 404 … `NoSuchKey` — …, `NoSuchJob` — …".
  const responses = (cosCiDocument as { components?: { responses?: Record<string, { description?: string }> } }).components?.responses ?? {};
  const fromSpec = Object.values(responses).flatMap(({ description = '' }) => {
    const status = /^HTTP (\d{3})/.exec(description)?.[1];
    const codes = [...description.matchAll(/`([A-Za-z]+)` —|also spelled ([A-Za-z]+)/g)].map((match) => match[1] ?? match[2]);
    return status ? codes.map((code) => [code, Number(status)] as const) : [];
  });

  it('every code the spec lists has the same status here, and every code here is in the spec', () => {
    expect(fromSpec.length, 'the spec error responses should list codes as `Code` — meaning').toBeGreaterThan(20);
    expect(Object.fromEntries(fromSpec)).toEqual({ ...errors.ERROR_STATUS });
  });
});

describe('ApiError constructors', () => {
  it('carry the documented code, status and message', () => {
    expect(errors.malformedXml()).toMatchObject({ code: 'MalformedXML', status: 400 });
    expect(errors.invalidArgument('Request.Tag', 'is required')).toEqual({ code: 'InvalidArgument', status: 400, message: 'Request.Tag: is required' });
    expect(errors.invalidArgument('Request.Tag', 'Request.Tag: is required').message).toBe('Request.Tag: is required');
    expect(errors.noSuchKey('a/b.txt')).toEqual({ code: 'NoSuchKey', status: 404, message: 'The specified key does not exist.', resource: 'a/b.txt' });
    expect(errors.noSuchJob('f1')).toMatchObject({ code: 'NoSuchJob', status: 404, resource: 'f1' });
    expect(errors.noSuchQueue('p1')).toMatchObject({ code: 'NoSuchQueue', status: 404, resource: 'p1' });
    expect(errors.signatureDoesNotMatch()).toMatchObject({ code: 'SignatureDoesNotMatch', status: 403 });
    // The Node SDK's clock-skew retry matches this exact code and text (§5.2).
    expect(errors.requestExpired()).toEqual({ code: 'AccessDenied', status: 403, message: 'Request has expired' });
    expect(errors.methodNotAllowed('DELETE', '/file_jobs')).toMatchObject({ code: 'MethodNotAllowed', status: 405 });
  });

  it('maps parseBody failures onto errors', () => {
    const bad = validator.parseBody('<Request><Tag>Nope</Tag></Request>', 'SubmitJobRequest');
    if (bad.ok || bad.code !== 'InvalidArgument') throw new Error('expected InvalidArgument');
    expect(errors.invalidArgument(bad.path, bad.message).message).toBe('Request.Tag: must be one of FileCompress, FileUncompress, FileHashCode');
    expect(errors.parseFailureError(bad)).toEqual({ code: 'InvalidArgument', status: 400, message: 'Request.Tag: must be one of FileCompress, FileUncompress, FileHashCode' });
    const malformed = validator.parseBody('<Request>', 'SubmitJobRequest');
    if (malformed.ok) throw new Error('expected MalformedXML');
    expect(errors.parseFailureError(malformed)).toMatchObject({ code: 'MalformedXML', status: 400, message: expect.stringContaining('not well-formed') });
  });
});

describe('error bodies (reference §5.1, §5.2)', () => {
  const fields = { Code: 'NoSuchJob', Message: 'a & <b>', Resource: 'bucket-1.ci/file_jobs/f1', RequestId: 'NjMx', TraceId: 'T1' };

  it('are <Error> documents with the XML declaration, escaped, decodable and valid', () => {
    const xml = errors.errorBody(fields);
    expect(xml).toBe(`${XML_DECLARATION}<Error><Code>NoSuchJob</Code><Message>a &amp; &lt;b&gt;</Message><Resource>bucket-1.ci/file_jobs/f1</Resource><RequestId>NjMx</RequestId><TraceId>T1</TraceId></Error>`);
    expect(validator.parseBody(xml, 'Error')).toEqual({ ok: true, value: fields });
  });

  it.each(['Code', 'Message', 'Resource', 'RequestId'] as const)('refuse an empty %s (the Python SDK needs it)', (name) => {
    expect(() => errors.errorBody({ ...fields, [name]: '' })).toThrow(new RegExp(`non-empty ${name}`));
  });

  it('errorFields fills Resource from the request unless the error names one', () => {
    expect(errors.errorFields(errors.signatureDoesNotMatch(), { resource: '/file_jobs', requestId: 'R' })).toEqual({
      Code: 'SignatureDoesNotMatch', Message: errors.signatureDoesNotMatch().message, Resource: '/file_jobs', RequestId: 'R',
    });
    expect(errors.errorFields(errors.noSuchKey('k'), { resource: '/k', requestId: 'R', traceId: 'T' })).toMatchObject({ Resource: 'k', TraceId: 'T' });
  });
});
