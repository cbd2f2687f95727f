import SevenZipPackage, { type SevenZipModule, type SevenZipModuleFactory } from '7z-wasm';
import { checkDeclared, loadWhole } from './in-memory.ts';
import type { ArchiveMember, ArchiveWalk, ReaderOptions } from './members.ts';
import {
  checkListing, checkRun, extractArgs, fileList, listArgs, listedMember, parseListing, requireKeyFor,
  type ConsoleRun, type KeyState, type Listed,
} from './sevenzip-listing.ts';
import type { ArchiveObject } from './zip-reader.ts';

// The package is UMD: Node's ESM loader sees `module.exports` (itself the factory), bundlers its `.default`.
const SevenZip = ((SevenZipPackage as unknown as { default?: SevenZipModuleFactory }).default ?? SevenZipPackage) as SevenZipModuleFactory;

interface Console7z { module: SevenZipModule; out: string[]; err: string[] }

/**
 * Opens a 7z archive. With `codecs.sevenZip` (Node: streamed through a worker) that reader runs;
 * otherwise 7z-wasm works in memory on this thread (browsers), bounded by inMemoryArchiveLimit:
 * lists now, extracts on first read.
 */
export async function openSevenZip(archive: ArchiveObject, options: ReaderOptions): Promise<ArchiveWalk> {
  if (options.codecs.sevenZip) return options.codecs.sevenZip(archive, options);
  const data = await loadWhole(archive, options);
  const seven = await start();
  seven.module.FS.writeFile('/archive.7z', data);
  const keyGiven = options.password !== undefined;
  await checkListing(run(seven, listArgs(options, '/archive.7z')), keyGiven, data.byteLength, (offset, length) => data.subarray(offset, offset + length));
  const listed = parseListing(seven.out.join('\n'));
  requireKeyFor(listed, options);
  const names = listed.map((e) => e.path);
  if (!options.listOnly) checkDeclared(listed.length, listed.reduce((sum, e) => sum + e.size, 0), options);
  const extract = () => extractFiles(seven, listed, options, { keyGiven, encrypted: listed.some((e) => e.encrypted) });
  return { declaredEntries: listed.length, names, members: members(seven, listed, options.listOnly ? () => undefined : extract, options) };
}

/** Extracts the regular files into the in-memory FS; runs when the first member is requested, i.e. after the caller has vetted every name. */
function extractFiles(seven: Console7z, listed: Listed[], options: ReaderOptions, key: KeyState): void {
  const files = fileList(listed);
  if (files === '') return;
  seven.module.FS.writeFile('/files.txt', files);
  checkRun(run(seven, extractArgs(options, '/archive.7z', '/out', '/files.txt')), key);
  seven.module.FS.unlink('/archive.7z');
}

async function* members(seven: Console7z, listed: Listed[], extract: () => void, options: ReaderOptions): AsyncIterable<ArchiveMember> {
  extract();
  const total = listed.reduce((sum, e) => sum + e.size, 0);
  let done = 0;
  for (const entry of listed) {
    yield listedMember(entry, async function* () {
      const path = `/out/${entry.path}`;
      const content = seven.module.FS.readFile(path) as Uint8Array;
      seven.module.FS.unlink(path); // frees the in-memory copy as soon as it is handed over
      done += entry.size;
      options.onFraction(0.5 + done / Math.max(1, total) / 2);
      yield content;
    });
  }
}

async function start(): Promise<Console7z> {
  const out: string[] = [];
  const err: string[] = [];
  const module = await SevenZip({ print: (line) => void out.push(line), printErr: (line) => void err.push(line), stdin: () => null as unknown as number });
  return { module, out, err };
}

function run(seven: Console7z, args: string[]): ConsoleRun {
  seven.out.length = 0;
  seven.err.length = 0;
  const result: ConsoleRun = { code: undefined, threw: false, out: seven.out, err: seven.err };
  try {
    result.code = seven.module.callMain(args);
  } catch {
    result.threw = true;
  }
  return result;
}
