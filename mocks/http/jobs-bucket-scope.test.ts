import { describe, expect, it } from 'vitest';
import { CI, call, expectError, expectSpecBody, hashBody, submit, testMock } from './test-support.ts';

const OTHER = 'http://other-1250000001.ci.ap-beijing.myqcloud.com';

type Listed = { JobsDetail?: { JobId: string }[] };

/** A mock whose jobs wait (start latency far away) with one job in the default bucket and one in `other`. */
async function twoBucketMock() {
  const mock = testMock({ timing: { startLatencyMs: [1e7, 1e7], jitter: 0 } });
  const mine = await submit(mock, hashBody('a'));
  const value = await expectSpecBody<{ JobsDetail: { JobId: string } }>(await call(mock, `${OTHER}/file_jobs`, { method: 'POST', body: hashBody('b') }), 'SubmitJobResponse');
  return { mock, mine, theirs: value.JobsDetail.JobId };
}

const listIds = async (mock: ReturnType<typeof testMock>, url: string): Promise<string[]> =>
  ((await expectSpecBody<Listed>(await call(mock, url), 'ListJobsResponse')).JobsDetail ?? []).map((j) => j.JobId);

describe('jobs are scoped by the Host’s bucket (§1.1)', () => {
  it('describe puts another bucket’s job in NonExistJobIds; 127.0.0.1 means the default bucket', async () => {
    const { mock, mine, theirs } = await twoBucketMock();
    for (const base of [CI, 'http://127.0.0.1:9000']) {
      const value = await expectSpecBody<{ JobsDetail: { JobId: string }[]; NonExistJobIds: string[] }>(await call(mock, `${base}/jobs/${mine},${theirs}`), 'DescribeJobsResponse');
      expect(value.JobsDetail.map((j) => j.JobId)).toEqual([mine]);
      expect(value.NonExistJobIds).toEqual([theirs]);
    }
  });

  it('list shows only the bucket’s jobs', async () => {
    const { mock, mine, theirs } = await twoBucketMock();
    expect(await listIds(mock, `${CI}/jobs?tag=FileHashCode`)).toEqual([mine]);
    expect(await listIds(mock, `${OTHER}/jobs?tag=FileHashCode`)).toEqual([theirs]);
  });

  it('cancel of another bucket’s job is 404 NoSuchJob and cancels nothing', async () => {
    const { mock, mine, theirs } = await twoBucketMock();
    await expectError(await call(mock, `${CI}/jobs/${mine},${theirs}?cancel`, { method: 'PUT' }), 404, 'NoSuchJob');
    expect(mock.engine.describe([mine, theirs]).JobsDetail.map((j) => j.State)).toEqual(['Submitted', 'Submitted']);
    expect((await call(mock, `${OTHER}/jobs/${theirs}?cancel`, { method: 'PUT' })).status).toBe(200);
    expect(mock.engine.describe([theirs]).JobsDetail[0]?.State).toBe('Cancel');
  });
});

describe('list filters queueType, workflowId, inventoryTriggerJobId (§2.7)', () => {
  it('queueType=FileProcess matches file jobs, another type none, and queueId takes precedence', async () => {
    const { mock, mine } = await twoBucketMock();
    const queueId = mock.engine.describe([mine]).JobsDetail[0]?.QueueId ?? '';
    expect(await listIds(mock, `${CI}/jobs?tag=FileHashCode&queueType=FileProcess`)).toEqual([mine]);
    expect(await listIds(mock, `${CI}/jobs?tag=FileHashCode&queueType=Transcoding`)).toEqual([]);
    expect(await listIds(mock, `${CI}/jobs?tag=FileHashCode&queueType=Transcoding&queueId=${queueId}`)).toEqual([mine]);
  });

  it('a workflowId or inventoryTriggerJobId matches no file job; empty values are ignored', async () => {
    const { mock, mine } = await twoBucketMock();
    expect(await listIds(mock, `${CI}/jobs?tag=FileHashCode&workflowId=web6ac56c1ef54dbfa44d7f4103203be9`)).toEqual([]);
    expect(await listIds(mock, `${CI}/jobs?tag=FileHashCode&inventoryTriggerJobId=b1`)).toEqual([]);
    expect(await listIds(mock, `${CI}/jobs?tag=FileHashCode&workflowId=&inventoryTriggerJobId=`)).toEqual([mine]);
  });
});
