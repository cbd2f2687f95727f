import { describe, expect, it } from 'vitest';
import { CI, call, compressBody, expectError, expectSpecBody, hashBody, submit, testMock, upload } from './test-support.ts';

type Detail = { JobId: string; State: string; Tag: string; CreationTime: string; StartTime: string; Progress: number };

describe('submit (POST /file_jobs, POST /jobs)', () => {
  it('accepts all three tags on both paths and answers a Submitted JobsDetail', async () => {
    const mock = testMock();
    await upload(mock, 'a.txt', 'hello');
    for (const path of ['/file_jobs', '/jobs']) {
      for (const body of [compressBody(['a.txt']), hashBody('a.txt'), hashBody('a.txt', 'sha1')]) {
        const response = await call(mock, CI + path, { method: 'POST', body });
        const value = await expectSpecBody<{ JobsDetail: Detail }>(response, 'SubmitJobResponse');
        expect(value.JobsDetail).toMatchObject({ State: 'Submitted', Progress: 0, StartTime: '-', CreationTime: '2026-01-01T08:00:00+0800' });
        expect(value.JobsDetail.JobId).toMatch(/^f[0-9a-f]{32}$/);
      }
    }
    expect(mock.engine.snapshot().jobs).toHaveLength(6);
  });

  it('takes the bucket and region from the CI Host, or the defaults for 127.0.0.1', async () => {
    const mock = testMock();
    await call(mock, 'http://other-1250000001.ci.ap-beijing.myqcloud.com/file_jobs', { method: 'POST', body: hashBody('x') });
    await call(mock, 'http://127.0.0.1:9000/file_jobs', { method: 'POST', body: hashBody('y') });
    expect(mock.engine.snapshot().jobs.map((j) => [j.bucket, j.region])).toEqual([['other-1250000001', 'ap-beijing'], ['test-1250000000', 'ap-guangzhou']]);
  });

  it('takes the bucket from the Host header in Ip mode, even the COS host Python sends on CI calls (wire)', async () => {
    const mock = testMock();
    const response = await call(mock, 'http://127.0.0.1:9000/file_jobs', { method: 'POST', body: hashBody('x'), headers: { host: 'py-1250000002.cos.ap-shanghai.myqcloud.com' } });
    await expectSpecBody(response, 'SubmitJobResponse', { family: 'cos' });
    expect(mock.engine.snapshot().jobs.map((j) => [j.bucket, j.region])).toEqual([['py-1250000002', 'ap-shanghai']]);
  });

  it('requires CallBackMqConfig with CallBackType=TDMQ', async () => {
    const mock = testMock();
    const body = hashBody('a').replace('</Request>', '<CallBackType>TDMQ</CallBackType></Request>');
    const error = await expectError(await call(mock, CI + '/file_jobs', { method: 'POST', body }), 400, 'InvalidArgument');
    expect(error.Message).toContain('CallBackMqConfig');
    expect(mock.engine.snapshot().jobs).toHaveLength(0);
  });

  it('answers 404 NoSuchQueue for an unknown QueueId', async () => {
    const mock = testMock();
    const body = hashBody('a').replace('</Request>', `<QueueId>p${'0'.repeat(32)}</QueueId></Request>`);
    await expectError(await call(mock, CI + '/file_jobs', { method: 'POST', body }), 404, 'NoSuchQueue');
  });
});

describe('describe (GET /file_jobs/{ids}, /jobs/{ids})', () => {
  it('answers several ids in request order, URL-decoded (Python sends %2C), unknown ids in NonExistJobIds', async () => {
    const mock = testMock();
    const a = await submit(mock, hashBody('a'));
    const b = await submit(mock, hashBody('b'));
    const unknown = `f${'1'.repeat(32)}`;
    for (const path of [`/file_jobs/${b}%2C${unknown}%2C${a}`, `/jobs/${b},${unknown},${a}`]) {
      const value = await expectSpecBody<{ JobsDetail: Detail[]; NonExistJobIds: string[] }>(await call(mock, CI + path), 'DescribeJobsResponse');
      expect(value.JobsDetail.map((j) => j.JobId)).toEqual([b, a]);
      expect(value.NonExistJobIds).toEqual([unknown]);
    }
  });

  it('answers 200 with only NonExistJobIds when every id is unknown (§9.16)', async () => {
    const mock = testMock();
    const value = await expectSpecBody<Record<string, unknown>>(await call(mock, `${CI}/file_jobs/fabc,fdef`), 'DescribeJobsResponse');
    expect(value).toEqual({ NonExistJobIds: ['fabc', 'fdef'] });
  });

  it('refuses more than 10 ids and ids outside the pattern with 400 InvalidArgument naming JobIds', async () => {
    const mock = testMock();
    const eleven = Array.from({ length: 11 }, (_, i) => `f${i}`).join(',');
    expect((await expectError(await call(mock, `${CI}/file_jobs/${eleven}`), 400, 'InvalidArgument')).Message).toContain('JobIds');
    expect((await expectError(await call(mock, `${CI}/file_jobs/a%20b`), 400, 'InvalidArgument')).Message).toContain('JobIds');
  });
});

describe('list (GET /jobs)', () => {
  it('filters by tag and state, pages with nextToken, newest first by default', async () => {
    const mock = testMock();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(await submit(mock, hashBody(`k${i}`)));
      await mock.admin.advance(1000);
    }
    await submit(mock, compressBody(['k0']));
    const seen: string[] = [];
    let token = '';
    for (let page = 0; page < 5; page++) {
      const value = await expectSpecBody<{ JobsDetail?: Detail[]; NextToken?: string }>(
        await call(mock, `${CI}/jobs?tag=FileHashCode&size=2&states=All&orderByTime=Desc&nextToken=${encodeURIComponent(token)}`), 'ListJobsResponse');
      seen.push(...(value.JobsDetail ?? []).map((j) => j.JobId));
      if (!value.NextToken) break;
      token = value.NextToken;
    }
    expect(seen).toEqual([...ids].reverse());
    const running = await expectSpecBody<{ JobsDetail?: Detail[] }>(await call(mock, `${CI}/jobs?tag=FileCompress&states=Submitted,Running`), 'ListJobsResponse');
    expect(running.JobsDetail).toHaveLength(1);
  });

  it('treats creation-time bounds as inclusive (§9.20)', async () => {
    const mock = testMock();
    await submit(mock, hashBody('a'));
    await mock.admin.advance(2000);
    const second = await submit(mock, hashBody('b'));
    await mock.admin.advance(2000);
    await submit(mock, hashBody('c'));
    const at = encodeURIComponent('2026-01-01T08:00:02+0800');
    const value = await expectSpecBody<{ JobsDetail: Detail[] }>(await call(mock, `${CI}/jobs?tag=FileHashCode&startCreationTime=${at}&endCreationTime=${at}`), 'ListJobsResponse');
    expect(value.JobsDetail.map((j) => j.JobId)).toEqual([second]);
  });

  it('answers an empty page as <Response/> without NextToken', async () => {
    const value = await expectSpecBody<Record<string, unknown>>(await call(testMock(), `${CI}/jobs?tag=FileUncompress`), 'ListJobsResponse');
    expect(value).toEqual({});
  });

  it.each([
    ['tag=FileCompress&size=101', 'size'], ['tag=FileCompress&size=0', 'size'], ['tag=FileCompress&size=ten', 'size'],
    ['size=10', 'tag'], ['tag=Bogus', 'tag'], ['tag=FileCompress&states=Done', 'states'],
    ['tag=FileCompress&orderByTime=Up', 'orderByTime'], ['tag=FileCompress&startCreationTime=yesterday', 'startCreationTime'],
    ['tag=FileCompress&nextToken=garbage', 'nextToken'],
  ])('refuses %s with 400 InvalidArgument naming %s', async (query, name) => {
    const error = await expectError(await call(testMock(), `${CI}/jobs?${query}`), 400, 'InvalidArgument');
    expect(error.Message).toContain(name);
  });
});

describe('cancel (PUT /jobs/{ids}?cancel)', () => {
  it('cancels queued jobs with ?cancel and ?cancel= (200, empty body)', async () => {
    const mock = testMock();
    const a = await submit(mock, hashBody('a'));
    const b = await submit(mock, hashBody('b'));
    for (const [id, query] of [[a, '?cancel'], [b, '?cancel=']] as const) {
      const response = await call(mock, `${CI}/jobs/${id}${query}`, { method: 'PUT' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-length')).toBe('0');
      expect(response.headers.get('x-ci-request-id')).toBeTruthy();
      expect(await response.text()).toBe('');
    }
    const value = await expectSpecBody<{ JobsDetail: Detail[] }>(await call(mock, `${CI}/file_jobs/${a},${b}`), 'DescribeJobsResponse');
    expect(value.JobsDetail.map((j) => j.State)).toEqual(['Cancel', 'Cancel']);
  });

  it('refuses running and finished jobs with 400 InvalidRequest, unknown ids with 404 NoSuchJob', async () => {
    const mock = testMock();
    await upload(mock, 'a', 'x');
    const id = await submit(mock, hashBody('a'));
    await mock.admin.advance(350);
    expect(mock.engine.describe([id]).JobsDetail[0]?.State).toBe('Running');
    expect((await expectError(await call(mock, `${CI}/jobs/${id}?cancel`, { method: 'PUT' }), 400, 'InvalidRequest')).Message).toContain('Running');
    await mock.admin.advance(5000);
    await expectError(await call(mock, `${CI}/jobs/${id}?cancel`, { method: 'PUT' }), 400, 'InvalidRequest');
    await expectError(await call(mock, `${CI}/jobs/f${'2'.repeat(32)}?cancel`, { method: 'PUT' }), 404, 'NoSuchJob');
    await expectError(await call(mock, `${CI}/jobs/${id}?cancel=yes`, { method: 'PUT' }), 400, 'InvalidArgument');
    expect(mock.engine.describe([id]).JobsDetail[0]?.State).toBe('Success');
  });

});
