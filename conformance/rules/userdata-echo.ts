import fc from 'fast-check';
import { defineRule } from '../rule.ts';
import { hashJob, jobsDetails, putTestObject, submitOk } from '../support/jobs.ts';
import { compressRequest } from '../support/processing.ts';

const ascii = (min: number, max: number) => fc.string({ unit: fc.integer({ min, max }).map((code) => String.fromCharCode(code)), minLength: 1, maxLength: 1024 });
/** Printable ASCII with the XML-special characters, whitespace edges and the two edge lengths made likely. */
const userData = fc.oneof(
  ascii(0x20, 0x7e),
  fc.constantFrom('<', '&amp;', ']]>', ' padded ', '"\'', 'x'.repeat(1024), '<'.repeat(1024)),
  fc.tuple(fc.constantFrom('<&>', ' '), fc.nat(1021)).map(([chars, n]) => chars.repeat(Math.ceil((n + 1) / chars.length)).slice(0, n + 1)),
);

/** UserData (printable ASCII ≤ 1024) comes back unchanged in submit, describe and list, for every tag (§2.2, §3.1). */
export default defineRule({
  id: 'userdata-echo',
  title: 'UserData (printable ASCII, 1..1024 chars, XML-special characters) is echoed byte for byte by submit, describe and list',
  spec: 'spec/cos-ci/components/schemas/UserData · ref §2.2 (UserData), §2.4, §3.1',
  profile: 'quick',
  kind: 'property',
  async run(ctx) {
    const key = await putTestObject(ctx, 'userdata.txt', 'userdata-echo');
    let n = 0;
    await ctx.check.property([userData, fc.constantFrom('FileHashCode', 'FileCompress')], async (data, tag) => {
      const body = tag === 'FileHashCode'
        ? hashJob(key, { userData: data })
        : compressRequest(ctx, { Key: [key] }, `${ctx.prefix}out-${n++}.zip`);
      if (tag === 'FileCompress') (body.Operation as { UserData?: string }).UserData = data;
      const { jobId, exchange } = await submitOk(ctx, body);
      const described = await ctx.client.describeJobs(jobId);
      ctx.check.exchange(described, { status: 200 });
      const listed = await ctx.client.listJobs({ tag, states: 'All', size: 100 });
      ctx.check.exchange(listed, { status: 200 });
      for (const [where, value] of [['submit', exchange.value], ['describe', described.value], ['list', listed.value]] as const) {
        const detail = jobsDetails(value).find((entry) => entry.JobId === jobId);
        ctx.check.equal((detail?.Operation as { UserData?: string } | undefined)?.UserData, data, `${where} Operation.UserData of ${tag} job ${jobId}`);
      }
    });
  },
});
