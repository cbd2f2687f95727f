/**
 * The codec and validator the protocol tests run against: the real COS CI bundle, viewed with
 * string schema names so table-driven tests can loop over names.
 */
import { cosCiCodec, jdcloudCodec, type Codec } from '../codec.ts';
import { cosCiValidator, jdcloudValidator, type Validator } from '../validate.ts';

type Loose = Record<string, unknown>;
/** COS CI codec with loosely typed schema names. */
export const testCodec = cosCiCodec as unknown as Codec<Loose>;
/** COS CI validator with loosely typed schema names. */
export const testValidator = cosCiValidator as unknown as Validator<Loose>;
/** JD Cloud codec with loosely typed schema names. */
export const jdCodec = jdcloudCodec as unknown as Codec<Loose>;
/** JD Cloud validator with loosely typed schema names. */
export const jdValidator = jdcloudValidator as unknown as Validator<Loose>;
/** fast-check parameters: the CI seed when set (fast-check prints the seed on failure). */
export const fcRuns = (numRuns: number) => ({ seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, numRuns });
