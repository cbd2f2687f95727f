/**
 * Member names inside the archive: Flatten (reference §2.2), Rename / JD Alias, and the rule for
 * names that collide after flattening or renaming.
 */
import type { FileCompressConfig } from '../types.ts';

/** The directory part of a prefix, up to and including its last `/` (a prefix is a directory path). */
function prefixDirectory(prefix: string): string {
  return prefix.slice(0, prefix.lastIndexOf('/') + 1);
}

function lastSegment(directory: string): string {
  const trimmed = directory.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/**
 * The archive path of an object key under a Flatten mode. 0: the key; 1: its last segment; 2 (Prefix
 * only): a top directory named after the prefix's last segment, then the path below the prefix;
 * 3 (Prefix only): the path below the prefix. Example, Prefix `test/data/`, key `test/data/a/b.txt`:
 * 0 → `test/data/a/b.txt`, 1 → `b.txt`, 2 → `data/a/b.txt`, 3 → `a/b.txt`.
 */
export function flattenedName(key: string, flatten: FileCompressConfig['Flatten'], prefix = ''): string {
  switch (flatten) {
    case '1':
      return key.slice(key.lastIndexOf('/') + 1);
    case '2': {
      const directory = prefixDirectory(prefix);
      const top = lastSegment(directory);
      const below = key.slice(directory.length);
      return top ? `${top}/${below}` : below;
    }
    case '3':
      return key.slice(prefixDirectory(prefix).length);
    default:
      return key;
  }
}

/** A Rename / Alias is the member's whole path; leading slashes are dropped so archives never hold absolute paths. */
export function renamedName(rename: string): string {
  return rename.replace(/^\/+/, '');
}

/**
 * Makes names unique in arrival order: a later duplicate of `dir/name.ext` becomes
 * `dir/name (1).ext`, then `(2)`…, so nothing is silently overwritten on extraction.
 */
export function createNameDeduper(): (name: string) => string {
  const used = new Set<string>();
  return (name) => {
    let candidate = name;
    for (let n = 1; used.has(candidate); n++) candidate = withSuffix(name, ` (${n})`);
    used.add(candidate);
    return candidate;
  };
}

function withSuffix(name: string, suffix: string): string {
  const base = name.lastIndexOf('/') + 1;
  const dot = name.lastIndexOf('.');
  // A leading dot (".bashrc") is part of the name, not an extension.
  return dot > base ? `${name.slice(0, dot)}${suffix}${name.slice(dot)}` : `${name}${suffix}`;
}
