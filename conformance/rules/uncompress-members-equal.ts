import fc from 'fast-check';
import { writeArchive } from '../archives/read.ts';
import type { ArchiveFormat } from '../archives/types.ts';
import { fileTree, segment, treeListing } from '../arbitraries/file-tree.ts';
import { defineRule } from '../rule.ts';
import { jobRuns } from '../support/processing.ts';
import { expectObjects, uncompressAndList, uploadArchive } from '../support/uncompress.ts';

const format = fc.constantFrom<ArchiveFormat>('zip', 'tar', 'tar.gz', 'gz');

/**
 * Archives the suite builds (zip, tar, tar.gz from generated trees; gz of one file) extract to
 * objects equal to the tree: same relative names under Prefix, same bytes, FileCount = files (§2.3).
 * A gz holds one unnamed stream, so its object is named after the archive without `.gz`.
 */
export default defineRule({
  id: 'uncompress-members-equal',
  title: 'FileUncompress of zip/tar/tar.gz/gz built by the suite writes exactly the tree',
  spec: 'spec/cos-ci/components/schemas/FileUncompressConfig.yaml · FileUncompressResult.yaml#FileCount · ref §2.3, §3.4',
  profile: 'quick',
  kind: 'property',
  async run(ctx) {
    let run = 0;
    await ctx.check.property([fileTree(), format, segment], async (tree, kind, gzName) => {
      const n = ++run;
      const files = kind === 'gz' ? tree.slice(0, 1).map((entry) => ({ ...entry, path: gzName })) : tree;
      ctx.progress(`run ${n}: ${kind}, ${files.length} file(s)`);
      const bytes = await writeArchive(files.map(({ path, data }) => ({ name: path, data })), kind);
      const archive = await uploadArchive(ctx, kind === 'gz' ? `in${n}/${gzName}.gz` : `in${n}/tree.${kind}`, bytes);
      const prefix = `${ctx.prefix}out${n}/`;
      const outcome = await uncompressAndList(ctx, archive, { Prefix: prefix }, prefix);
      expectObjects(ctx, outcome, treeListing(files, prefix), `${kind} archive`);
    }, jobRuns(ctx));
  },
});
