// Fast start for the `fileproc` command (`serve` must answer ≤ 300 ms after launch). Loading ~300
// TypeScript modules through tsx takes about a second, so when esbuild is installed the sources are
// bundled once into node_modules/.cache/fileproc/ (one CommonJS file, run with a V8 code cache by
// bundle-runner.js) and rebuilt only when one of the files that went into it changed. main.ts
// imports each command on use, and the bundle initialises a command's modules only then, so `serve`
// never runs the conformance suite's; which npm packages are bundled: bundle-plugins.js. Without
// esbuild (or with FILEPROC_TSX=1) tsx runs the sources directly. Plain JS: it runs before any
// TypeScript loader.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import module from 'node:module';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packagesPlugin } from './bundle-plugins.js';
import { IMPORT_META_URL, runBundle, writeAtomically } from './bundle-runner.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cacheDir = join(root, 'node_modules', '.cache', 'fileproc');
// Names the current build's entry file and the source files it was made from (the freshness check reads only this).
const manifestPath = join(cacheDir, 'manifest.json');
// Output files carry a content hash in their names and are never rewritten (a process keeps
// running the build it started from when another one rebuilds); files no build has referenced for
// a day are removed, code caches with them.
const UNUSED_FILE_MS = 24 * 60 * 60 * 1000;
/** The current build's manifest if none of its inputs changed since it was built, else undefined. */
function freshManifest() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    // Bundled packages' module URLs are absolute (bundle-plugins.js): a moved checkout rebuilds.
    if (manifest.root !== root) return undefined;
    statSync(join(cacheDir, manifest.main));
  } catch {
    return undefined;
  }
  for (const input of manifest.inputs) {
    try {
      if (statSync(join(root, input)).mtimeMs > manifest.startedAt) return undefined;
    } catch {
      return undefined; // an input was deleted or renamed
    }
  }
  return manifest;
}

async function viaTsx() {
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('./main.ts')).main;
}

/** Writes a file unless it exists (same name, same content; then only its time is renewed), atomically. */
function writeOnce(path, contents) {
  if (existsSync(path)) {
    utimesSync(path, new Date(), new Date());
    return;
  }
  writeAtomically(path, contents);
}

async function rebuild() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return undefined; // a production install without esbuild: tsx it is, and that is expected
  }
  // Sources edited while the build runs are newer than this, so the next start rebuilds again.
  const startedAt = Date.now();
  const result = await esbuild.build({
    entryPoints: { main: fileURLToPath(new URL('./main.ts', import.meta.url)) }, outdir: cacheDir, write: false,
    entryNames: '[name]-[hash]', outExtension: { '.js': '.cjs' }, bundle: true, metafile: true, absWorkingDir: root,
    platform: 'node', format: 'cjs', target: 'node20', supported: { 'dynamic-import': false }, // see bundle-runner.js
    define: { 'import.meta.url': IMPORT_META_URL }, plugins: [packagesPlugin],
    logLevel: 'silent',
  });
  for (const file of result.outputFiles) writeOnce(file.path, file.contents);
  const main = relative(cacheDir, result.outputFiles.find((file) => basename(file.path).startsWith('main-'))?.path ?? '');
  // Inputs are paths relative to the root, or `namespace:name` for generated ones (bundle-plugins.js).
  const sources = Object.keys(result.metafile.inputs).filter((input) => !/(^|[\\/])node_modules[\\/]/.test(input) && !/^[\w-]+:/.test(input));
  // The bundled packages' files are not watched (an npm install rewrites package-lock.json, when
  // there is one); the build's configuration is.
  const configuration = ['mocks/cli/bundle-cache.js', 'mocks/cli/bundle-plugins.js', 'mocks/cli/bundle-runner.js', 'package-lock.json']
    .filter((path) => existsSync(join(root, path)));
  const manifest = { main, root, startedAt, inputs: [...sources, ...configuration] };
  // Concurrent rebuilds each write their own manifest; the rename makes the switch atomic.
  writeAtomically(manifestPath, JSON.stringify(manifest));
  removeUnused(new Set(result.outputFiles.map((file) => basename(file.path))));
  return manifest;
}

/** Removes cached files the current build does not use and that nothing wrote for a day. */
function removeUnused(current) {
  for (const entry of readdirSync(cacheDir)) {
    const path = join(cacheDir, entry);
    if (current.has(entry) || entry === 'manifest.json' || entry === 'v8') continue;
    if (Date.now() - statSync(path).mtimeMs > UNUSED_FILE_MS) rmSync(path, { recursive: true, force: true });
  }
}

/** The CLI's `main`, from the cached bundle when possible. */
export async function loadMain() {
  if (process.env.FILEPROC_TSX === '1') return viaTsx();
  try {
    mkdirSync(cacheDir, { recursive: true });
    // Node ≥ 22.1 keeps V8's compiled code between runs; Node 20 has no such cache (feature-detected).
    module.enableCompileCache?.(join(cacheDir, 'v8'));
    const manifest = freshManifest() ?? (await rebuild());
    if (manifest) return runBundle(join(cacheDir, manifest.main), process.argv[2]).main;
  } catch (error) {
    // A failed build still runs, from the sources as they are; say why it starts slowly.
    console.error(`[fileproc] the cached bundle failed (${error?.message ?? error}); running the sources through tsx`);
  }
  return viaTsx();
}
