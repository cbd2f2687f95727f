/**
 * The codec and validator the protocol tests run against. Until the spec's bundle exists this is
 * the mini fixture document (same conventions as the Redocly bundle).
 */
import { createCodec } from '../codec.ts';
import { createValidator } from '../validate.ts';
import mini from './mini-cos-ci.json' with { type: 'json' };

/** The document under test. */
export const testDocument = mini;
/** Codec over the document under test. */
export const testCodec = createCodec(testDocument);
/** Validator over the document under test. */
export const testValidator = createValidator(testDocument, testCodec);
/** fast-check parameters: the CI seed when set (fast-check prints the seed on failure). */
export const fcRuns = (numRuns: number) => ({ seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, numRuns });
