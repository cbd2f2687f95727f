import { defineRule } from '../rule.ts';
import { compressAndRead, expectMembers } from '../support/compress.ts';
import { file, uploadFiles } from '../support/sources.ts';

/** A `Prefix` packs every object under it, nested ones too, and nothing that merely shares leading characters (§2.2). */
export default defineRule({
  id: 'compress-source-prefix',
  title: 'FileCompress with Prefix packs every object under the prefix and nothing else',
  spec: 'spec/cos-ci/components/schemas/FileCompressConfig.yaml#Prefix · ref §2.2',
  profile: 'quick',
  kind: 'scenario',
  async run(ctx) {
    const inside = await uploadFiles(ctx, 'pack/', [file('a.txt'), file('b/c.txt'), file('b/d/e 中文.txt', '')]);
    await uploadFiles(ctx, '', [file('pack-sibling.txt'), file('packed/x.txt')]);
    const outcome = await compressAndRead(ctx, { Format: 'tar', Flatten: '0', Prefix: `${ctx.prefix}pack/` }, `${ctx.prefix}prefix.tar`);
    expectMembers(ctx, outcome, inside.map((source) => [source.key, source.hex]), `Prefix ${ctx.prefix}pack/`);
  },
});
