/**
 * Where members land (reference §2.3, open question §9.9) and how hostile entry names are handled.
 * Decisions (documented in README.md):
 * - A non-empty Prefix without a trailing `/` gets one (the doc example `Prefix=456` → `456/image.jpg`).
 * - No Prefix = bucket root; PrefixReplaced=2 then lands next to the archive (`123/test/…`).
 * - `\` becomes `/`; leading `/`, `./` and drive letters (`C:`) are stripped, as unzip and GNU tar do.
 * - A `..` segment or a NUL/control character fails the job (`UnsafeEntryPath`): never sanitised.
 */
import { UncompressError } from './errors.ts';

const ARCHIVE_EXTENSIONS = ['.tar.gz', '.tgz', '.zip', '.tar', '.gz', '.7z', '.rar', '.apk'];

/** The archive's file name without directory and without its archive extension (`123/test.zip` → `test`). */
export function archiveStem(archiveKey: string): string {
  const base = archiveKey.slice(archiveKey.lastIndexOf('/') + 1);
  const lower = base.toLowerCase();
  const ext = ARCHIVE_EXTENSIONS.find((e) => lower.endsWith(e) && lower.length > e.length);
  if (ext) return base.slice(0, base.length - ext.length);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** The key prefix every member is written under, per Prefix and PrefixReplaced 0/1/2. */
export function outputBase(archiveKey: string, prefix: string | undefined, replaced: '0' | '1' | '2' = '0'): string {
  const root = prefix && !prefix.endsWith('/') ? `${prefix}/` : (prefix ?? '');
  if (replaced === '0') return root;
  const stem = archiveStem(archiveKey);
  if (replaced === '1') return `${root}${stem}/`;
  const dir = archiveKey.slice(0, archiveKey.lastIndexOf('/') + 1);
  return `${root}${dir}${stem}/`;
}

/** A safe relative member path ('' when nothing is left), or UnsafeEntryPath. No trailing slash. */
export function sanitizeEntryName(raw: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw)) throw new UncompressError('UnsafeEntryPath', `entry name ${JSON.stringify(raw)} contains control characters`);
  let name = raw.replace(/\\/g, '/').replace(/^[A-Za-z]:/, '');
  const segments = name.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) throw new UncompressError('UnsafeEntryPath', `entry name ${JSON.stringify(raw)} climbs out of the target with ".."`);
  // May be '' (e.g. tar's "./" root entry): callers skip such directories and reject such files.
  return segments.join('/');
}

/** The base name of an archive key without `.gz`: the single member of a plain gzip file. */
export function gzipMemberName(archiveKey: string): string {
  const base = archiveKey.slice(archiveKey.lastIndexOf('/') + 1);
  if (/\.tgz$/i.test(base)) return `${base.slice(0, -4)}.tar`;
  if (/\.gz$/i.test(base) && base.length > 3) return base.slice(0, -3);
  return base;
}
