import { describe, expect, it } from 'vitest';
import { cosCiCodec } from '../../protocol/codec.ts';
import { fromCallbackJson } from '../../protocol/callback-json.ts';
import { cosCiValidator, jdcloudValidator } from '../../protocol/validate.ts';
import { jdEventBody, renderJdCallback, renderTaskFinish } from './bodies.ts';
import { failedCompressJob, hashJob } from './test-support.ts';

describe('COS CI TaskFinish bodies (§4.2, §4.3)', () => {
  for (const job of [hashJob(), failedCompressJob()]) {
    it(`XML body of a ${job.State} ${job.Tag} job validates as TaskFinishCallback`, () => {
      const { headers, body } = renderTaskFinish(job, 'XML');
      expect(headers['content-type']).toBe('application/xml');
      expect(body).toMatch(/^<\?xml [^>]+\?><Response><EventName>TaskFinish<\/EventName><JobsDetail>/);
      const parsed = cosCiValidator.parseBody(body, 'TaskFinishCallback');
      expect(parsed).toMatchObject({ ok: true, value: { JobsDetail: { JobId: job.JobId, State: job.State, Code: job.Code } } });
      expect(body).toContain('<CreationTime>2026-01-02T11:04:05+0800</CreationTime>');
    });

    it(`JSON body of a ${job.State} ${job.Tag} job has string leaves and validates after coercion`, () => {
      const { headers, body } = renderTaskFinish(job, 'JSON');
      expect(headers['content-type']).toBe('application/json');
      const json = JSON.parse(body) as { EventName: string; JobsDetail: Record<string, unknown> };
      expect(json.EventName).toBe('TaskFinish');
      expect(json.JobsDetail.Progress).toBe(String(job.Progress));
      const coerced = fromCallbackJson(cosCiCodec.model, json, 'TaskFinishCallbackJson');
      expect(cosCiValidator.validate(coerced, 'TaskFinishCallbackJson').ok).toBe(true);
    });
  }
});

describe('JD Cloud S3-event bodies (§7.3)', () => {
  const base = { at: 0, endpoint: 'http://127.0.0.1:1/cb', requestId: 'AB2138B5D4C95193', bucket: 'jd-bucket', key: 'out/a.zip' };

  it('success body validates as JdCompressSuccessEvent and carries the documented headers', () => {
    const event = { ...base, outcome: { ok: true as const, size: 1024, etag: '"abc"' } };
    expect(jdcloudValidator.validate(jdEventBody(event), 'JdCompressSuccessEvent').ok).toBe(true);
    const { headers, body } = renderJdCallback(event);
    expect(headers).toMatchObject({ 'x-amz-sns-message-type': 'Notification', 'x-amz-sns-raw-key': 'true', RequestID: base.requestId });
    expect(JSON.parse(body).Records[0].s3.object).toEqual({ key: 'out/a.zip', size: 1024, eTag: '"abc"' });
  });

  it('failure body validates as JdCompressFailureEvent, keeps the vendor spelling `resourse`', () => {
    const event = { ...base, outcome: { ok: false as const, code: 'NoSuchKey', message: 'The specified key does not exist.', resource: 'missing.txt' } };
    const body = jdEventBody(event);
    expect(jdcloudValidator.validate(body, 'JdCompressFailureEvent').ok).toBe(true);
    expect(JSON.stringify(body)).toContain('"resourse":"missing.txt"');
    expect(jdcloudValidator.validate(body, 'JdCompressSuccessEvent').ok).toBe(false);
  });
});
