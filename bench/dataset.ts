/**
 * The shared benchmark data set: a deterministic tree of files (nested folders, a few unicode
 * names, one empty file), half compressible text made of words and half random bytes, cached
 * under `.bench-data/<hash of params>/` so that a second call is instant.
 */
import { createCipheriv, createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One file of the data set; `path` is relative to the data set's `dir`, `/`-separated. */
export interface DatasetFile { path: string; size: number; kind: ContentKind }
/** A materialised data set. */
export interface Dataset { dir: string; files: DatasetFile[] }
/** Parameters of a data set; the defaults are the full benchmark size. */
export interface DatasetOptions { files?: number; totalBytes?: number; seed?: number; root?: string }
/** Compressible word text or incompressible random bytes. */
export type ContentKind = 'text' | 'random';

const MiB = 1024 * 1024;
const CHUNK = 1 * MiB;
/** Small enough to build in seconds on a busy machine; used by every benchmark's `--quick`. */
export const QUICK_DATASET: DatasetOptions = { files: 120, totalBytes: 24 * MiB };
/** Where data sets live (git-ignored). */
export const BENCH_DATA_ROOT = fileURLToPath(new URL('../.bench-data/', import.meta.url));
const MANIFEST = 'manifest.json';

/** True when the benchmark was started with `--quick`. */
export function isQuick(argv: readonly string[] = process.argv): boolean {
  return argv.includes('--quick');
}

/** Builds (once) and returns the data set for the given parameters. */
export async function ensureDataset(options: DatasetOptions = {}): Promise<Dataset> {
  const params = { files: options.files ?? 1000, totalBytes: options.totalBytes ?? 512 * MiB, seed: options.seed ?? 1 };
  const id = createHash('sha256').update(JSON.stringify({ v: 1, ...params })).digest('hex').slice(0, 16);
  const dir = join(options.root ?? BENCH_DATA_ROOT, id);
  const cached = await readManifest(dir);
  if (cached) return { dir, files: cached };
  const files = layout(params.files, params.totalBytes, params.seed);
  // Built beside the final folder and renamed into place, so an interrupted build is never used.
  const building = `${dir}.building-${process.pid}`;
  await rm(building, { recursive: true, force: true });
  for (const file of files) await writeContent(join(building, file.path), file.size, file.kind, `${params.seed}:${file.path}`);
  await writeFile(join(building, MANIFEST), JSON.stringify(files));
  await rm(dir, { recursive: true, force: true });
  try {
    await rename(building, dir);
  } catch (error) {
    // Another process (a second benchmark) finished the same data set first: use its copy.
    await rm(building, { recursive: true, force: true });
    if (!(await readManifest(dir))) throw error;
  }
  return { dir, files };
}

/** Builds (once) one large file of the given kind, e.g. the 1 GiB input of the hash benchmark. */
export async function ensureLargeFile(bytes: number, kind: ContentKind = 'random', seed = 1, root = BENCH_DATA_ROOT): Promise<string> {
  const path = join(root, `large-${kind}-${bytes}-${seed}.bin`);
  if ((await stat(path).catch(() => undefined))?.size === bytes) return path;
  const building = `${path}.building-${process.pid}`;
  await writeContent(building, bytes, kind, `${seed}:large`);
  await rename(building, path);
  return path;
}

async function readManifest(dir: string): Promise<DatasetFile[] | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as DatasetFile[];
  } catch {
    return undefined;
  }
}

const UNICODE_DIRS = ['文档/报告', 'café/naïve', 'Ελληνικά/αρχείο', 'emoji/😀-smile', 'Русский/файл'];

/** Decides every file's path, size and kind from the seed alone. */
function layout(count: number, totalBytes: number, seed: number): DatasetFile[] {
  const random = mulberry32(seed);
  // Log-uniform weights over three decades: many small files and a few multi-MiB ones.
  const weights = Array.from({ length: count }, () => Math.exp(random() * Math.log(1000)));
  const emptyIndex = count >= 10 ? Math.floor(count / 2) + 1 : -1;
  if (emptyIndex >= 0) weights[emptyIndex] = 0;
  const sum = weights.reduce((a, b) => a + b, 0);
  const files: DatasetFile[] = [];
  let assigned = 0;
  for (let i = 0; i < count; i++) {
    const kind: ContentKind = i % 2 === 0 ? 'text' : 'random';
    const size = i === count - 1 ? totalBytes - assigned : Math.floor((totalBytes * (weights[i] ?? 0)) / sum);
    assigned += size;
    files.push({ path: pathFor(i, kind, random), size, kind });
  }
  return files;
}

function pathFor(index: number, kind: ContentKind, random: () => number): string {
  const ext = kind === 'text' ? 'txt' : 'bin';
  const name = String(index).padStart(4, '0');
  if (index % 97 === 13) return `${UNICODE_DIRS[index % UNICODE_DIRS.length]}-${name}.${ext}`;
  const depth = Math.floor(random() * 4);
  const folders = Array.from({ length: depth }, (_, level) => `d${level}-${Math.floor(random() * 6)}`);
  return [...folders, `file-${name}.${ext}`].join('/');
}

/** Writes `size` bytes of deterministic content in 1 MiB chunks (bounded memory). */
async function writeContent(path: string, size: number, kind: ContentKind, label: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, 'w');
  try {
    const stream = keystream(label);
    for (let left = size; left > 0; left -= CHUNK) {
      const bytes = stream(Math.min(CHUNK, left));
      await handle.write(kind === 'text' ? wordsFrom(bytes) : bytes);
    }
  } finally {
    await handle.close();
  }
}

/** AES-CTR keystream keyed by the label: fast, deterministic, incompressible. */
function keystream(label: string): (n: number) => Uint8Array {
  const key = createHash('sha256').update(label).digest();
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  return (n) => cipher.update(Buffer.alloc(n));
}

const WORDS = ('the of and to in is was for on that with as by at from file archive object bucket region job ' +
  'queue compress uncompress hash digest stream chunk member folder prefix key value storage cloud tencent ' +
  'request response header body status error code message result progress callback input output format ' +
  'zip tar gzip deflate store level fast better default quick brown fox jumps over lazy dog lorem ipsum dolor ' +
  'sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua')
  .split(' ').map((word) => new TextEncoder().encode(word));

/** Maps random bytes to word text of exactly the same length (~3–4× compressible by deflate). */
function wordsFrom(random: Uint8Array): Uint8Array {
  const out = new Uint8Array(random.length);
  let at = 0;
  for (let i = 0; at < out.length; i++) {
    const word = WORDS[(random[i % random.length] as number) % WORDS.length] as Uint8Array;
    out.set(word.subarray(0, out.length - at), at);
    at += word.length;
    if (at < out.length) out[at++] = i % 13 === 12 ? 0x0a : 0x20;
  }
  return out;
}

/** Small seeded PRNG for the layout (sizes and folders). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
