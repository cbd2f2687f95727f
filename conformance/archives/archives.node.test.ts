import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileTree, treeListing, type TreeFile } from '../arbitraries/file-tree.ts';
import { fileMap, readArchive, writeArchive } from './read.ts';
import { readTar } from './tar.ts';
import { readZip, writeZip } from './zip.ts';

// The suite's archive code against the reference tools (GNU tar, gzip, Info-ZIP, 7-Zip): what it
// builds they open byte for byte, and what they build it reads — over generated trees.
const params = { seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, numRuns: 12 };

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'fpc-archives-'));
}

function listDir(root: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push([relative(root, path), readFileSync(path).toString('hex')]);
    }
  };
  walk(root);
  return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function writeTree(root: string, tree: readonly TreeFile[]): void {
  for (const file of tree) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true });
    writeFileSync(join(root, file.path), file.data);
  }
}

const entriesOf = (tree: readonly TreeFile[]) => tree.map(({ path, data }) => ({ name: path, data }));
const sortedMembers = (map: Map<string, string>) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe('suite archives', () => {
  it('tar and tar.gz it writes extract with GNU tar to the same tree (pax for long and unicode names)', async () => {
    await fc.assert(fc.asyncProperty(fileTree(), fc.constantFrom('tar' as const, 'tar.gz' as const), async (tree, format) => {
      const dir = scratch();
      try {
        writeFileSync(join(dir, 'a.tar'), await writeArchive(entriesOf(tree), format));
        mkdirSync(join(dir, 'out'));
        execFileSync('tar', ['-xf', join(dir, 'a.tar'), '-C', join(dir, 'out')]);
        expect(listDir(join(dir, 'out'))).toEqual(treeListing(tree));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }), params);
  });

  it('reads tar archives GNU tar writes in pax and gnu formats', async () => {
    await fc.assert(fc.asyncProperty(fileTree(), fc.constantFrom('pax', 'gnu'), async (tree, tarFormat) => {
      const dir = scratch();
      try {
        writeTree(join(dir, 'in'), tree);
        execFileSync('tar', [`--format=${tarFormat}`, '-cf', join(dir, 'a.tar'), '-C', join(dir, 'in'), '--', ...tree.map((file) => file.path)]);
        expect(sortedMembers(fileMap(readTar(readFileSync(join(dir, 'a.tar')))))).toEqual(treeListing(tree));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }), params);
  });

  it('zips it writes (plain and AES-256) extract with 7z to the same tree', async () => {
    await fc.assert(fc.asyncProperty(fileTree(), fc.boolean(), async (tree, encrypted) => {
      const dir = scratch();
      try {
        writeFileSync(join(dir, 'a.zip'), await writeZip(entriesOf(tree), encrypted ? { password: 'pw-1', encryption: 'aes' } : {}));
        execFileSync('7z', ['x', '-y', encrypted ? '-ppw-1' : '-p', `-o${join(dir, 'out')}`, join(dir, 'a.zip')], { stdio: 'pipe' });
        expect(listDir(join(dir, 'out'))).toEqual(treeListing(tree));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }), { ...params, numRuns: 6 });
  });

  it('reads ZipCrypto zips Info-ZIP writes only with the password', async () => {
    const dir = scratch();
    try {
      const tree = [{ path: 'a/b.txt', data: new TextEncoder().encode('secret body') }, { path: 'empty', data: new Uint8Array(0) }];
      writeTree(join(dir, 'in'), tree);
      execFileSync('zip', ['-q', '-P', 'pw-2', join(dir, 'a.zip'), 'a/b.txt', 'empty'], { cwd: join(dir, 'in') });
      const bytes = readFileSync(join(dir, 'a.zip'));
      expect(sortedMembers(fileMap(await readZip(bytes, 'pw-2')))).toEqual(treeListing(tree));
      await expect(readZip(bytes)).rejects.toThrow();
      await expect(readZip(bytes, 'wrong')).rejects.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gz holds one file gunzip restores; readArchive names it', async () => {
    const data = new TextEncoder().encode('one gz member\n');
    const gz = await writeArchive([{ name: 'x.txt', data }], 'gz');
    expect(execFileSync('gunzip', ['-c'], { input: gz }).toString()).toBe('one gz member\n');
    expect(await readArchive(gz, 'gz', { gzName: 'x.txt' })).toEqual([{ name: 'x.txt', data }]);
    await expect(writeArchive([], 'gz')).rejects.toThrow(/exactly one file/);
  });
});
