/** Public surface of `mocks/callbacks`: delivery of job callbacks (§4, §7.3). */
export { CallbackDeliverer, type CallbackDelivererOptions } from './deliverer.ts';
export { DEFAULT_RETRY_POLICY, nextAttemptAt, type RetryPolicy } from './retry-policy.ts';
export { jdEventBody, jobDetailToWire, renderJdCallback, renderTaskFinish, type RenderedCallback } from './bodies.ts';
export { TdmqTopics, type TdmqAddress } from './tdmq.ts';
export type { CallbackRecord, DeliveryAttempt, JdCompressFinishEvent, TdmqMessage } from './types.ts';
