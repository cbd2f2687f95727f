/** Finished jobs for the callback tests (shapes as the engine's `JobDetail`; times epoch ms). */
import type { TaskFinishEvent } from '../engine/events.ts';
import type { JobDetail } from '../engine/types.ts';

const T0 = Date.UTC(2026, 0, 2, 3, 4, 5);

/** A FileHashCode job that ended Success with its result container. */
export function hashJob(jobId = 'f' + 'a'.repeat(32)): JobDetail {
  return {
    Code: 'Success', Message: '', JobId: jobId, Tag: 'FileHashCode', State: 'Success', Progress: 100,
    CreationTime: T0, StartTime: T0 + 200, EndTime: T0 + 900, QueueId: 'p' + 'b'.repeat(32),
    Input: { BucketId: 'test-1250000000', Object: 'in/a.txt', Region: 'ap-guangzhou' },
    Operation: {
      FileHashCodeConfig: { Type: 'MD5', AddToHeader: false },
      UserData: 'u1',
      FileHashCodeResult: { MD5: '0cc175b9c0f1b6a831c399e269772661', FileSize: 1, LastModified: '2026-01-02T11:04:05+0800', Etag: '"0cc175b9c0f1b6a831c399e269772661"' },
    },
  } as JobDetail;
}

/** A FileCompress job that ended Failed. */
export function failedCompressJob(): JobDetail {
  return {
    Code: 'NoSuchKey', Message: 'The specified key does not exist.', JobId: 'f' + 'c'.repeat(32), Tag: 'FileCompress',
    State: 'Failed', Progress: 30, CreationTime: T0, StartTime: T0 + 100, EndTime: T0 + 700, QueueId: 'p' + 'b'.repeat(32),
    Operation: {
      FileCompressConfig: { Flatten: '0', Format: 'zip', Key: ['a.txt', 'b.txt'] },
      Output: { Bucket: 'test-1250000000', Region: 'ap-guangzhou', Object: 'out.zip' },
    },
  } as JobDetail;
}

/** A TaskFinish event for `job` with the given target. */
export function finishEvent(job: JobDetail, target: TaskFinishEvent['target']): TaskFinishEvent {
  return { EventName: 'TaskFinish', at: job.EndTime ?? 0, bucket: 'test-1250000000', region: 'ap-guangzhou', job, target };
}
