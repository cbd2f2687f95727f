/** The shared property of `compress-{zip,tar,targz}-members`: Flatten 0 keeps every key and its bytes (§2.2). */
import { fileTree, treeListing } from '../arbitraries/file-tree.ts';
import type { RuleContext } from '../rule.ts';
import { compressAndRead, expectMembers } from './compress.ts';
import { jobRuns, uploadTree } from './processing.ts';

/** For generated trees, a `Key`-list FileCompress in `format` holds exactly the sources, named by key. */
export async function compressMembersProperty(ctx: RuleContext, format: 'zip' | 'tar' | 'tar.gz'): Promise<void> {
  let run = 0;
  await ctx.check.property([fileTree()], async (tree) => {
    const base = `src${++run}/`;
    ctx.progress(`run ${run}: ${tree.length} file(s)`);
    const keys = await uploadTree(ctx, base, tree);
    const outcome = await compressAndRead(ctx, { Format: format, Flatten: '0', Key: keys }, `${ctx.prefix}out${run}.${format}`);
    expectMembers(ctx, outcome, treeListing(tree, `${ctx.prefix}${base}`), `Format ${format}, Flatten 0`);
  }, jobRuns(ctx));
}
