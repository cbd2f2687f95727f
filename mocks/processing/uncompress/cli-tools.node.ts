/** Test helper: writes file trees to a temp dir and archives them with the real CLI tools. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A file tree: relative path → content. */
export type Tree = Record<string, Uint8Array>;

/** Creates a temp dir with the tree under `root/`; returns the dir and a cleanup. */
export function writeTree(tree: Tree): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'fileproc-uncompress-'));
  mkdirSync(join(dir, 'root'));
  for (const [path, content] of Object.entries(tree)) {
    mkdirSync(dirname(join(dir, 'root', path)), { recursive: true });
    writeFileSync(join(dir, 'root', path), content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Adds a symbolic link `root/<path>` → `target` to a tree written by writeTree. */
export function addSymlink(dir: string, path: string, target: string): void {
  symlinkSync(target, join(dir, 'root', path));
}

/** Runs a CLI tool inside `root/` of the dir and returns the archive it wrote (path relative to the dir). */
export function archiveWith(dir: string, command: string, args: string[], archiveName: string): Uint8Array {
  execFileSync(command, args, { cwd: join(dir, 'root'), stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  return new Uint8Array(readFileSync(join(dir, archiveName)));
}

/** Runs a command and returns its stdout. */
export function run(command: string, args: string[], cwd?: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
}
