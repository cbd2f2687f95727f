import { describe, expect, it } from 'vitest';
import { fixedTiming, requestFor, testEngine } from './test-support.ts';

const BUCKET = 'examplebucket-1250000000';
const REGION = 'ap-chongqing';
const quick = { timing: fixedTiming() };
const active = { Name: 'My-Queue-file', State: 'Active', NotifyConfig: { State: 'Off' } };

describe('queues and scheduling', () => {
  it('a bucket gets its default queue on first use, with the documented defaults', () => {
    const { engine, clock } = testEngine();
    const { QueueList, TotalCount, NonExistPIDs, PageNumber, PageSize } = engine.listQueues(BUCKET, REGION);
    expect({ TotalCount, NonExistPIDs, PageNumber, PageSize }).toEqual({ TotalCount: 1, NonExistPIDs: [], PageNumber: 1, PageSize: 10 });
    expect(QueueList[0]).toMatchObject({
      Name: 'default-file-queue', State: 'Active', MaxSize: 10000, MaxConcurrent: 10, Category: 'FileProcess',
      NotifyConfig: { State: 'Off' }, CreateTime: clock.now(), UpdateTime: clock.now(),
    });
    expect(QueueList[0]?.QueueId).toMatch(/^p[0-9a-f]{32}$/);
    // The same queue serves later submissions; another bucket gets its own.
    expect(engine.submit(requestFor('FileHashCode')).QueueId).toBe(QueueList[0]?.QueueId);
    expect(engine.submit(requestFor('FileHashCode', { bucket: 'other-1250000000' })).QueueId).not.toBe(QueueList[0]?.QueueId);
  });

  it('an unknown QueueId (or another bucket\'s) is 404 NoSuchQueue', () => {
    const { engine } = testEngine();
    const other = engine.submit(requestFor('FileHashCode', { bucket: 'other-1250000000' })).QueueId;
    for (const QueueId of [`p${'9'.repeat(32)}`, other]) {
      expect(() => engine.submit(requestFor('FileHashCode', { QueueId }))).toThrow(expect.objectContaining({ code: 'NoSuchQueue', status: 404 }));
    }
    expect(() => engine.updateQueue('pnope', active)).toThrow(expect.objectContaining({ code: 'NoSuchQueue' }));
    expect(() => engine.updateQueue(other, active, BUCKET)).toThrow(expect.objectContaining({ code: 'NoSuchQueue' }));
  });

  it('MaxConcurrent is honoured; jobs beyond it wait in Submitted and start FIFO', async () => {
    const { engine, advance, state } = testEngine({ ...quick, queueDefaults: { maxConcurrent: 2 } });
    const ids = Array.from({ length: 5 }, () => engine.submit(requestFor('FileHashCode')).JobId);
    await advance(100);
    expect(ids.map((id) => state(id).State)).toEqual(['Running', 'Running', 'Submitted', 'Submitted', 'Submitted']);
    await advance(1000);
    expect(ids.map((id) => state(id).State)).toEqual(['Success', 'Success', 'Running', 'Running', 'Submitted']);
    // Jobs that waited longer than their latency start the moment a slot frees.
    expect(state(ids[2] as string).StartTime).toBe(state(ids[0] as string).EndTime);
    await advance(2000);
    expect(ids.map((id) => state(id).State)).toEqual(['Success', 'Success', 'Success', 'Success', 'Success']);
  });

  it('pausing turns waiting jobs into Pause (running ones continue); resuming brings them back in order', async () => {
    const { engine, advance, state } = testEngine({ ...quick, queueDefaults: { maxConcurrent: 1 } });
    const [a, b, c] = Array.from({ length: 3 }, () => engine.submit(requestFor('FileHashCode')).JobId) as [string, string, string];
    await advance(100);
    const queueId = state(a).QueueId;
    const paused = engine.updateQueue(queueId, { ...active, State: 'Paused' });
    expect(paused.State).toBe('Paused');
    expect([a, b, c].map((id) => state(id).State)).toEqual(['Running', 'Pause', 'Pause']);
    const d = engine.submit(requestFor('FileHashCode')).JobId;
    expect(state(d).State).toBe('Pause');
    await advance(5000);
    expect([a, b, c, d].map((id) => state(id).State)).toEqual(['Success', 'Pause', 'Pause', 'Pause']);
    engine.updateQueue(queueId, active);
    expect([b, c, d].map((id) => state(id).State)).toEqual(['Submitted', 'Submitted', 'Submitted']);
    await advance(100);
    expect([b, c, d].map((id) => state(id).State)).toEqual(['Running', 'Submitted', 'Submitted']);
    await advance(5000);
    const starts = [b, c, d].map((id) => state(id).StartTime ?? 0);
    expect([...starts].sort((x, y) => x - y)).toEqual(starts);
    expect(engine.history(b).map((h) => h.to)).toEqual(['Submitted', 'Pause', 'Submitted', 'Running', 'Success']);
  });

  it('a job reserved for a start (latency pending) is paused too, and does not start while paused', async () => {
    const { engine, advance, state } = testEngine(quick);
    const { JobId, QueueId } = engine.submit(requestFor('FileHashCode'));
    await advance(50);
    engine.updateQueue(QueueId, { ...active, State: 'Paused' });
    await advance(1000);
    expect(state(JobId).State).toBe('Pause');
  });

  it('MaxSize bounds the waiting jobs of a queue', () => {
    const { engine } = testEngine({ queueDefaults: { maxSize: 3, maxConcurrent: 1 } });
    for (let i = 0; i < 3; i++) engine.submit(requestFor('FileHashCode'));
    expect(() => engine.submit(requestFor('FileHashCode'))).toThrow(expect.objectContaining({ code: 'InvalidRequest', status: 400 }));
  });

  it('updateQueue validates Name, State and NotifyConfig (§2.10) and fills defaults', () => {
    const { engine, clock } = testEngine({ rejectIntranetUrls: true });
    const { QueueId } = engine.submit(requestFor('FileHashCode'));
    const bad: unknown[] = [
      { ...active, Name: '' }, { ...active, Name: 'has space' }, { ...active, Name: 'x'.repeat(129) },
      { ...active, State: 'Running' }, { Name: 'q', State: 'Active' },
      { ...active, NotifyConfig: { State: 'Maybe' } },
      { ...active, NotifyConfig: { State: 'On', Type: 'Url', Url: 'http://a.example' } },
      { ...active, NotifyConfig: { State: 'On', Type: 'Url', Event: 'TaskStart', Url: 'http://a.example' } },
      { ...active, NotifyConfig: { State: 'On', Type: 'Url', Event: 'TaskFinish' } },
      { ...active, NotifyConfig: { State: 'On', Type: 'Url', Event: 'TaskFinish', Url: 'ftp://a.example' } },
      { ...active, NotifyConfig: { State: 'On', Type: 'Url', Event: 'TaskFinish', Url: 'http://192.168.1.2/cb' } },
      { ...active, NotifyConfig: { State: 'On', Type: 'TDMQ', Event: 'TaskFinish', MqRegion: 'xx', MqName: 'n' } },
      { ...active, NotifyConfig: { State: 'On', Type: 'TDMQ', Event: 'TaskFinish', MqRegion: 'sh' } },
      { ...active, NotifyConfig: { State: 'On', Type: 'Kafka', Event: 'TaskFinish' } },
    ];
    for (const update of bad) {
      expect(() => engine.updateQueue(QueueId, update as typeof active), JSON.stringify(update)).toThrow(expect.objectContaining({ code: 'InvalidArgument', status: 400 }));
    }
    clock.advance(5000);
    const ok = engine.updateQueue(QueueId, { Name: '文件队列_1-*', State: 'Active', NotifyConfig: { State: 'On', Type: 'Url', Event: 'TaskFinish,WorkflowFinish', Url: 'https://cb.example.com/x' } });
    expect(ok).toMatchObject({ Name: '文件队列_1-*', NotifyConfig: { State: 'On', Type: 'Url', Event: 'TaskFinish,WorkflowFinish', ResultFormat: 'XML', Url: 'https://cb.example.com/x' } });
    expect(ok.UpdateTime - ok.CreateTime).toBe(5000);
    const mq = engine.updateQueue(QueueId, { ...active, NotifyConfig: { State: 'On', Type: 'TDMQ', Event: 'TaskFinish', MqRegion: 'gz', MqName: 'topic' } });
    expect(mq.NotifyConfig).toEqual({ State: 'On', Type: 'TDMQ', Event: 'TaskFinish', ResultFormat: 'XML', MqMode: 'Queue', MqRegion: 'gz', MqName: 'topic' });
    // Without rejectIntranetUrls (the default), local callback receivers are allowed.
    const local = testEngine();
    const q = local.engine.submit(requestFor('FileHashCode')).QueueId;
    expect(local.engine.updateQueue(q, { ...active, NotifyConfig: { State: 'On', Type: 'Url', Event: 'TaskFinish', Url: 'http://127.0.0.1:9000/cb' } }).NotifyConfig.Url).toBe('http://127.0.0.1:9000/cb');
  });

  it('listQueues filters by queueIds and state, reports NonExistPIDs, pages', () => {
    const { engine } = testEngine();
    const { QueueId } = engine.submit(requestFor('FileHashCode'));
    const missing = `p${'a'.repeat(32)}`;
    const byId = engine.listQueues(BUCKET, REGION, { queueIds: [QueueId, missing] });
    expect(byId.QueueList.map((q) => q.QueueId)).toEqual([QueueId]);
    expect(byId.NonExistPIDs).toEqual([missing]);
    expect(engine.listQueues(BUCKET, REGION, { state: 'Paused' }).TotalCount).toBe(0);
    engine.updateQueue(QueueId, { ...active, State: 'Paused' });
    expect(engine.listQueues(BUCKET, REGION, { state: 'Paused' }).TotalCount).toBe(1);
    expect(engine.listQueues(BUCKET, REGION, { state: 'All', pageNumber: 2 }).QueueList).toEqual([]);
    expect(() => engine.listQueues(BUCKET, REGION, { state: 'Sleeping' })).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
    expect(() => engine.listQueues(BUCKET, REGION, { pageSize: 0 })).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
    expect(() => engine.listQueues(BUCKET, REGION, { pageSize: 101 })).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
  });
});

describe('file_bucket (§2.11)', () => {
  it('enable creates the bucket record and its queue once; list filters; disable refuses new jobs until re-enabled', () => {
    const { engine, clock } = testEngine();
    const enabled = engine.enableBucket(BUCKET, REGION);
    expect(enabled).toEqual({ BucketId: BUCKET, Name: 'examplebucket', Region: REGION, CreateTime: clock.now() });
    engine.enableBucket(BUCKET, REGION);
    engine.enableBucket('photos-1250000001', 'ap-beijing');
    expect(engine.listQueues(BUCKET, REGION).TotalCount).toBe(1);
    expect(engine.listBuckets().FileBucketList.map((b) => b.BucketId)).toEqual([BUCKET, 'photos-1250000001']);
    expect(engine.listBuckets({ regions: ['ap-beijing'] }).FileBucketList.map((b) => b.Name)).toEqual(['photos']);
    expect(engine.listBuckets({ bucketNames: ['examplebucket'] }).TotalCount).toBe(1);
    expect(engine.listBuckets({ bucketName: 'pho' }).TotalCount).toBe(1);
    expect(engine.listBuckets({ pageSize: 1, pageNumber: 2 }).FileBucketList.map((b) => b.Name)).toEqual(['photos']);
    expect(engine.disableBucket(BUCKET)).toBe(true);
    expect(engine.disableBucket(BUCKET)).toBe(false);
    expect(engine.listBuckets().TotalCount).toBe(1);
    expect(() => engine.submit(requestFor('FileHashCode'))).toThrow(expect.objectContaining({ code: 'InvalidRequest' }));
    engine.enableBucket(BUCKET, REGION);
    expect(engine.submit(requestFor('FileHashCode')).State).toBe('Submitted');
    expect(engine.listQueues(BUCKET, REGION).TotalCount).toBe(1);
  });
});
