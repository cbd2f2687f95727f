// Runs the CLI's CommonJS bundle (bundle-cache.js) with a V8 code cache. Node 20 has no compile
// cache for modules (module.enableCompileCache is Node ≥ 22.1), and parsing and compiling the
// bundle and the functions a start runs cost ~40 ms of CPU per start; vm.Script takes V8's cached
// data instead. Plain JS, like bundle-cache.js.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

/** Writes `path` via a temporary name and a rename, so no reader (another start) sees it half written. */
export function writeAtomically(path, contents) {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, contents);
  renameSync(temp, path);
}

/** The name the bundle's code gets for `import.meta.url` (esbuild `define`; CommonJS has no import.meta). */
export const IMPORT_META_URL = '__fileproc_import_meta_url';

/**
 * Runs `file` (CommonJS) and returns its exports. The cache (one per command: a `validate` run
 * compiles other functions than `serve`) is written when the process exits, so it holds every
 * function that run compiled, and replaced by a later run that compiled more; V8 rejects a cache
 * of another V8 version or flags, and then it is written anew.
 */
export function runBundle(file, command) {
  const cacheFile = `${file}.${String(command).replace(/[^\w-]/g, '_')}.${process.version}.v8cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // On the bundle's first line, so stack traces keep their line numbers.
  const wrapper = `(function (exports, require, module, __filename, __dirname, ${IMPORT_META_URL}) {${readFileSync(file, 'utf8')}\n})`;
  // The bundle holds no import(): code from a code cache loses Node's dynamic-import callback
  // ("A dynamic import callback was not specified"), so bundle-cache.js has esbuild turn each
  // import() into a require() (which loads ES modules too on Node ≥ 20.19).
  const script = new vm.Script(wrapper, { filename: file, cachedData });
  process.once('exit', () => {
    try {
      const data = script.createCachedData();
      // A larger cache holds more compiled functions: a `serve --help` must not leave the cache
      // that every later `serve` start uses.
      if (cachedData !== undefined && !script.cachedDataRejected && data.length <= cachedData.length) return;
      writeAtomically(cacheFile, data);
    } catch {
      // a read-only cache folder only costs the next start its speed
    }
  });
  const bundle = { exports: {} };
  script.runInThisContext()(bundle.exports, module.createRequire(file), bundle, file, dirname(file), pathToFileURL(file).href);
  return bundle.exports;
}
