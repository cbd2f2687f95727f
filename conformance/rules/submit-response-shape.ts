import { defineRule } from '../rule.ts';
import { hashJob, jobsDetails, putTestObject, submitOk } from '../support/jobs.ts';

/** A submit answers 200, `application/xml`, a request id, and one `JobsDetail` in state Submitted (§2.5). */
export default defineRule({
  id: 'submit-response-shape',
  title: 'Submit answers 200 with a valid SubmitJobResponse holding one Submitted job',
  spec: 'spec/cos-ci/paths/jobs.yaml#post · components/schemas/SubmitJobResponse · ref §2.5',
  profile: 'quick',
  kind: 'exchange',
  async run(ctx) {
    const key = await putTestObject(ctx, 'input.txt', 'submit-response-shape');
    const { exchange } = await submitOk(ctx, hashJob(key));
    const details = jobsDetails(exchange.value);
    ctx.check.equal(details.length, 1, 'number of JobsDetail elements');
    const [detail] = details as [(typeof details)[number]];
    ctx.check.equal(detail.Tag, 'FileHashCode', 'JobsDetail.Tag');
    ctx.check.that(['Submitted', 'Running', 'Success'].includes(String(detail.State)), 'State Submitted at creation (§2.5; a fast target may already be Running or Success)', `State ${detail.State}`);
    ctx.check.equal(detail.Code, 'Success', 'JobsDetail.Code of a job that has not failed (§2.5, §9.14)');
  },
});
