import { defineRule } from '../rule.ts';
import { compressAndRead, expectMembers } from '../support/compress.ts';
import { putTestObject } from '../support/jobs.ts';
import { file, uploadFiles } from '../support/sources.ts';

/** `UrlList` names a CSV index in the bucket: one object URL per line, first column used (§2.2). */
export default defineRule({
  id: 'compress-source-urllist',
  title: 'FileCompress with UrlList packs the objects the CSV index lists',
  spec: 'spec/cos-ci/components/schemas/FileCompressConfig.yaml#UrlList · ref §2.2',
  profile: 'quick',
  kind: 'scenario',
  async run(ctx) {
    const sources = await uploadFiles(ctx, 'list/', [file('first.txt'), file('sub/second.txt'), file('unlisted.txt')]);
    const listed = sources.slice(0, 2);
    const { bucket, region } = ctx.target;
    const lines = listed.map((source, index) => `https://${bucket}.cos.${region}.myqcloud.com/${source.key}${index === 0 ? ',a second column' : ''}`);
    const index = await putTestObject(ctx, 'index.csv', `${lines.join('\n')}\n`);
    const outcome = await compressAndRead(ctx, { Format: 'zip', Flatten: '0', UrlList: `/${index}` }, `${ctx.prefix}urllist.zip`);
    expectMembers(ctx, outcome, listed.map((source) => [source.key, source.hex]), `UrlList /${index}`);
  },
});
