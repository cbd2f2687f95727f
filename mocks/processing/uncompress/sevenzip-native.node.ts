/**
 * Which 7-Zip decodes 7z archives in Node: a native binary when one runs here (several times faster
 * than 7z-wasm and multi-threaded), else 7z-wasm in a worker. `FILEPROC_7Z=wasm` forces 7z-wasm; a
 * path picks that binary; unset, the first of `7zz`, `7z`, `7za` on PATH that runs is used.
 */
import { execFile } from 'node:child_process';
import { UncompressError } from './errors.ts';

const CANDIDATES = ['7zz', '7z', '7za'];
let chosen: Promise<string | undefined> | undefined;

/** The binary for this process (looked up once), or undefined for 7z-wasm. */
export function sevenZipBinary(): Promise<string | undefined> {
  chosen ??= locateSevenZip(process.env.FILEPROC_7Z);
  return chosen;
}

/** Resolves a FILEPROC_7Z setting: `wasm` → undefined; a path → it, if it runs; unset → the first candidate that runs. */
export async function locateSevenZip(setting: string | undefined): Promise<string | undefined> {
  if (setting === 'wasm') return undefined;
  if (setting) {
    if (await runsSevenZip(setting)) return setting;
    throw new UncompressError('InternalError', `FILEPROC_7Z=${setting} does not run as 7-Zip (use a 7-Zip binary, or "wasm")`);
  }
  for (const name of CANDIDATES) if (await runsSevenZip(name)) return name;
  return undefined;
}

/** Whether `binary i` runs and says it is 7-Zip. */
function runsSevenZip(binary: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = execFile(binary, ['i'], { maxBuffer: 4 * 1024 * 1024 }, (error, stdout) => resolve(!error && stdout.includes('7-Zip')));
    child.stdin?.end();
  });
}
