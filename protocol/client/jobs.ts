/**
 * CI operations of `spec/cos-ci` (reference §2.2–§2.11): jobs, queues, file_bucket.
 * Bodies may be typed values (encoded by the codec) or raw XML text (for negative tests).
 */
import { cosCiCodec } from '../codec.ts';
import type { Send } from './send.ts';
import type { Ci, Exchange } from './types.ts';

/** Query of `GET /jobs` (listJobs, reference §2.7); names as on the wire. */
export interface ListJobsQuery {
  tag: string;
  queueId?: string;
  queueType?: string;
  workflowId?: string;
  inventoryTriggerJobId?: string;
  inputObject?: string;
  orderByTime?: 'Desc' | 'Asc' | string;
  nextToken?: string;
  size?: number | string;
  states?: string;
  startCreationTime?: string;
  endCreationTime?: string;
}

/** Query of `GET /file_queue` (listFileQueues, reference §2.9). */
export interface ListQueuesQuery { queueIds?: string; state?: string; pageNumber?: string | number; pageSize?: string | number; category?: string }

/** Query of `GET /file_bucket` (listFileProcessingBuckets, reference §2.11). */
export interface ListFileBucketsQuery { regions?: string; bucketNames?: string; bucketName?: string; pageNumber?: number | string; pageSize?: number | string }

/** Turns a query object into wire pairs, dropping undefined values. */
export function queryPairs(query: object): Array<[string, string]> {
  return Object.entries(query).filter(([, value]) => value !== undefined).map(([name, value]) => [name, String(value)]);
}

const xml = { 'content-type': 'application/xml' };
const ids = (jobIds: string | readonly string[]) => (typeof jobIds === 'string' ? jobIds : jobIds.join(','));

/** The job, queue and file_bucket operations bound to a `send`. */
export function jobOperations(send: Send) {
  return {
    /** submitJob / submitFileJob: `POST /jobs` or `POST /file_jobs` (reference §2.2–§2.5, §9.1). */
    submitJob(body: Ci['SubmitJobRequest'] | string, options: { path?: '/file_jobs' | '/jobs'; headers?: Record<string, string> } = {}) {
      const text = typeof body === 'string' ? body : cosCiCodec.encode(body, 'SubmitJobRequest');
      return send({ side: 'ci', method: 'POST', path: options.path ?? '/jobs', headers: { ...xml, ...options.headers }, body: text, schema: 'SubmitJobResponse' }) as Promise<Exchange<Ci['SubmitJobResponse']>>;
    },
    /** describeJobs / describeFileJobs: `GET /jobs/{ids}` or `/file_jobs/{ids}`, ≤ 10 ids (reference §2.6, §9.2). */
    describeJobs(jobIds: string | readonly string[], options: { path?: '/file_jobs' | '/jobs' } = {}) {
      return send({ side: 'ci', method: 'GET', path: `${options.path ?? '/jobs'}/${ids(jobIds)}`, schema: 'DescribeJobsResponse' }) as Promise<Exchange<Ci['DescribeJobsResponse']>>;
    },
    /** listJobs: `GET /jobs?tag=…` (reference §2.7). */
    listJobs(query: ListJobsQuery) {
      return send({ side: 'ci', method: 'GET', path: '/jobs', query: queryPairs(query), schema: 'ListJobsResponse' }) as Promise<Exchange<Ci['ListJobsResponse']>>;
    },
    /** cancelJobs: `PUT /jobs/{ids}?cancel` (reference §2.8, §9.21); `spelling` `cancel=` tries the other wire form. */
    cancelJobs(jobIds: string | readonly string[], options: { spelling?: 'cancel' | 'cancel=' } = {}) {
      const value = options.spelling === 'cancel=' ? '' : null;
      return send({ side: 'ci', method: 'PUT', path: `/jobs/${ids(jobIds)}`, query: [['cancel', value]] }) as Promise<Exchange>;
    },
    /** listFileQueues: `GET /file_queue` (reference §2.9). */
    listQueues(query: ListQueuesQuery = {}) {
      return send({ side: 'ci', method: 'GET', path: '/file_queue', query: queryPairs(query), schema: 'ListQueuesResponse' }) as Promise<Exchange<Ci['ListQueuesResponse']>>;
    },
    /** updateFileQueue (PUT) / updateFileQueueWithPost (POST): `/file_queue/{QueueId}` (reference §2.10, §9.3). */
    updateQueue(queueId: string, body: Ci['UpdateQueueRequest'] | string, options: { method?: 'PUT' | 'POST' } = {}) {
      const text = typeof body === 'string' ? body : cosCiCodec.encode(body, 'UpdateQueueRequest');
      return send({ side: 'ci', method: options.method ?? 'PUT', path: `/file_queue/${queueId}`, headers: xml, body: text, schema: 'UpdateQueueResponse' }) as Promise<Exchange<Ci['UpdateQueueResponse']>>;
    },
    /** enableFileProcessing: `POST /file_bucket` (reference §2.11). */
    createFileBucket() {
      return send({ side: 'ci', method: 'POST', path: '/file_bucket', schema: 'CreateFileBucketResponse' }) as Promise<Exchange<Ci['CreateFileBucketResponse']>>;
    },
    /** listFileProcessingBuckets: `GET /file_bucket` on the service host (reference §2.11). */
    listFileBuckets(query: ListFileBucketsQuery = {}) {
      return send({ side: 'ci-service', method: 'GET', path: '/file_bucket', query: queryPairs(query), schema: 'ListFileBucketsResponse' }) as Promise<Exchange<Ci['ListFileBucketsResponse']>>;
    },
    /** disableFileProcessing: `DELETE /file_bucket` → 204 (reference §2.11). */
    deleteFileBucket() {
      return send({ side: 'ci', method: 'DELETE', path: '/file_bucket' }) as Promise<Exchange>;
    },
  };
}
