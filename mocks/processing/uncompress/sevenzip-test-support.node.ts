/** Test helper: the Node 7z engines (7z-wasm in a worker, native 7-Zip), 7z archives built by the CLI, and one extraction call. */
import type { ObjectStore } from '../../store/types.ts';
import type { FileUncompressConfig, ProcessingLimits } from '../types.ts';
import { archiveWith, writeTree, type Tree } from './cli-tools.node.ts';
import { nodeCodecs } from './codecs.node.ts';
import type { UncompressCodecs } from './codecs.ts';
import { locateSevenZip } from './sevenzip-native.node.ts';
import { sevenZipReader } from './sevenzip-stream.node.ts';
import { allKeys, BUCKET, makeContext } from './test-support.ts';
import { uncompressArchive } from './uncompress.ts';

/** The native 7-Zip on PATH, if any (FILEPROC_7Z aside: the tests pick each engine themselves). */
export const nativeBinary = await locateSevenZip(undefined);

/** Node codecs per 7z engine; the native one only where a 7-Zip binary runs. */
export const sevenZipEngines: { name: string; codecs: UncompressCodecs }[] = [
  { name: '7z-wasm worker', codecs: { ...nodeCodecs, sevenZip: sevenZipReader(undefined) } },
  ...(nativeBinary ? [{ name: `native ${nativeBinary}`, codecs: { ...nodeCodecs, sevenZip: sevenZipReader(nativeBinary) } }] : []),
];

/** Incompressible bytes (xorshift32), so packed streams are as large as their content. */
export function noise(n: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(n);
  let x = seed || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

const built = new Map<string, Uint8Array>();

/**
 * Archives a tree with the 7z CLI (once per tree and switches), run in `<dir>/root`; `setup` may add
 * links or files; `inputs` (default `.`) may name files outside the tree, by absolute path too.
 */
export function build7z(tree: Tree, args: string[] = [], setup?: (dir: string) => void, inputs: (dir: string) => string[] = () => ['.']): Uint8Array {
  const id = JSON.stringify([Object.entries(tree).map(([path, content]) => [path, content.byteLength]), args, setup?.toString(), inputs.toString()]);
  const cached = built.get(id);
  if (cached) return cached;
  const { dir, cleanup } = writeTree(tree);
  try {
    setup?.(dir);
    const archive = archiveWith(dir, '7z', ['a', '-bd', '-t7z', ...args, '../x.7z', ...inputs(dir)], 'x.7z');
    built.set(id, archive);
    return archive;
  } finally {
    cleanup();
  }
}

/** Options of one test extraction. */
export interface ExtractOptions {
  config?: FileUncompressConfig;
  limits?: Partial<ProcessingLimits>;
  codecs?: UncompressCodecs;
  signal?: AbortSignal;
  inMemoryArchiveLimit?: number;
  /** Another store than the context's memory store (e.g. a filesystem store). */
  store?: ObjectStore;
}

/** Stores the archive as `in/x.7z`, extracts it under `out/`; returns the outcome, its code and the keys written. */
export async function extract7z(archive: Uint8Array, options: ExtractOptions = {}) {
  const ctx = { ...makeContext(options.limits), ...(options.signal && { signal: options.signal }), ...(options.store && { store: options.store }) };
  await ctx.store.put(BUCKET, 'in/x.7z', archive);
  const outcome = await uncompressArchive(ctx, { Object: 'in/x.7z' }, { Prefix: 'out', ...options.config }, { Region: 'ap-chongqing', Bucket: BUCKET }, {
    codecs: options.codecs ?? nodeCodecs, ...(options.inMemoryArchiveLimit !== undefined && { inMemoryArchiveLimit: options.inMemoryArchiveLimit }),
  });
  return { ctx, outcome, code: outcome.ok ? 'ok' : outcome.failure.Code, keys: (await allKeys(ctx)).filter((k) => k !== 'in/x.7z') };
}
