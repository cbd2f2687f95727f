import { toHex } from '../archives/read.ts';
import { writeZip } from '../archives/zip.ts';
import { defineRule } from '../rule.ts';
import { base64, file } from '../support/sources.ts';
import { expectNothingUnder, expectObjects, uncompress, uncompressAndList, uploadArchive } from '../support/uncompress.ts';

const members = [file('private/report.txt'), file('key.bin', 'k'.repeat(100))];

/** Encrypted zips (AES-256 and ZipCrypto) extract with UnCompressKey; a wrong or missing key fails the job with a code and writes nothing (§2.3). */
export default defineRule({
  id: 'uncompress-password',
  title: 'FileUncompress UnCompressKey opens encrypted zips; a wrong key fails with a code',
  spec: 'spec/cos-ci/components/schemas/FileUncompressConfig.yaml#UnCompressKey · Base64Password.yaml · JobsDetailCommon.yaml#Code · ref §2.3, §3.2',
  profile: 'quick',
  kind: 'scenario',
  async run(ctx) {
    const password = 'fpc-Unlock-42';
    for (const encryption of ['aes', 'zipcrypto'] as const) {
      const bytes = await writeZip(members.map(({ path, data }) => ({ name: path, data })), { password, encryption });
      const archive = await uploadArchive(ctx, `${encryption}.zip`, bytes);
      const prefix = `${ctx.prefix}${encryption}-ok/`;
      const outcome = await uncompressAndList(ctx, archive, { Prefix: prefix, UnCompressKey: base64(password) }, prefix);
      expectObjects(ctx, outcome, members.map((member): [string, string] => [`${prefix}${member.path}`, toHex(member.data)]), `${encryption} zip with the right key`);
      for (const [name, key] of [['wrong key', base64(`${password}!`)], ['no key', undefined]] as const) {
        const failedPrefix = `${ctx.prefix}${encryption}-${name.replace(' ', '-')}/`;
        const detail = await uncompress(ctx, archive, { Prefix: failedPrefix, ...(key === undefined ? {} : { UnCompressKey: key }) }, failedPrefix);
        ctx.check.that(detail.State === 'Failed' && !!detail.Code && detail.Code !== 'Success', `${encryption} zip, ${name}: State Failed with an error Code (§3.2)`, `State ${detail.State}, Code ${detail.Code}`);
        await expectNothingUnder(ctx, failedPrefix, `${encryption} zip, ${name}`);
      }
    }
  },
});
