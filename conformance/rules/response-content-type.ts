import { sweepRule } from '../support/sweep.ts';

/** Responses documented as `application/xml` carry that Content-Type; responses documented without content have an empty body (§2.1, §5.1). */
export default sweepRule('contentType', 'XML answers say Content-Type: application/xml; bodiless answers have no body', 'spec/cos-ci/components/headers/ContentTypeXml · ref §2.1, §2.5, §5.1');
