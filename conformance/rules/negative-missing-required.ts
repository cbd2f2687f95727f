import fc from 'fast-check';
import { elementsOf, xmlWithElement } from '../arbitraries/submit-requests.ts';
import { defineRule } from '../rule.ts';
import { expectRejected, negativeBase } from '../support/negative.ts';

/** A submit missing any element its Tag's schema requires → 400 InvalidArgument, no job (§5.3 derived list, spec `required`). */
export default defineRule({
  id: 'negative-missing-required',
  title: 'Submit without a required element → 400 InvalidArgument and no job created',
  spec: 'spec/cos-ci/components/schemas/FileHashCodeJobRequest, FileCompressJobRequest, FileUncompressJobRequest (required) · components/responses/BadRequest · ref §2.2–§2.4, §5.3',
  profile: 'quick',
  kind: 'property',
  async run(ctx) {
    const { requests } = await negativeBase(ctx);
    const cases = requests.flatMap((request) => elementsOf(request).required.map((path) => ({ request, path })));
    ctx.check.that(cases.length >= 6, 'required elements found in the spec for the three tags', `${cases.length} found`);
    await ctx.check.property([fc.constantFrom(...cases)], async ({ request, path }) => {
      const body = xmlWithElement(request, path, undefined);
      await expectRejected(ctx, () => ctx.client.submitJob(body), { status: 400, code: 'InvalidArgument' }, `${request.Tag} submit without ${path.join('/')}`);
    });
  },
});
