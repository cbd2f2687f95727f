import { createUuidV1Source, uuidV1Time, uuidV4Hex } from './ids/uuid.ts';
import type { RandomSource } from './ids/random.ts';

export { seededRandom, cryptoRandom, randomBytes, type RandomSource } from './ids/random.ts';

/** Makes JobIds and QueueIds from an injected clock (epoch ms) and random source; pure. */
export interface IdGenerator {
  /** A file-job id: `f` + UUID v1 hex whose timestamp is `now()` (reference §3.3). */
  jobId(): string;
  /** A queue id: `p` + UUID v4 hex (reference §3.3). */
  queueId(): string;
}

/** Creates an IdGenerator; pass `seededRandom(seed)` for reproducible ids. */
export function createIdGenerator(deps: { now: () => number; random: RandomSource }): IdGenerator {
  const uuids = createUuidV1Source(deps.now, deps.random);
  return {
    jobId: () => `f${uuids.next()}`,
    queueId: () => `p${uuidV4Hex(deps.random)}`,
  };
}

const JOB_ID = /^f[0-9a-f]{32}$/;
const QUEUE_ID = /^p[0-9a-f]{32}$/;

/**
 * True for the documented JobId shape, `f` + 32 lower-case hex (reference §3.1); with
 * `requireUuidV1` also the version/variant bits every real id carries (§3.3).
 */
export function isJobId(value: string, options: { requireUuidV1?: boolean } = {}): boolean {
  return JOB_ID.test(value) && (!options.requireUuidV1 || uuidV1Time(value.slice(1)) !== undefined);
}

/** True for the QueueId shape, `p` + 32 lower-case hex (reference §3.3). */
export function isQueueId(value: string): boolean {
  return QUEUE_ID.test(value);
}

/** The creation time (epoch ms) encoded in a JobId, or `undefined` when it is not UUID v1 based. */
export function jobIdCreationTime(jobId: string): number | undefined {
  return JOB_ID.test(jobId) ? uuidV1Time(jobId.slice(1)) : undefined;
}
