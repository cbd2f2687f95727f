import fc from 'fast-check';
import { defineRule } from '../rule.ts';
import { hashJob, jobsDetails, putTestObject, submitOk } from '../support/jobs.ts';

const printableAscii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 1024 });
const hashType = fc.constantFrom('MD5', 'SHA1', 'SHA256', 'md5', 'sha1', 'Sha256');

/** Describe echoes what was submitted: Tag, Input.Object, the config (Type as sent) and UserData unchanged (§2.5, §2.6, §9.10). */
export default defineRule({
  id: 'describe-roundtrip-echo',
  title: 'Submit → describe echoes the configuration and UserData exactly',
  spec: 'spec/cos-ci/components/schemas/UserData, FileHashCodeConfig · spec/README.md §9.10 · ref §2.2 (UserData), §2.5, §2.6',
  profile: 'quick',
  kind: 'property',
  async run(ctx) {
    const key = await putTestObject(ctx, 'echo.txt', 'describe-roundtrip-echo');
    await ctx.check.property([printableAscii, hashType], async (userData, type) => {
      const { jobId, exchange } = await submitOk(ctx, hashJob(key, { userData, type }));
      const described = await ctx.client.describeJobs(jobId);
      ctx.check.exchange(described, { status: 200 });
      for (const [where, value] of [['submit response', exchange.value], ['describe', described.value]] as const) {
        const detail = ctx.check.present(jobsDetails(value)[0], `one JobsDetail in the ${where}`, () => described.text);
        const operation = detail.Operation as { UserData?: string; FileHashCodeConfig?: { Type?: string } } | undefined;
        ctx.check.equal(detail.Tag, 'FileHashCode', `${where} Tag`);
        ctx.check.equal((detail as { Input?: { Object?: string } }).Input?.Object, key, `${where} Input.Object`);
        ctx.check.equal(operation?.FileHashCodeConfig?.Type, type, `${where} Operation.FileHashCodeConfig.Type (echoed as sent, §9.10)`);
        ctx.check.equal(operation?.UserData, userData, `${where} Operation.UserData`);
      }
    });
  },
});
