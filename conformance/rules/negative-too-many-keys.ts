import fc from 'fast-check';
import { defineRule } from '../rule.ts';
import { compressRequest } from '../support/processing.ts';
import { expectRejected, negativeBase } from '../support/negative.ts';

/** FileCompress with more than 1000 `Key` (or `KeyConfig`) elements → 400 InvalidArgument and no job (spec maxItems 1000, §5.3). */
export default defineRule({
  id: 'negative-too-many-keys',
  title: 'FileCompress with more than 1000 Key or KeyConfig elements → 400 InvalidArgument and no job created',
  spec: 'spec/cos-ci/components/schemas/FileCompressConfig (Key, KeyConfig maxItems 1000) · ref §2.2, §5.3',
  profile: 'quick',
  kind: 'property',
  async run(ctx) {
    const { key } = await negativeBase(ctx);
    await ctx.check.property([fc.integer({ min: 1001, max: 1500 }), fc.constantFrom('Key', 'KeyConfig')], async (count, element) => {
      const keys = Array.from({ length: count }, (_, i) => `${key}-${i}`);
      const sources = element === 'Key' ? { Key: keys } : { KeyConfig: keys.map((Key) => ({ Key })) };
      const body = compressRequest(ctx, sources, `${ctx.prefix}too-many.zip`);
      await expectRejected(ctx, () => ctx.client.submitJob(body), { status: 400, code: 'InvalidArgument' }, `FileCompress with ${count} ${element} elements`);
    });
  },
});
