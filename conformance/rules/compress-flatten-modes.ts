import { defineRule } from '../rule.ts';
import { compressAndRead, expectMembers } from '../support/compress.ts';
import { settleInOrder } from '../support/processing.ts';
import { file, uploadFiles } from '../support/sources.ts';

const lastSegment = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** Flatten 0/1/2/3 with a Prefix name members exactly as FileCompressConfig.Flatten documents (§2.2, §9.6). */
export default defineRule({
  id: 'compress-flatten-modes',
  title: 'FileCompress Flatten 0/1/2/3 name members as documented (with Prefix)',
  spec: 'spec/cos-ci/components/schemas/FileCompressConfig.yaml#Flatten · spec/README.md §9.6 · ref §2.2',
  profile: 'quick',
  kind: 'scenario',
  async run(ctx) {
    const sources = await uploadFiles(ctx, 'test/data/', [file('a.txt'), file('sub/b.txt'), file('sub/deep/c.txt', '')]);
    const prefix = `${ctx.prefix}test/data/`;
    const expected: Record<string, (source: (typeof sources)[number]) => string> = {
      0: (source) => source.key,
      1: (source) => lastSegment(source.path),
      2: (source) => `data/${source.path}`,
      3: (source) => source.path,
    };
    await settleInOrder((['0', '1', '2', '3'] as const).map(async (flatten) => {
      const outcome = await compressAndRead(ctx, { Format: 'zip', Flatten: flatten, Prefix: prefix }, `${ctx.prefix}flatten-${flatten}.zip`);
      const naming = expected[flatten] as (source: (typeof sources)[number]) => string;
      expectMembers(ctx, outcome, sources.map((source) => [naming(source), source.hex]), `Flatten ${flatten}, Prefix ${prefix}`);
    }));
  },
});
