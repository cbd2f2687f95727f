// Fast start for the `fileproc` command (`serve` must answer ≤ 300 ms after launch). Loading ~300
// TypeScript modules through tsx takes about a second, so when esbuild is installed the sources are
// bundled once into node_modules/.cache/fileproc/ and rebuilt only when one of the files that went
// into the bundle changed. Each command is its own chunk (main.ts imports them lazily), so `serve`
// never loads the conformance suite. Without esbuild (or with FILEPROC_TSX=1) tsx runs the
// sources directly. Plain JS: it runs before any TypeScript loader.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { basename, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cacheDir = join(root, 'node_modules', '.cache', 'fileproc');
// Names the current build's entry file and the source files it was made from (the freshness check reads only this).
const manifestPath = join(cacheDir, 'manifest.json');
// Output files carry a content hash in their names and are never rewritten, so a running process
// can still import a chunk of the build it started from after another process rebuilt; files no
// build has referenced for a day are removed.
const UNUSED_FILE_MS = 24 * 60 * 60 * 1000;
// npm packages bundled in: loading them file by file (Ajv is ~80 CommonJS files, each resolved,
// read, lexed for its exports and wrapped) cost more at start than their code. The others stay
// external: they find their own .wasm or worker files relative to their module URL.
const BUNDLED_PACKAGES = new Set(['ajv', 'saxes', 'hash-wasm', 'fflate']);

/** esbuild plugin: bare imports stay external unless they name a BUNDLED_PACKAGES package or come from inside one. */
const externalPackages = {
  name: 'fileproc-external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      const name = args.path.split('/').slice(0, args.path.startsWith('@') ? 2 : 1).join('/');
      const fromPackage = /[\\/]node_modules[\\/]/.test(args.importer);
      return BUNDLED_PACKAGES.has(name) || fromPackage ? undefined : { path: args.path, external: true };
    });
  },
};

/** The current build's manifest if none of its inputs changed since it was built, else undefined. */
function freshManifest() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
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

/** Writes a file unless it exists (same name, same content; then only its time is renewed), via a temporary name so no reader sees it half written. */
function writeOnce(path, contents) {
  if (existsSync(path)) {
    utimesSync(path, new Date(), new Date());
    return;
  }
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, contents);
  renameSync(temp, path);
}

async function rebuild() {
  const esbuild = await import('esbuild');
  // Sources edited while the build runs are newer than this, so the next start rebuilds again.
  const startedAt = Date.now();
  const result = await esbuild.build({
    entryPoints: { main: fileURLToPath(new URL('./main.ts', import.meta.url)) }, outdir: cacheDir, write: false,
    entryNames: '[name]-[hash]', chunkNames: '[name]-[hash]', bundle: true, splitting: true, metafile: true,
    absWorkingDir: root, platform: 'node', format: 'esm', target: 'node20', plugins: [externalPackages], logLevel: 'silent',
  });
  for (const file of result.outputFiles) writeOnce(file.path, file.contents);
  const main = relative(cacheDir, result.outputFiles.find((file) => basename(file.path).startsWith('main-'))?.path ?? '');
  // The bundled packages' files are not watched (an npm install rewrites package-lock.json), this
  // file is (it holds the build's configuration).
  const sources = Object.keys(result.metafile.inputs).filter((input) => !input.startsWith('node_modules/'));
  const manifest = { main, startedAt, inputs: [...sources, 'mocks/cli/bundle-cache.js', 'package-lock.json'] };
  // Concurrent rebuilds each write their own manifest; the rename makes the switch atomic.
  const temp = `${manifestPath}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(manifest));
  renameSync(temp, manifestPath);
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
    return (await import(pathToFileURL(join(cacheDir, manifest.main)).href)).main;
  } catch {
    // No esbuild (production install) or a failed build: run the sources as they are.
    return viaTsx();
  }
}
