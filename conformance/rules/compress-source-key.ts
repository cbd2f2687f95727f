import { defineRule } from '../rule.ts';
import { compressAndRead, expectMembers } from '../support/compress.ts';
import { file, uploadFiles } from '../support/sources.ts';

/** A `Key` list packs exactly the listed objects, not their neighbours (§2.2). */
export default defineRule({
  id: 'compress-source-key',
  title: 'FileCompress with Key elements packs exactly the listed objects',
  spec: 'spec/cos-ci/components/schemas/FileCompressConfig.yaml#Key · ref §2.2',
  profile: 'quick',
  kind: 'scenario',
  async run(ctx) {
    const sources = await uploadFiles(ctx, 'dir/', [file('one.txt'), file('nested/two.bin', ''), file('three.txt'), file('nested/four.txt')]);
    const listed = [sources[0], sources[1], sources[3]].filter((source) => source !== undefined);
    const outcome = await compressAndRead(ctx, { Format: 'zip', Flatten: '0', Key: listed.map((source) => source.key) }, `${ctx.prefix}keys.zip`);
    expectMembers(ctx, outcome, listed.map((source) => [source.key, source.hex]), 'Key list of 3 of 4 objects');
  },
});
