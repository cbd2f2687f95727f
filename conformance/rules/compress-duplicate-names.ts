import { defineRule } from '../rule.ts';
import { compressAndRead } from '../support/compress.ts';
import { resultOf, settleInOrder } from '../support/processing.ts';
import { file, uploadFiles } from '../support/sources.ts';

/**
 * Sources whose names collide after Flatten or Rename: the spec names no renaming scheme, but it
 * documents that every source is packed (CompressFileCount = files packed, §3.4) and a member name
 * identifies one file. So the archive must hold each source's bytes once under distinct names.
 */
export default defineRule({
  id: 'compress-duplicate-names',
  title: 'FileCompress keeps every source when names collide after Flatten or Rename',
  spec: 'spec/cos-ci/components/schemas/FileCompressConfig.yaml#Flatten · KeyConfig.yaml#Rename · FileCompressResult.yaml#CompressFileCount · ref §2.2, §3.4',
  profile: 'quick',
  kind: 'scenario',
  async run(ctx) {
    const sources = await uploadFiles(ctx, 'dup/', [file('a/same.txt', 'first'), file('b/same.txt', 'second'), file('c/other.txt', 'third')]);
    const [first, second, third] = sources;
    if (!first || !second || !third) return ctx.check.fail('three sources uploaded', 'fewer');
    const cases = [
      { name: 'Flatten 1 with a/same.txt and b/same.txt', config: { Flatten: '1' as const, Key: [first.key, second.key] }, expected: [first, second] },
      { name: 'Rename onto another member', config: { Flatten: '1' as const, KeyConfig: [{ Key: first.key }, { Key: third.key, Rename: 'same.txt' }] }, expected: [first, third] },
    ];
    await settleInOrder(cases.map(async ({ name, config, expected }, n) => {
      const outcome = await compressAndRead(ctx, { Format: 'zip', ...config }, `${ctx.prefix}duplicates-${n}.zip`);
      const names = outcome.members.map(([member]) => member);
      ctx.check.equal(new Set(names).size, expected.length, `${name}: number of distinct member names (one per source)`);
      ctx.check.equal(outcome.members.map(([, hex]) => hex).sort(), expected.map((source) => source.hex).sort(), `${name}: member bytes (each source exactly once)`);
      ctx.check.equal(resultOf(outcome.detail, 'FileCompressResult')?.CompressFileCount, expected.length, `${name}: CompressFileCount`);
    }));
  },
});
