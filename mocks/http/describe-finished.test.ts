import { describe, expect, it } from 'vitest';
import { CI, call, expectSpecBody, hashBody, submit, testMock, upload } from './test-support.ts';

type Described = { JobsDetail: { JobId: string; State: string; Progress: number }[] };

const describeOne = async (mock: ReturnType<typeof testMock>, id: string) =>
  expectSpecBody<Described>(await call(mock, `${CI}/file_jobs/${id}`), 'DescribeJobsResponse');

describe('describe of finished jobs (answer kept per job)', () => {
  it('answers a finished job the same way every time, and other ids and buckets as before', async () => {
    const mock = testMock();
    await upload(mock, 'a', 'x');
    const id = await submit(mock, hashBody('a'));
    await mock.admin.advance(5000);
    const first = await (await call(mock, `${CI}/file_jobs/${id}`)).text();
    expect(first).toContain('<State>Success</State>');
    expect(await (await call(mock, `${CI}/file_jobs/${id}`)).text()).toBe(first);
    const other = await describeOne(mock, `${id},f00000000000000000000000000000000`);
    expect(other.JobsDetail.map((j) => j.State)).toEqual(['Success']);
    const elsewhere = await expectSpecBody<{ NonExistJobIds: string[] }>(
      await call(mock, `http://other-1250000001.ci.ap-guangzhou.myqcloud.com/file_jobs/${id}`), 'DescribeJobsResponse');
    expect(elsewhere.NonExistJobIds).toEqual([id]);
  });

  it('does not serve a kept answer once a "terminal" job changed (terminal-state-changes fault)', async () => {
    const mock = testMock();
    await upload(mock, 'a', 'x');
    const id = await submit(mock, hashBody('a'));
    mock.engine.faults.enable('terminal-state-changes');
    expect((await call(mock, `${CI}/jobs/${id}?cancel`, { method: 'PUT' })).status).toBe(200);
    mock.engine.faults.disable('terminal-state-changes');
    expect((await describeOne(mock, id)).JobsDetail[0]?.State).toBe('Cancel'); // kept
    mock.engine.faults.enable('terminal-state-changes');
    await mock.admin.advance(5000); // the cancelled job starts and finishes anyway
    expect((await describeOne(mock, id)).JobsDetail[0]?.State).toBe('Success');
    mock.engine.faults.disable('terminal-state-changes');
    const after = (await describeOne(mock, id)).JobsDetail[0];
    expect(after).toMatchObject({ State: 'Success', Progress: 100 });
  });
});
