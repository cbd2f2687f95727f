/**
 * Generated file trees for processing rules: nested paths with unicode and spaces, empty and small
 * files, every path a valid COS key (no `.`/`..` segments, no control characters, no leading or
 * trailing `/`) and no path that is also another path's directory (archives could not hold both).
 */
import fc from 'fast-check';
import { toHex } from '../archives/read.ts';

/** One file of a tree: a relative path (`a/b.txt`) and its bytes. */
export interface TreeFile { path: string; data: Uint8Array }

const nameChars = ['a', 'b', 'c', 'x', 'Z', '0', '7', '-', '_', '.', ' ', 'é', 'ü', 'я', '中', '文', '😀'];

const segmentOf = (minLength: number, maxLength: number) => fc
  .string({ unit: fc.constantFrom(...nameChars), minLength, maxLength })
  .filter((name) => name !== '.' && name !== '..' && name.trim() === name);

/**
 * One path segment, never `.` or `..`, never starting or ending with a space: mostly 1–12
 * characters, sometimes 40–70 so whole paths pass the 100-byte ustar name field (pax needed).
 */
export const segment = fc.oneof({ arbitrary: segmentOf(1, 12), weight: 5 }, { arbitrary: segmentOf(40, 70), weight: 1 });

/** File bytes: often empty, otherwise small text or binary. */
export const fileBytes = fc.oneof(
  fc.constant(new Uint8Array(0)),
  fc.string({ maxLength: 40 }).map((text) => new TextEncoder().encode(text)),
  fc.uint8Array({ minLength: 1, maxLength: 300 }),
);

/** COS keys are at most 850 bytes; 600 leaves room for the rule's prefix and output folders. */
const MAX_PATH_BYTES = 600;
const relativePath = fc
  .array(segment, { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join('/'))
  .filter((path) => new TextEncoder().encode(path).length <= MAX_PATH_BYTES);

/** Drops files whose path is a directory of another file's path (`a` beside `a/b`). */
function withoutDirectoryClashes(files: TreeFile[]): TreeFile[] {
  return files.filter((file) => !files.some((other) => other.path.startsWith(`${file.path}/`)));
}

/** A tree of 1..maxFiles files with distinct paths. */
export function fileTree(maxFiles = 6): fc.Arbitrary<TreeFile[]> {
  return fc
    .uniqueArray(fc.record({ path: relativePath, data: fileBytes }), { minLength: 1, maxLength: maxFiles, selector: (file) => file.path })
    .map(withoutDirectoryClashes);
}

/** The tree as a sorted `path → hex bytes` list, the form rules compare. */
export function treeListing(files: readonly TreeFile[], prefix = ''): Array<[string, string]> {
  return files.map((file): [string, string] => [`${prefix}${file.path}`, toHex(file.data)]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

