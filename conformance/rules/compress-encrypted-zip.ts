import { readZip } from '../archives/zip.ts';
import { defineRule } from '../rule.ts';
import { compressAndRead, expectMembers } from '../support/compress.ts';
import { download } from '../support/processing.ts';
import { base64, file, uploadFiles } from '../support/sources.ts';

const opens = (bytes: Uint8Array, password?: string) => readZip(bytes, password).then(() => true, () => false);

/** CompressKey (base64 password) encrypts the zip: it opens with the password, not without or with another (§2.2). */
export default defineRule({
  id: 'compress-encrypted-zip',
  title: 'FileCompress CompressKey: the zip opens with the key and not without it',
  spec: 'spec/cos-ci/components/schemas/FileCompressConfig.yaml#CompressKey · Base64Password.yaml · ref §2.2',
  profile: 'quick',
  kind: 'scenario',
  async run(ctx) {
    const password = 'fpc-Secret-2024';
    const sources = await uploadFiles(ctx, 'enc/', [file('secret.txt'), file('more/data.bin', 'x'.repeat(300))]);
    const outputKey = `${ctx.prefix}encrypted.zip`;
    const outcome = await compressAndRead(ctx, { Format: 'zip', Flatten: '0', Key: sources.map((source) => source.key), CompressKey: base64(password) }, outputKey, password);
    expectMembers(ctx, outcome, sources.map((source) => [source.key, source.hex]), 'zip read with the password');
    const bytes = await download(ctx, outputKey);
    ctx.check.that(!(await opens(bytes)), 'the members cannot be read without the password', 'the zip opened without a password (not encrypted)');
    ctx.check.that(!(await opens(bytes, `${password}-wrong`)), 'the members cannot be read with a wrong password', 'the zip opened with a wrong password');
  },
});
