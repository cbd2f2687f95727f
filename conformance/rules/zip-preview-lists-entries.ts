import { writeZip } from '../archives/zip.ts';
import { fileTree } from '../arbitraries/file-tree.ts';
import { defineRule } from '../rule.ts';
import { putTestObject } from '../support/jobs.ts';

const byKey = (a: [string, number], b: [string, number]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * Zip preview of archives the suite built: FileNumber and Contents (Key, UncompressedSize) are what
 * the zip holds (§2.13); past 1000 entries the first 1000 with IsTruncated=true (§9.18).
 */
export default defineRule({
  id: 'zip-preview-lists-entries',
  title: 'Zip preview lists every entry of the archive with its size',
  spec: 'spec/cos-ci/paths/object.yaml#get (ci-process=zippreview) · ZipPreviewResponse.yaml · ZipPreviewEntry.yaml · spec/README.md §9.18 · ref §2.13',
  profile: 'quick',
  kind: 'property',
  async run(ctx) {
    let run = 0;
    await ctx.check.property([fileTree(8)], async (tree) => {
      const entries = tree.map(({ path, data }) => ({ name: path, data }));
      const key = await putTestObject(ctx, `preview-${++run}.zip`, await writeZip(entries));
      const answer = await ctx.client.zipPreview(key);
      ctx.check.exchange(answer, { status: 200 });
      const value = ctx.check.present(answer.value, 'a ZipPreviewResponse body', () => answer.text);
      ctx.check.equal(value.FileNumber, entries.length, 'FileNumber (entries in the archive)');
      ctx.check.equal(value.IsTruncated ?? false, false, 'IsTruncated for fewer than 1000 entries');
      const listed = (value.Contents ?? []).map((entry): [string, number] => [entry.Key, entry.UncompressedSize ?? -1]).sort(byKey);
      ctx.check.equal(listed, entries.map((entry): [string, number] => [entry.name, entry.data.length]).sort(byKey), 'Contents [Key, UncompressedSize]');
    });
    // §9.18: 1000 or more entries answer the first 1000 with IsTruncated=true and FileNumber = all.
    const many = Array.from({ length: 1005 }, (_, i) => ({ name: `m/${i}.txt`, data: new Uint8Array(i % 3) }));
    const key = await putTestObject(ctx, 'preview-many.zip', await writeZip(many));
    const answer = await ctx.client.zipPreview(key);
    ctx.check.exchange(answer, { status: 200 });
    const value = ctx.check.present(answer.value, 'a ZipPreviewResponse body', () => answer.text.slice(0, 500));
    ctx.check.equal([value.FileNumber, value.Contents?.length, value.IsTruncated], [many.length, 1000, true], '1005 entries: [FileNumber, Contents count, IsTruncated] (§9.18)');
  },
});
