import { toHex, writeArchive } from '../archives/read.ts';
import { defineRule } from '../rule.ts';
import { settleInOrder } from '../support/processing.ts';
import { file } from '../support/sources.ts';
import { expectObjects, uncompressAndList, uploadArchive } from '../support/uncompress.ts';

const members = [file('keep/a.txt'), file('keep/sub/b.txt', ''), file('keeper.txt'), file('drop/c.txt'), file('single.txt'), file('other.txt')];

/** Mode=1 extracts only what DownloadConfig selects: entries under its Prefix and the listed Keys (§2.3). */
export default defineRule({
  id: 'uncompress-download-config',
  title: 'FileUncompress Mode=1 extracts only DownloadConfig Prefix/Key entries',
  spec: 'spec/cos-ci/components/schemas/FileUncompressConfig.yaml#Mode · DownloadConfig.yaml · ref §2.3',
  profile: 'quick',
  kind: 'scenario',
  async run(ctx) {
    const archive = await uploadArchive(ctx, 'selective.tar.gz', await writeArchive(members.map(({ path, data }) => ({ name: path, data })), 'tar.gz'));
    const cases = [
      { name: 'Prefix keep/ and Key single.txt', select: { Prefix: 'keep/', Key: ['single.txt'] }, chosen: ['keep/a.txt', 'keep/sub/b.txt', 'single.txt'] },
      { name: 'Key other.txt and drop/c.txt', select: { Key: ['other.txt', 'drop/c.txt'] }, chosen: ['other.txt', 'drop/c.txt'] },
    ];
    await settleInOrder(cases.map(async ({ name, select, chosen }, n) => {
      const prefix = `${ctx.prefix}sel${n}/`;
      const outcome = await uncompressAndList(ctx, archive, { Prefix: prefix, Mode: '1', DownloadConfig: select }, prefix);
      const expected = members.filter((member) => chosen.includes(member.path)).map((member): [string, string] => [`${prefix}${member.path}`, toHex(member.data)]);
      expectObjects(ctx, outcome, expected, `Mode 1, DownloadConfig ${name}`);
    }));
  },
});
