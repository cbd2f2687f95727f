import { isTarHeader } from './tar-header.ts';

/** Archive formats recognised by content (reference §2.3: zip, tar, gz, tar.gz, 7zip, rar, apk). */
export type ArchiveFormat = 'zip' | 'tar' | 'gzip' | '7z' | 'rar';

/** How many leading bytes detection needs (a tar header block). */
export const DETECT_BYTES = 512;

const MAGIC: [ArchiveFormat, number[]][] = [
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['zip', [0x50, 0x4b, 0x05, 0x06]], // empty archive: only the end-of-central-directory record
  ['zip', [0x50, 0x4b, 0x07, 0x08]], // spanning marker written by some tools before the first entry
  ['gzip', [0x1f, 0x8b]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['rar', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00]], // RAR 1.5–4.x
  ['rar', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00]], // RAR 5
];

/** Detects the format from the first bytes (magic numbers; tar by header checksum); undefined = unknown. */
export function detectFormat(head: Uint8Array): ArchiveFormat | undefined {
  for (const [format, magic] of MAGIC) {
    if (magic.every((byte, i) => head[i] === byte)) return format;
  }
  return isTarHeader(head) ? 'tar' : undefined;
}
