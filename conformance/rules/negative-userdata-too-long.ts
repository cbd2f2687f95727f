import fc from 'fast-check';
import { defineRule } from '../rule.ts';
import { hashJob } from '../support/jobs.ts';
import { expectRejected, negativeBase } from '../support/negative.ts';

const printable = fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code));
/** Over 1024 printable characters, or ≤ 1024 with a character outside printable ASCII. */
const badUserData = fc.oneof(
  fc.string({ unit: printable, minLength: 1025, maxLength: 4096 }),
  fc.integer({ min: 1025, max: 1100 }).map((n) => 'x'.repeat(n)),
  fc.tuple(fc.string({ unit: printable, maxLength: 1000 }), fc.constantFrom('\t', '\u007f', 'é', '中', '\n', '😀'), fc.string({ unit: printable, minLength: 1, maxLength: 20 }))
    .map(([head, bad, tail]) => `${head}${bad}${tail}`),
);

/** UserData over 1024 characters or not printable ASCII → 400 InvalidArgument and no job (spec UserData, §5.3). */
export default defineRule({
  id: 'negative-userdata-too-long',
  title: 'UserData over 1024 characters or outside printable ASCII → 400 InvalidArgument and no job created',
  spec: 'spec/cos-ci/components/schemas/UserData (maxLength 1024, pattern printable ASCII) · ref §2.2 (UserData), §5.3',
  profile: 'quick',
  kind: 'property',
  async run(ctx) {
    const { key } = await negativeBase(ctx);
    await ctx.check.property([badUserData], async (userData) => {
      await expectRejected(ctx, () => ctx.client.submitJob(hashJob(key, { userData })), { status: 400, code: 'InvalidArgument' }, `UserData of ${userData.length} chars ${JSON.stringify(userData.slice(-24))}`);
    });
  },
});
