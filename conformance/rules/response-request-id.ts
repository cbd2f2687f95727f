import { sweepRule } from '../support/sweep.ts';

/** Every response carries a non-empty `x-ci-request-id` / `x-cos-request-id` as its operation documents (§3.3, §5.1). */
export default sweepRule('requestId', 'Every response carries its documented request-id header', 'spec/cos-ci/components/headers/XCiRequestId, XCosRequestId · ref §3.3, §5.1');
