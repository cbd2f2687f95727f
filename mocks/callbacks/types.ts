/**
 * Shapes of callback delivery (reference §4, §7.3): what the deliverer is given, what it records
 * for the admin API (`GET /__fileproc/callbacks`), and what TDMQ topics hold.
 */

/** A finished JD Cloud Compress Object request (§7.3): where to call and what happened. */
export interface JdCompressFinishEvent {
  at: number;
  /** `x-amz-notification-endpoint` of the request. */
  endpoint: string;
  /** Request id of the compress request; sent as the `RequestID` header and `error.requestId`. */
  requestId: string;
  bucket: string;
  /** Key of the archive (the request path). */
  key: string;
  outcome:
    | { ok: true; size: number; etag: string }
    | { ok: false; code: string; message: string; resource?: string };
}

/** One try to deliver a callback; `status` for an HTTP answer, `error` when none came. */
export interface DeliveryAttempt {
  attempt: number;
  at: number;
  url: string;
  ok: boolean;
  status?: number;
  error?: string;
}

/** A callback and its delivery history, as the admin API shows it. */
export interface CallbackRecord {
  id: number;
  /** CI job id, or the JD request id. */
  jobId: string;
  eventName: 'TaskFinish' | 'ObjectCreated:Compress' | 'Error:CompressFailed';
  channel: 'url' | 'tdmq';
  /** Target URL (`channel: url`) or `region/mode/name` of the TDMQ topic. */
  target: string;
  format: 'XML' | 'JSON';
  headers: Record<string, string>;
  body: string;
  createdAt: number;
  state: 'pending' | 'delivered' | 'abandoned';
  attempts: DeliveryAttempt[];
  /** When the next retry is due (pending records only). */
  nextAttemptAt?: number;
}

/** A message published to an in-memory TDMQ topic (`CallBackType=TDMQ`, §4.1). */
export interface TdmqMessage {
  region: string;
  mode: string;
  name: string;
  at: number;
  jobId: string;
  format: 'XML' | 'JSON';
  body: string;
}
