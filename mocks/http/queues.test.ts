import { describe, expect, it } from 'vitest';
import { CI, call, expectError, expectSpecBody, hashBody, submit, testMock } from './test-support.ts';

type Queue = { QueueId: string; Name: string; State: string; NotifyConfig?: Record<string, string> };

const update = (name: string, state: string, notify = '<NotifyConfig><State>Off</State></NotifyConfig>'): string =>
  `<Request><Name>${name}</Name><State>${state}</State>${notify}</Request>`;

describe('file queues (GET /file_queue, PUT|POST /file_queue/{id})', () => {
  it('lists the default queue of a bucket (ListQueuesResponse) and reports unknown ids in NonExistPIDs', async () => {
    const mock = testMock();
    const value = await expectSpecBody<{ QueueList: Queue[]; TotalCount: number; RequestId: string }>(await call(mock, `${CI}/file_queue?state=All&pageNumber=&pageSize=`), 'ListQueuesResponse');
    expect(value.TotalCount).toBe(1);
    expect(value.QueueList[0]).toMatchObject({ State: 'Active', Name: 'default-file-queue' });
    const unknown = `p${'9'.repeat(32)}`;
    const filtered = await expectSpecBody<{ NonExistPIDs?: string[] }>(await call(mock, `${CI}/file_queue?queueIds=${unknown}`), 'ListQueuesResponse');
    expect(filtered.NonExistPIDs).toEqual([unknown]);
    await expectError(await call(mock, `${CI}/file_queue?state=Sleeping`), 400, 'InvalidArgument');
  });

  it('updates with PUT and POST (UpdateQueueResponse); pausing holds new jobs in Pause', async () => {
    const mock = testMock();
    const list = await expectSpecBody<{ QueueList: Queue[] }>(await call(mock, `${CI}/file_queue`), 'ListQueuesResponse');
    const id = list.QueueList[0]?.QueueId as string;
    const notify = '<NotifyConfig><State>On</State><Event>TaskFinish</Event><Type>Url</Type><Url>http://127.0.0.1:1/cb</Url></NotifyConfig>';
    const paused = await expectSpecBody<{ Queue: Queue }>(await call(mock, `${CI}/file_queue/${id}`, { method: 'PUT', body: update('q1', 'Paused', notify) }), 'UpdateQueueResponse');
    expect(paused.Queue).toMatchObject({ QueueId: id, Name: 'q1', State: 'Paused', NotifyConfig: { State: 'On', Url: 'http://127.0.0.1:1/cb' } });
    const job = await submit(mock, hashBody('a'));
    expect(mock.engine.describe([job]).JobsDetail[0]?.State).toBe('Pause');
    const active = await expectSpecBody<{ Queue: Queue }>(await call(mock, `${CI}/file_queue/${id}`, { method: 'POST', body: update('q1', 'Active') }), 'UpdateQueueResponse');
    expect(active.Queue.State).toBe('Active');
    expect(mock.engine.describe([job]).JobsDetail[0]?.State).toBe('Submitted');
  });

  it('refuses bad updates: unknown queue 404 NoSuchQueue, bad id 400, bad enum 400 naming the element, malformed 400', async () => {
    const mock = testMock();
    await expectError(await call(mock, `${CI}/file_queue/p${'0'.repeat(32)}`, { method: 'PUT', body: update('q', 'Active') }), 404, 'NoSuchQueue');
    expect((await expectError(await call(mock, `${CI}/file_queue/nope`, { method: 'PUT', body: update('q', 'Active') }), 400, 'InvalidArgument')).Message).toContain('QueueId');
    const list = await expectSpecBody<{ QueueList: Queue[] }>(await call(mock, `${CI}/file_queue`), 'ListQueuesResponse');
    const id = list.QueueList[0]?.QueueId as string;
    expect((await expectError(await call(mock, `${CI}/file_queue/${id}`, { method: 'PUT', body: update('q', 'Sleeping') }), 400, 'InvalidArgument')).Message).toContain('State');
    await expectError(await call(mock, `${CI}/file_queue/${id}`, { method: 'PUT', body: '<Request><Name>' }), 400, 'MalformedXML');
    await expectError(await call(mock, `${CI}/file_queue/${id}`, { method: 'PUT' }), 400, 'MissingRequestBodyError');
  });
});

describe('file_bucket (POST, GET on the service host, DELETE)', () => {
  it('enables, lists and disables file processing; a disabled bucket refuses submissions', async () => {
    const mock = testMock();
    const created = await expectSpecBody<{ FileBucket: { BucketId: string; Name: string; Region: string } }>(await call(mock, `${CI}/file_bucket`, { method: 'POST' }), 'CreateFileBucketResponse');
    expect(created.FileBucket).toMatchObject({ BucketId: 'test-1250000000', Name: 'test', Region: 'ap-guangzhou' });
    const listed = await expectSpecBody<{ TotalCount: number; FileBucketList: { BucketId: string }[] }>(
      await call(mock, 'http://ci.ap-guangzhou.myqcloud.com/file_bucket?regions=ap-guangzhou&pageSize=5'), 'ListFileBucketsResponse');
    expect(listed.FileBucketList.map((b) => b.BucketId)).toEqual(['test-1250000000']);
    await expectError(await call(mock, 'http://ci.ap-guangzhou.myqcloud.com/file_bucket?pageSize=101'), 400, 'InvalidArgument');
    const disabled = await call(mock, `${CI}/file_bucket`, { method: 'DELETE' });
    expect(disabled.status).toBe(204);
    expect(disabled.headers.get('x-ci-request-id')).toBeTruthy();
    await expectError(await call(mock, `${CI}/file_jobs`, { method: 'POST', body: hashBody('a') }), 400, 'InvalidRequest');
  });
});
