/**
 * Shared tail of FileCompress and JD Compress Object: checks the size limit, names members
 * uniquely, streams the archive into `store.put` (atomic: the object appears only when complete,
 * and not at all if any step fails) and reports progress by bytes read.
 */
import type { ObjectMeta, PutOptions } from '../../store/types.ts';
import type { ProcessContext } from '../types.ts';
import type { ArchiveMember } from './archive-member.ts';
import type { CompressBackend } from './backend.ts';
import { CompressAbort } from './failure.ts';
import { createNameDeduper } from './naming.ts';
import { closeOpened, openAhead, type Opened, type PrimedBody } from './prefetch.ts';
import type { PlannedSource } from './sources.ts';
import { gzipStream, writeTar } from './tar-writer.ts';
import { webBackend } from './web-backend.ts';
import { writeZip } from './zip-writer.ts';

/** Tuning shared by the compress entry points; everything is optional. */
export interface CompressOptions {
  /** Deflate + CRC engine; defaults to the browser-safe web backend. Node adapters inject `createNodeBackend()`. */
  backend?: CompressBackend;
  /** Overrides the Type → level mapping (0 = stored zip / level-0 gzip); used by benchmarks and tuning. */
  level?: number;
  /** Bytes of input allowed in flight between reading sources and writing the archive (default 4 MiB). */
  maxPendingBytes?: number;
  /** Write ZIP64 records even when not needed (exercises readers in tests). */
  forceZip64?: boolean;
  /** Fills AES salts (tests pin it); defaults to crypto.getRandomValues. */
  random?: (bytes: Uint8Array) => void;
}

/** One archive to produce. */
export interface ArchiveJob {
  format: 'zip' | 'tar' | 'tar.gz';
  level: number;
  password?: Uint8Array;
  sources: PlannedSource[];
  /** Receives keys that vanished before they were read (IgnoreError), else such a key fails the job. */
  errors: string[];
  ignoreError: boolean;
  bucket: string;
  key: string;
  putOptions?: PutOptions;
}

const CONTENT_TYPES = { zip: 'application/zip', tar: 'application/x-tar', 'tar.gz': 'application/gzip' } as const;

/** Streams the archive into the store; returns the stored object's metadata and how many files it holds. */
export async function writeArchive(ctx: ProcessContext, job: ArchiveJob, options: CompressOptions): Promise<{ meta: ObjectMeta; packed: number }> {
  const total = job.sources.reduce((sum, s) => sum + s.meta.size, 0);
  if (total > ctx.limits.maxTotalBytes) {
    throw new CompressAbort('SizeLimitExceeded', `the sources hold ${total} bytes, more than the ${ctx.limits.maxTotalBytes}-byte job limit; split the job`);
  }
  const counter = { packed: 0 };
  const members = readMembers(ctx, job, progressReporter(ctx, total), counter);
  const backend = options.backend ?? webBackend;
  const maxPendingBytes = options.maxPendingBytes ?? 4 * 1024 * 1024;
  const bytes = job.format === 'zip'
    ? writeZip(members, { backend, level: job.level, maxPendingBytes, ...(job.password && { password: job.password }), ...(options.forceZip64 && { forceZip64: true }), ...(options.random && { random: options.random }) })
    : job.format === 'tar' ? writeTar(members) : gzipStream(writeTar(members), { backend, level: job.level, maxPendingBytes });
  const meta = await ctx.store.put(job.bucket, job.key, bytes, { contentType: CONTENT_TYPES[job.format], ...job.putOptions });
  ctx.onProgress(100);
  return { meta, packed: counter.packed };
}

async function* readMembers(ctx: ProcessContext, job: ArchiveJob, progress: (bytes: number) => void, counter: { packed: number }): AsyncGenerator<ArchiveMember> {
  const unique = createNameDeduper();
  const open = (index: number) => {
    const source = job.sources[index];
    return source && openAhead(() => ctx.store.get(ctx.bucket, source.key));
  };
  let next = open(0);
  let current: PrimedBody | undefined;
  try {
    for (let index = 0; index < job.sources.length; index++) {
      const source = job.sources[index] as PlannedSource;
      checkAborted(ctx);
      const opened = (await next) as Opened;
      // The next file opens while this one is packed (see prefetch.ts).
      next = open(index + 1);
      if ('error' in opened && !job.ignoreError) {
        const { error } = opened;
        throw new CompressAbort('InternalError', `reading source object "${source.key}" failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      const object = 'object' in opened ? opened.object : undefined;
      if (!object) {
        if (!job.ignoreError) throw new CompressAbort('NoSuchKey', `source object "${source.key}" was deleted before it was packed`);
        job.errors.push(source.key);
        continue;
      }
      counter.packed++;
      current = object.body;
      const upcoming = next;
      const primeNext = () => void upcoming?.then((o) => 'object' in o && o.object?.body.prime());
      yield { name: unique(source.name), size: object.meta.size, mtime: object.meta.lastModified, body: tracked(ctx, object.body, progress, object.meta.size, primeNext) };
    }
  } finally {
    // A writer that fails before reading a member's body would leave it open (a file handle in the fs store).
    await current?.close();
    await closeOpened(next);
  }
}

/** Passes a body through, reporting progress; once its declared size is delivered, the next source starts reading. */
async function* tracked(ctx: ProcessContext, body: AsyncIterable<Uint8Array>, progress: (bytes: number) => void, size: number, onLastByte: () => void): AsyncGenerator<Uint8Array> {
  let delivered = 0;
  if (size === 0) onLastByte();
  for await (const chunk of body) {
    checkAborted(ctx);
    progress(chunk.byteLength);
    delivered += chunk.byteLength;
    if (delivered >= size && delivered - chunk.byteLength < size) onLastByte();
    yield chunk;
  }
}

function checkAborted(ctx: ProcessContext): void {
  if (ctx.signal?.aborted) throw new CompressAbort('Aborted', 'the job was cancelled while packing');
}

/** Reports whole percents, never decreasing, holding 100 back until the archive is stored. */
function progressReporter(ctx: ProcessContext, total: number): (bytes: number) => void {
  let done = 0;
  let last = 0;
  ctx.onProgress(0);
  return (bytes) => {
    done += bytes;
    const percent = total > 0 ? Math.min(99, Math.floor((done * 100) / total)) : 0;
    if (percent > last) ctx.onProgress((last = percent));
  };
}
