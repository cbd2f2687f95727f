import { sweepRule } from '../support/sweep.ts';

/** Every 2xx XML body decodes and validates against the schema its operation documents (filehash/zippreview picked by `ci-process`). */
export default sweepRule('schema', 'Every 2xx XML body validates against its operation schema', 'spec/cos-ci/openapi.yaml#/paths (response content schemas) · components/schemas');
