import { sweepRule } from '../support/sweep.ts';

/** Every answer of the sweep has a status listed in its operation's `responses` (§5.3 table for errors). */
export default sweepRule('status', 'Every response status is one the operation documents', 'spec/cos-ci/openapi.yaml#/paths (responses of each operation) · ref §5.3');
