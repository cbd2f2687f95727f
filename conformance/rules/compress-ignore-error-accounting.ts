import { defineRule } from '../rule.ts';
import { compressAndRead, expectMembers } from '../support/compress.ts';
import { compressRequest, resultOf, runJob, settleInOrder } from '../support/processing.ts';
import { file, uploadFiles } from '../support/sources.ts';

/**
 * Missing sources: with IgnoreError=true they are skipped and counted (CompressFileCount, ErrorCount,
 * ErrorDetail.ErrorFile); without it the job fails with NoSuchKey and writes no archive (§2.2, §3.4, §9.15).
 */
export default defineRule({
  id: 'compress-ignore-error-accounting',
  title: 'FileCompress IgnoreError: missing sources counted, or the job fails NoSuchKey without output',
  spec: 'spec/cos-ci/components/schemas/FileCompressConfig.yaml#IgnoreError · FileCompressResult.yaml · CompressErrorDetail.yaml · spec/README.md §9.15 · ref §2.2, §3.4',
  profile: 'quick',
  kind: 'scenario',
  async run(ctx) {
    const present = await uploadFiles(ctx, 'ie/', [file('here-1.txt'), file('here-2.txt', '')]);
    const missing = [`${ctx.prefix}ie/missing-1.txt`, `${ctx.prefix}ie/gone/missing-2.txt`];
    const keys = [present[0]?.key, missing[0], present[1]?.key, missing[1]].filter((key): key is string => key !== undefined);

    const strictKey = `${ctx.prefix}strict.zip`;
    const [tolerant, strict] = await settleInOrder([
      compressAndRead(ctx, { Format: 'zip', Flatten: '0', Key: keys, IgnoreError: true }, `${ctx.prefix}ignore.zip`),
      runJob(ctx, compressRequest(ctx, { Format: 'zip', Flatten: '0', Key: keys }, strictKey)),
    ]);
    expectMembers(ctx, tolerant, present.map((source) => [source.key, source.hex]), 'IgnoreError=true');
    const result = resultOf(tolerant.detail, 'FileCompressResult');
    const counts = [result?.ErrorCount, result?.ErrorDetail?.ErrorCount].filter((count) => count !== undefined);
    ctx.check.that(counts.length > 0, 'ErrorCount (directly or in ErrorDetail) when sources failed (§3.4, §9.15)', () => JSON.stringify(result));
    for (const count of counts) ctx.check.equal(count, missing.length, 'ErrorCount');
    ctx.check.equal([...(result?.ErrorDetail?.ErrorFile ?? [])].sort(), [...missing].sort(), 'ErrorDetail.ErrorFile (one per missing source)');

    ctx.check.equal([strict.State, strict.Code], ['Failed', 'NoSuchKey'], 'IgnoreError absent: [State, Code] of a job with missing sources');
    const head = await ctx.client.headObject(strictKey);
    ctx.check.that(head.status === 404, `no archive at Output.Object after a failed job (§2.2): HEAD ${strictKey} → 404`, `HTTP ${head.status}`);
  },
});
