// esbuild plugin of the CLI bundle (bundle-cache.js): which npm packages go into the bundle, which
// stay external, and which external ones load on first use. Plain JS, like bundle-cache.js.
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

// Bundled in: loading these file by file (Ajv is ~80 CommonJS files, zip.js ~40 ES modules, each
// resolved, read, compiled and linked) cost 2–3× more CPU at start than their code does in one file.
export const BUNDLED_PACKAGES = new Set(['ajv', 'saxes', 'hash-wasm', 'fflate', '@zip.js/zip.js']);

// External and imported on first use (~35 ms CPU of every start otherwise). Both are only needed
// for a rar or an in-memory 7z job (Node extracts 7z in a worker that loads 7z-wasm itself), and
// every export used is an async function, so a stand-in that imports the package when called
// behaves the same. A source that imports another export of them fails the build (and the CLI
// then runs through tsx, slowly but correctly): add the name here.
const LAZY_EXPORTS = {
  'node-unrar-js': ['createExtractorFromData'],
  // A UMD factory: Node's ESM loader exposes module.exports (the factory) as the default export.
  '7z-wasm': ['default'],
};

const LAZY = 'fileproc-lazy';
const packageName = (path) => path.split('/').slice(0, path.startsWith('@') ? 2 : 1).join('/');
const insidePackage = /[\\/]node_modules[\\/]/;

function lazyModule(name) {
  const load = `const load = () => import(${JSON.stringify(name)});`;
  const exports = LAZY_EXPORTS[name].map((exported) => exported === 'default'
    ? 'export default async function (...args) { const { default: factory } = await load(); return (factory.default ?? factory)(...args); }'
    : `export async function ${exported}(...args) { return (await load()).${exported}(...args); }`);
  return [load, ...exports].join('\n');
}

/** The plugin: bare imports external unless bundled (BUNDLED_PACKAGES and their dependencies) or deferred (LAZY_EXPORTS). */
export const packagesPlugin = {
  name: 'fileproc-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = packageName(args.path);
      if (args.path.startsWith('node:') || args.namespace === LAZY) return { path: args.path, external: true };
      if (Object.hasOwn(LAZY_EXPORTS, args.path)) return { path: args.path, namespace: LAZY };
      return BUNDLED_PACKAGES.has(name) || insidePackage.test(args.importer) ? undefined : { path: args.path, external: true };
    });
    build.onLoad({ filter: /.*/, namespace: LAZY }, (args) => ({ contents: lazyModule(args.path), loader: 'js' }));
    // A bundled package finds its own files (zip.js: its worker and .wasm) relative to its module
    // URL: keep that the package file's URL, not the bundle's.
    build.onLoad({ filter: /[\\/]node_modules[\\/].*\.m?js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'js' };
    });
  },
};
