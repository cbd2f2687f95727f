import { writeZip } from '../archives/zip.ts';
import { defineRule } from '../rule.ts';
import { expectSuccess, keysUnder, resultOf } from '../support/processing.ts';
import { uncompress, uploadArchive } from '../support/uncompress.ts';

const LIST_LIMIT = 1000;

/**
 * FileCount counts the extracted files; ListingFile=true adds FileList with at most 1000 entries
 * (Key, FileSize of each written object) and IsTruncated=true exactly when there were more (§2.3,
 * §3.4). The archive grows with the run count: 105 entries in `quick` (10 runs), 1005 in `full`.
 */
export default defineRule({
  id: 'uncompress-file-count-and-list',
  title: 'FileUncompress FileCount, and FileList ≤ 1000 entries with IsTruncated when more',
  spec: 'spec/cos-ci/components/schemas/FileUncompressResult.yaml#FileCount · UncompressFileList.yaml · UncompressFileEntry.yaml · ref §2.3 (ListingFile), §3.4',
  profile: 'quick',
  kind: 'scenario',
  async run(ctx) {
    const count = Math.min(LIST_LIMIT + 5, 10 * ctx.fc.numRuns + 5);
    const entries = Array.from({ length: count }, (_, i) => ({ name: `d${i % 7}/f-${i}.txt`, data: new TextEncoder().encode('x'.repeat(i % 5)) }));
    ctx.progress(`archive of ${count} entries`);
    const archive = await uploadArchive(ctx, 'many.zip', await writeZip(entries));
    const prefix = `${ctx.prefix}out/`;
    const detail = await uncompress(ctx, archive, { Prefix: prefix, ListingFile: true }, prefix);
    expectSuccess(ctx, detail, `FileUncompress of ${count} entries`);
    ctx.check.equal((await keysUnder(ctx, prefix)).length, count, 'number of objects written');
    const result = resultOf(detail, 'FileUncompressResult');
    ctx.check.equal(result?.FileCount, count, 'FileUncompressResult.FileCount');
    const list = ctx.check.present(result?.FileList, 'FileList when ListingFile=true and the job succeeded (§3.4)', () => JSON.stringify(result));
    const listed = list.Contents ?? [];
    ctx.check.equal(listed.length, Math.min(count, LIST_LIMIT), 'number of FileList/Contents entries (first 1000 files)');
    ctx.check.equal(list.IsTruncated ?? false, count > LIST_LIMIT, `FileList/IsTruncated for ${count} files`);
    const sizes = new Map(entries.map((entry) => [`${prefix}${entry.name}`, entry.data.length]));
    for (const entry of listed) {
      ctx.check.that(sizes.has(entry.Key), 'FileList/Contents/Key is the key of an extracted object', `Key ${entry.Key}`);
      if (entry.FileSize !== undefined) ctx.check.equal(entry.FileSize, sizes.get(entry.Key), `FileSize of ${entry.Key}`);
    }
    ctx.check.equal(new Set(listed.map((entry) => entry.Key)).size, listed.length, 'distinct FileList keys');
  },
});
