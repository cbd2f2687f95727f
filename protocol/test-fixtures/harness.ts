/**
 * The codecs and validators the protocol tests run against: the real bundles, with string schema
 * names so table-driven tests can loop over names.
 */
import { codecFor } from '../codec.ts';
import { validatorFor } from '../validate.ts';

/** COS CI codec. */
export const testCodec = codecFor('cos-ci');
/** COS CI validator. */
export const testValidator = validatorFor('cos-ci');
/** JD Cloud codec. */
export const jdCodec = codecFor('jdcloud');
/** JD Cloud validator. */
export const jdValidator = validatorFor('jdcloud');
/** fast-check parameters: the CI seed when set (fast-check prints the seed on failure). */
export const fcRuns = (numRuns: number) => ({ seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, numRuns });
