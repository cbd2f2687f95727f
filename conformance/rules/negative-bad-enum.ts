import fc from 'fast-check';
import { elementsOf, xmlWithElement } from '../arbitraries/submit-requests.ts';
import { defineRule } from '../rule.ts';
import { expectRejected, negativeBase } from '../support/negative.ts';

/** A value outside an enum (a near miss or other text) → 400 InvalidArgument, no job; enum leaves come from the spec. */
export default defineRule({
  id: 'negative-bad-enum',
  title: 'Submit with an enum element outside its values → 400 InvalidArgument and no job created',
  spec: 'spec/cos-ci/components/schemas/FileCompressConfig (Format, Flatten, Type), FileUncompressConfig (PrefixReplaced, Mode), SubmitJobCommon (CallBackFormat, CallBackType) · ref §2.1–§2.4, §5.3',
  profile: 'quick',
  kind: 'property',
  async run(ctx) {
    const { requests } = await negativeBase(ctx);
    const leaves = requests.flatMap((request) => elementsOf(request).enums.filter(({ path }) => path.length > 0).map((leaf) => ({ request, ...leaf })));
    ctx.check.that(leaves.length >= 6, 'enum elements found in the spec for the three tags', `${leaves.length} found`);
    const wrong = (values: string[]) => fc.oneof(
      fc.constantFrom(...values).chain((value) => fc.constantFrom(`${value}x`, value.toLowerCase() === value ? value.toUpperCase() : value.toLowerCase(), ` ${value}x`, `${value},${value}`)),
      fc.stringMatching(/^[A-Za-z0-9]{1,10}$/),
      fc.integer({ min: -9, max: 99 }).map(String),
    ).filter((value) => !values.includes(value) && value.trim() !== '');
    await ctx.check.property([fc.constantFrom(...leaves).chain((leaf) => fc.tuple(fc.constant(leaf), wrong(leaf.values)))], async ([{ request, path }, value]) => {
      const body = xmlWithElement(request, path, value);
      await expectRejected(ctx, () => ctx.client.submitJob(body), { status: 400, code: 'InvalidArgument' }, `${request.Tag} submit with ${path.join('/')}=${JSON.stringify(value)}`);
    });
  },
});
