import { defineRule } from '../rule.ts';
import { compressAndRead, expectMembers } from '../support/compress.ts';
import { file, uploadFiles } from '../support/sources.ts';

/**
 * `KeyConfig.Rename` names the member inside the archive; an entry without Rename keeps its name
 * (§2.2). Flatten 1 makes both readings of "file name" (whole path or last segment) agree.
 */
export default defineRule({
  id: 'compress-source-keyconfig-rename',
  title: 'FileCompress KeyConfig packs its keys; Rename names the member',
  spec: 'spec/cos-ci/components/schemas/KeyConfig.yaml#Rename · FileCompressConfig.yaml#KeyConfig · ref §2.2',
  profile: 'quick',
  kind: 'scenario',
  async run(ctx) {
    const [renamed, kept] = await uploadFiles(ctx, 'kc/', [file('photo.jpg'), file('deep/notes.txt')]);
    if (!renamed || !kept) return ctx.check.fail('two sources uploaded', 'fewer');
    const outcome = await compressAndRead(ctx, {
      Format: 'zip', Flatten: '1',
      KeyConfig: [{ Key: renamed.key, Rename: 'holiday-1.jpg' }, { Key: kept.key }],
    }, `${ctx.prefix}keyconfig.zip`);
    expectMembers(ctx, outcome, [['holiday-1.jpg', renamed.hex], ['notes.txt', kept.hex]], 'KeyConfig with and without Rename, Flatten 1');
  },
});
