/** Public surface of the pure job engine (`mocks/engine`). */
export type { Clock, TimerHandle } from './clock.ts';
export { VirtualClock } from './virtual-clock.ts';
export { advanceSettled, runUntilIdleSettled, type Settleable } from './virtual-time.ts';
export { createSeededRandom, type RandomSource } from './random.ts';
export { JobEngine, DEFAULT_QUEUE, type EngineOptions } from './engine.ts';
export type { JobProcessor, QueueDefaults } from './context.ts';
export { EngineError, type EngineErrorCode } from './errors.ts';
export type { DeliveryTarget, TaskFinishEvent } from './events.ts';
export { ENGINE_FAULTS, FaultRegistry, type EngineFault } from './faults.ts';
export { ALLOWED_TRANSITIONS, TERMINAL_STATES, isAllowed, isTerminal } from './state-machine.ts';
export { DEFAULT_TIMING, type TimingOptions } from './timing.ts';
export { INTERRUPTED_FAILURE, type EngineSnapshot } from './snapshot.ts';
export type { DescribeResult, JobListQuery, JobListResult } from './queries.ts';
export type { QueueListQuery, QueueListResult } from './queues.ts';
export type { BucketListQuery, BucketListResult } from './file-buckets.ts';
export type { QueueUpdate } from './queue-validation.ts';
export { encodeToken, decodeToken } from './paging.ts';
export * from './types.ts';
