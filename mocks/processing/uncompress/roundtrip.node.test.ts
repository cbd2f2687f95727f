import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { archiveWith, writeTree, type Tree } from './cli-tools.node.ts';
import { nodeCodecs } from './codecs.node.ts';
import { webCodecs } from './codecs.ts';
import { allKeys, BUCKET, makeContext, readObject } from './test-support.ts';
import { uncompressArchive } from './uncompress.ts';

const segment = fc.stringMatching(/^[a-zA-Z0-9_äöü文][a-zA-Z0-9 _.äöü文-]{0,10}$/).filter((s) => !s.endsWith('.f') && !s.endsWith(' '));
// Files end in `.f` and directories never do, so no file path is another file's directory.
const path = fc.tuple(fc.array(segment, { maxLength: 3 }), segment).map(([dirs, name]) => [...dirs, `${name}.f`].join('/'));
const tree = fc.uniqueArray(fc.tuple(path, fc.uint8Array({ maxLength: 3000 })), { minLength: 1, maxLength: 8, selector: ([p]) => p })
  .map((entries) => Object.fromEntries(entries) as Tree);
const TOOLS: Record<string, [string, string[]]> = {
  zip: ['zip', ['-qr', '../out.archive', '.']],
  tar: ['tar', ['--format=posix', '-cf', '../out.archive', '.']],
  tgz: ['tar', ['-czf', '../out.archive', '.']],
  '7z': ['7z', ['a', '-bd', '-t7z', '../out.archive', '.']],
};

describe('property: trees written by zip/tar/7z round-trip through uncompressArchive', () => {
  it('every file comes back byte-identical at Prefix/<path>, and nothing else is written', async () => {
    await fc.assert(
      fc.asyncProperty(tree, fc.constantFrom(...Object.keys(TOOLS)), fc.boolean(), async (files, tool, useNode) => {
        const { dir, cleanup } = writeTree(files);
        try {
          const [command, args] = TOOLS[tool] as [string, string[]];
          const archive = archiveWith(dir, command, args, 'out.archive');
          const ctx = makeContext();
          await ctx.store.put(BUCKET, 'src/out.archive', archive);
          const outcome = await uncompressArchive(ctx, { Object: 'src/out.archive' }, { Prefix: 'p' }, { Region: 'r', Bucket: BUCKET }, { codecs: useNode ? nodeCodecs : webCodecs });
          if (!outcome.ok) throw new Error(outcome.failure.Message);
          expect((await allKeys(ctx)).sort()).toEqual(['src/out.archive', ...Object.keys(files).map((p) => `p/${p}`)].sort());
          for (const [p, content] of Object.entries(files)) expect(await readObject(ctx, `p/${p}`)).toEqual(content);
        } finally {
          cleanup();
        }
      }),
      { seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, numRuns: 20 },
    );
  });
});
