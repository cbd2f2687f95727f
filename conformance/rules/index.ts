/**
 * Every rule module, listed statically so the suite runs anywhere (no filesystem globbing).
 * Add one import and one array entry per rule file; `index.test.ts` checks the list is complete.
 */
import type { Rule } from '../rule.ts';
import describeMultiNonexist from './describe-multi-nonexist.ts';
import describeRoundtripEcho from './describe-roundtrip-echo.ts';
import errorBodyShape from './error-body-shape.ts';
import jobIdFormat from './job-id-format.ts';
import malformedXml400 from './malformed-xml-400.ts';
import responseBodySchema from './response-body-schema.ts';
import responseContentType from './response-content-type.ts';
import responseRequestId from './response-request-id.ts';
import responseStatusDocumented from './response-status-documented.ts';
import submitPathAlias from './submit-path-alias.ts';
import submitResponseShape from './submit-response-shape.ts';
import unknownRoute404405 from './unknown-route-404-405.ts';

/** All rules, in the order they run. */
export const RULES: readonly Rule[] = [
  // Single exchanges
  responseStatusDocumented,
  responseContentType,
  responseRequestId,
  responseBodySchema,
  errorBodyShape,
  unknownRoute404405,
  malformedXml400,
  // Submit and describe
  submitResponseShape,
  submitPathAlias,
  jobIdFormat,
  describeRoundtripEcho,
  describeMultiNonexist,
];
