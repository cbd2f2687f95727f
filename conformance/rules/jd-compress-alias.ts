import { readArchive, fileMap } from '../archives/read.ts';
import { defineRule } from '../rule.ts';
import { requestCompress, waitForObject } from '../support/jd.ts';
import { download } from '../support/processing.ts';
import { file, uploadFiles } from '../support/sources.ts';

/** JD Compress Object writes a zip at the request's key whose members are named by Alias, or by Key without one (§7.1). */
export default defineRule({
  id: 'jd-compress-alias',
  title: 'JD Compress Object: the archive at Key holds the components named by Alias',
  spec: 'spec/jdcloud/paths (POST /{Key}?compress) · components/schemas/CompressComponent.yaml#Alias · ref §7.1, §7.2',
  profile: 'quick',
  kind: 'scenario',
  async run(ctx) {
    const [photo, doc, plain] = await uploadFiles(ctx, 'jd/', [file('photos/a.jpg'), file('docs/b.pdf', ''), file('c.txt')]);
    if (!photo || !doc || !plain) return ctx.check.fail('three sources uploaded', 'fewer');
    const archiveKey = `${ctx.prefix}bundle.zip`;
    await requestCompress(ctx, archiveKey, [{ Key: photo.key, Alias: 'a.jpg' }, { Key: doc.key, Alias: 'renamed/dir/b.pdf' }, { Key: plain.key }]);
    await waitForObject(ctx, archiveKey);
    let members: Array<[string, string]>;
    try {
      members = [...fileMap(await readArchive(await download(ctx, archiveKey), 'zip'))].sort();
    } catch (error) {
      return ctx.check.fail('the object at the request key is a zip (x-amz-compress-type default zip, §7.1)', `unreadable: ${error instanceof Error ? error.message : String(error)}`);
    }
    const expected: Array<[string, string]> = [['a.jpg', photo.hex], ['renamed/dir/b.pdf', doc.hex], [plain.key, plain.hex]];
    ctx.check.equal(members, expected.sort(), 'archive members [name, bytes as hex] (Alias, else Key)');
  },
});
