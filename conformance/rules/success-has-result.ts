import { writeZip } from '../archives/zip.ts';
import { defineRule, type RuleContext } from '../rule.ts';
import { hashJob, putTestObject, submitOk, type JobsDetail } from '../support/jobs.ts';
import { waitTerminal } from '../support/lifecycle.ts';
import { cleanupUnder, compressRequest, expectSuccess, resultOf, uncompressRequest } from '../support/processing.ts';

type ResultName = 'FileCompressResult' | 'FileUncompressResult' | 'FileHashCodeResult';

function requireResult(ctx: RuleContext, detail: JobsDetail, name: ResultName): Record<string, unknown> {
  expectSuccess(ctx, detail, `${detail.Tag} job`);
  return ctx.check.present(resultOf(detail, name) as Record<string, unknown> | undefined, `Operation/${name} in a successful ${detail.Tag} job (§3.4)`, () => JSON.stringify(detail.Operation));
}

/** Every successful job carries its Tag's result container in `Operation` with the documented fields (§3.4). */
export default defineRule({
  id: 'success-has-result',
  title: 'A successful job holds its result container (FileHashCodeResult, FileCompressResult, FileUncompressResult)',
  spec: 'spec/cos-ci/components/schemas/FileHashCodeResult, FileCompressResult, FileUncompressResult · ref §3.4',
  profile: 'quick',
  kind: 'scenario',
  async run(ctx) {
    const data = new TextEncoder().encode('success-has-result');
    const key = await putTestObject(ctx, 'in/a.txt', data);
    const zipKey = `${ctx.prefix}out/all.zip`;
    const archive = await putTestObject(ctx, 'two.zip', await writeZip([{ name: 'x.txt', data }, { name: 'd/y.txt', data }]));
    cleanupUnder(ctx, `${ctx.prefix}unz/`);
    // All three run at once; each is then awaited and judged.
    const jobIds = [
      (await submitOk(ctx, hashJob(key, { type: 'SHA256' }))).jobId,
      (await submitOk(ctx, compressRequest(ctx, { Key: [key] }, zipKey))).jobId,
      (await submitOk(ctx, uncompressRequest(ctx, archive, { Prefix: `${ctx.prefix}unz/`, PrefixReplaced: '1' }))).jobId,
    ] as const;
    const hash = requireResult(ctx, await waitTerminal(ctx, jobIds[0]), 'FileHashCodeResult');
    ctx.check.that(typeof hash.SHA256 === 'string' && hash.MD5 === undefined && hash.SHA1 === undefined, 'only the requested digest (SHA256) in FileHashCodeResult (§3.4)', JSON.stringify(hash));
    ctx.check.equal(hash.FileSize, data.length, 'FileHashCodeResult.FileSize');
    const compress = requireResult(ctx, await waitTerminal(ctx, jobIds[1]), 'FileCompressResult');
    ctx.check.equal(compress.Object, zipKey, 'FileCompressResult.Object (the Output key)');
    const uncompress = requireResult(ctx, await waitTerminal(ctx, jobIds[2]), 'FileUncompressResult');
    ctx.check.equal(Number(uncompress.FileCount), 2, 'FileUncompressResult.FileCount for a two-file zip');
  },
});
