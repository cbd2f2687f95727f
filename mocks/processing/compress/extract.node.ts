/** Test helper: extracts archive bytes with the real CLI tools (the referees) and reads the tree back. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Files } from './test-support.ts';

/** A real tool that opens our archives. */
export type Extractor = 'unzip' | '7z' | 'tar';

const ENV = { ...process.env, LC_ALL: 'C.UTF-8' };

/** Extracts with `tool` (checking integrity first where the tool can) and returns path → bytes. */
export function extractWith(tool: Extractor, bytes: Uint8Array, fileName: string, password?: string): Files {
  const dir = mkdtempSync(join(tmpdir(), 'fileproc-compress-'));
  try {
    const archive = join(dir, fileName);
    const out = join(dir, 'out');
    writeFileSync(archive, bytes);
    const exec = (command: string, args: string[]): string => execFileSync(command, args, { env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (tool === 'unzip') {
      exec('unzip', ['-tq', ...(password ? ['-P', password] : []), archive]);
      exec('unzip', ['-q', ...(password ? ['-P', password] : []), archive, '-d', out]);
    } else if (tool === '7z') {
      exec('7z', ['t', `-p${password ?? ''}`, archive]);
      exec('7z', ['x', '-y', `-p${password ?? ''}`, `-o${out}`, archive]);
    } else {
      execFileSync('mkdir', ['-p', out]);
      exec('tar', ['-xf', archive, '-C', out]);
    }
    return readTree(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `command args… <archive>` on the bytes written to a temp file; returns stdout. */
export function runOn(bytes: Uint8Array, fileName: string, command: string, args: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'fileproc-compress-'));
  try {
    writeFileSync(join(dir, fileName), bytes);
    return execFileSync(command, [...args, join(dir, fileName)], { env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every regular file below `root` as `/`-separated relative path → bytes. */
export function readTree(root: string): Files {
  const files: Files = {};
  let entries: string[] = [];
  try {
    entries = readdirSync(root, { recursive: true, encoding: 'utf8' });
  } catch {
    return files;
  }
  for (const entry of entries) {
    const path = join(root, entry);
    try {
      files[relative(root, path).split('\\').join('/')] = new Uint8Array(readFileSync(path));
    } catch {
      // A directory: readFileSync throws EISDIR; only files are members.
    }
  }
  return files;
}

/** Exact byte equality without vitest's element-by-element deep-equal (slow on MiB-sized arrays). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}
