import { defineRule } from '../rule.ts';
import { compressMembersProperty } from '../support/compress-members.ts';

/** A tar.gz FileCompress archive holds every source under its key (Flatten 0) with its exact bytes (§2.2, §3.4). */
export default defineRule({
  id: 'compress-targz-members',
  title: 'FileCompress Format=tar.gz: member names and bytes equal the sources',
  spec: 'spec/cos-ci/components/schemas/FileCompressConfig.yaml#Format,Flatten · FileCompressResult · ref §2.2, §3.4',
  profile: 'quick',
  kind: 'property',
  run: (ctx) => compressMembersProperty(ctx, 'tar.gz'),
});
