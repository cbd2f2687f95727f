import { toHex } from '../archives/read.ts';
import { writeZip } from '../archives/zip.ts';
import { defineRule, type RuleContext } from '../rule.ts';
import { settleInOrder } from '../support/processing.ts';
import { base64, file } from '../support/sources.ts';
import { expectNothingUnder, expectObjects, uncompress, uncompressAndList, uploadArchive } from '../support/uncompress.ts';

const members = [file('private/report.txt'), file('key.bin', 'k'.repeat(100))];
const password = 'fpc-Unlock-42';

async function extracts(ctx: RuleContext, archive: string, label: string): Promise<void> {
  const prefix = `${ctx.prefix}${label}/`;
  const outcome = await uncompressAndList(ctx, archive, { Prefix: prefix, UnCompressKey: base64(password) }, prefix);
  expectObjects(ctx, outcome, members.map((member): [string, string] => [`${prefix}${member.path}`, toHex(member.data)]), `${label}: the right key`);
}

async function refuses(ctx: RuleContext, archive: string, label: string, key: string | undefined): Promise<void> {
  const prefix = `${ctx.prefix}${label}/`;
  const detail = await uncompress(ctx, archive, { Prefix: prefix, ...(key === undefined ? {} : { UnCompressKey: key }) }, prefix);
  ctx.check.that(detail.State === 'Failed' && !!detail.Code && detail.Code !== 'Success', `${label}: State Failed with an error Code (§3.2)`, `State ${detail.State}, Code ${detail.Code}`);
  await expectNothingUnder(ctx, prefix, label);
}

/** Encrypted zips (AES-256 and ZipCrypto) extract with UnCompressKey; a wrong or missing key fails the job with a code and writes nothing (§2.3). */
export default defineRule({
  id: 'uncompress-password',
  title: 'FileUncompress UnCompressKey opens encrypted zips; a wrong key fails with a code',
  spec: 'spec/cos-ci/components/schemas/FileUncompressConfig.yaml#UnCompressKey · Base64Password.yaml · JobsDetailCommon.yaml#Code · ref §2.3, §3.2',
  profile: 'quick',
  kind: 'scenario',
  async run(ctx) {
    const entries = members.map(({ path, data }) => ({ name: path, data }));
    const aes = await uploadArchive(ctx, 'aes.zip', await writeZip(entries, { password, encryption: 'aes' }));
    const zipCrypto = await uploadArchive(ctx, 'zipcrypto.zip', await writeZip(entries, { password, encryption: 'zipcrypto' }));
    await settleInOrder([
      extracts(ctx, aes, 'aes-right-key'),
      extracts(ctx, zipCrypto, 'zipcrypto-right-key'),
      refuses(ctx, aes, 'aes-wrong-key', base64(`${password}!`)),
      refuses(ctx, zipCrypto, 'zipcrypto-no-key', undefined),
    ]);
  },
});
