import { toHex, writeArchive } from '../archives/read.ts';
import { defineRule } from '../rule.ts';
import { settleInOrder } from '../support/processing.ts';
import { file } from '../support/sources.ts';
import { expectObjects, uncompressAndList, uploadArchive } from '../support/uncompress.ts';

const directories = ['d/', 'd/e/', 'empty-dir/', 'empty-dir/inner/'];
const files = [file('d/x.txt'), file('d/e/y 文件.txt', '')];

/** Directory entries (zip names ending in `/`, tar type 5) create no objects; FileCount counts files only (§2.3, §3.4). */
export default defineRule({
  id: 'uncompress-directories-no-objects',
  title: 'FileUncompress writes no objects for directory entries',
  spec: 'spec/cos-ci/components/schemas/FileUncompressResult.yaml#FileCount · ref §2.3, §3.4',
  profile: 'quick',
  kind: 'scenario',
  async run(ctx) {
    const entries = [...directories.map((name) => ({ name, data: new Uint8Array(0) })), ...files.map(({ path, data }) => ({ name: path, data }))];
    await settleInOrder((['zip', 'tar'] as const).map(async (format) => {
      const archive = await uploadArchive(ctx, `dirs.${format}`, await writeArchive(entries, format));
      const prefix = `${ctx.prefix}${format}/`;
      const outcome = await uncompressAndList(ctx, archive, { Prefix: prefix }, prefix);
      expectObjects(ctx, outcome, files.map((member): [string, string] => [`${prefix}${member.path}`, toHex(member.data)]), `${format} with directory entries`);
    }));
  },
});
