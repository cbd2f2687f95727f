// Fast start for the `fileproc` command (`serve` must answer ≤ 300 ms after launch). Loading ~300
// TypeScript modules through tsx takes about a second, so when esbuild is installed the sources are
// bundled once into node_modules/.cache/fileproc/ and rebuilt only when a source file is newer than
// the bundle; npm packages stay external. Without esbuild (or with FILEPROC_TSX=1) tsx runs the
// sources directly. Plain JS because it runs before any TypeScript loader exists.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SOURCE_DIRS = ['protocol', 'mocks', 'generated', 'conformance'];
const bundlePath = join(root, 'node_modules', '.cache', 'fileproc', 'fileproc.mjs');

/** Newest modification time (ms) of the .ts/.json/.js sources under `dir`, tests excluded. */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') newest = Math.max(newest, newestSource(path));
    } else if (/\.(ts|json|js)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

async function viaTsx() {
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('./main.ts')).main;
}

async function rebuild() {
  const esbuild = await import('esbuild');
  mkdirSync(join(bundlePath, '..'), { recursive: true });
  // Concurrent starts each write their own temp file; the rename makes the switch atomic.
  const temp = `${bundlePath}.${process.pid}.tmp.mjs`;
  await esbuild.build({
    entryPoints: [fileURLToPath(new URL('./main.ts', import.meta.url))], outfile: temp, bundle: true,
    platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'silent',
  });
  renameSync(temp, bundlePath);
}

/** The CLI's `main`, from the cached bundle when possible. */
export async function loadMain() {
  if (process.env.FILEPROC_TSX === '1') return viaTsx();
  try {
    const builtAt = existsSync(bundlePath) ? statSync(bundlePath).mtimeMs : 0;
    if (Math.max(...SOURCE_DIRS.map((dir) => newestSource(join(root, dir)))) > builtAt) await rebuild();
    return (await import(pathToFileURL(bundlePath).href)).main;
  } catch {
    // No esbuild (production install) or a failed build: run the sources as they are.
    return viaTsx();
  }
}
