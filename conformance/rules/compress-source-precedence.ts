import { defineRule } from '../rule.ts';
import { compressAndRead, expectMembers } from '../support/compress.ts';
import { putTestObject } from '../support/jobs.ts';
import { settleInOrder } from '../support/processing.ts';
import { file, uploadFiles } from '../support/sources.ts';

/**
 * Several sources in one job: only the highest-ranked is used, `UrlList > Prefix > (Key ∪ KeyConfig)`
 * (§2.2); Key and KeyConfig are both explicit file lists and combine (the contract's §9.7 decision).
 */
export default defineRule({
  id: 'compress-source-precedence',
  title: 'FileCompress uses one source: UrlList over Prefix over Key and KeyConfig (combined)',
  spec: 'spec/cos-ci/components/schemas/FileCompressConfig.yaml (description) · spec/README.md §9.7 · ref §2.2',
  profile: 'quick',
  kind: 'scenario',
  async run(ctx) {
    const [fromList, fromPrefix, fromKey, fromKeyConfig] = await uploadFiles(ctx, '', [
      file('l/listed.txt'), file('p/prefixed.txt'), file('k/keyed.txt'), file('c/configured.txt'),
    ]);
    if (!fromList || !fromPrefix || !fromKey || !fromKeyConfig) return ctx.check.fail('four sources uploaded', 'fewer');
    const { bucket, region } = ctx.target;
    const index = await putTestObject(ctx, 'index.csv', `https://${bucket}.cos.${region}.myqcloud.com/${fromList.key}\n`);
    const all = { UrlList: `/${index}`, Prefix: `${ctx.prefix}p/`, Key: [fromKey.key], KeyConfig: [{ Key: fromKeyConfig.key }] };
    const cases = [
      { name: 'UrlList+Prefix+Key+KeyConfig', config: all, used: [fromList] },
      { name: 'Prefix+Key+KeyConfig', config: { Prefix: all.Prefix, Key: all.Key, KeyConfig: all.KeyConfig }, used: [fromPrefix] },
      { name: 'UrlList+Key', config: { UrlList: all.UrlList, Key: all.Key }, used: [fromList] },
      { name: 'Key+KeyConfig', config: { Key: all.Key, KeyConfig: all.KeyConfig }, used: [fromKey, fromKeyConfig] },
    ];
    await settleInOrder(cases.map(async ({ name, config, used }, n) => {
      const outcome = await compressAndRead(ctx, { Format: 'zip', Flatten: '0', ...config }, `${ctx.prefix}precedence-${n}.zip`);
      expectMembers(ctx, outcome, used.map((source): [string, string] => [source.key, source.hex]), `sources ${name}`);
    }));
  },
});
