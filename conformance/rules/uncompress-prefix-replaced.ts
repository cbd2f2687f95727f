import { writeZip } from '../archives/zip.ts';
import { defineRule } from '../rule.ts';
import { settleInOrder } from '../support/processing.ts';
import { file } from '../support/sources.ts';
import { toHex } from '../archives/read.ts';
import { expectObjects, uncompressAndList, uploadArchive } from '../support/uncompress.ts';

/**
 * PrefixReplaced 0/1/2 on the documented worked example: `123/test.zip` holding `image.jpg`,
 * Prefix `456` → `456/image.jpg`, `456/test/image.jpg`, `456/123/test/image.jpg` (§2.3). The Prefix
 * has no trailing `/`, exactly as in the example: the contract inserts one (§9.9).
 */
export default defineRule({
  id: 'uncompress-prefix-replaced',
  title: 'FileUncompress PrefixReplaced 0/1/2 place members as in the documented example',
  spec: 'spec/cos-ci/components/schemas/FileUncompressConfig.yaml#PrefixReplaced,Prefix · spec/README.md §9.9 · ref §2.3',
  profile: 'quick',
  kind: 'scenario',
  async run(ctx) {
    const members = [file('image.jpg', 'JPEG bytes'), file('sub/note.txt', '')];
    const archive = await uploadArchive(ctx, '123/test.zip', await writeZip(members.map(({ path, data }) => ({ name: path, data }))));
    const archiveDir = `${ctx.prefix}123/`;
    const placement = { 0: '', 1: 'test/', 2: `${archiveDir}test/` } as const;
    await settleInOrder((['0', '1', '2'] as const).map(async (mode) => {
      const prefix = `${ctx.prefix}m${mode}/456`;
      const outcome = await uncompressAndList(ctx, archive, { Prefix: prefix, PrefixReplaced: mode }, `${ctx.prefix}m${mode}/`);
      const expected = members.map((member): [string, string] => [`${prefix}/${placement[mode]}${member.path}`, toHex(member.data)]);
      expectObjects(ctx, outcome, expected, `PrefixReplaced ${mode}, archive ${archive}, Prefix ${prefix}`);
    }));
  },
});
