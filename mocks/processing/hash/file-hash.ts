/**
 * FileHashCode (§2.4) and the sync `ci-process=filehash` (§2.12): one streaming digest of an
 * object, returning FileHashCodeResult (§3.4) with only the requested digest.
 */
import { percentReporter } from '../uncompress/progress.ts';
import type { FileHashCodeConfig, FileHashCodeResult, ProcessContext, ProcessOutcome } from '../types.ts';
import { formatCosTime } from '../../../protocol/time.ts';
import type { HashAlgorithm } from './types.ts';

/** The sync API's limit: "file < 128 MB" (§2.12, §9.19); read as 128 MiB, that size itself allowed. */
export const SYNC_FILEHASH_MAX_BYTES = 128 * 1024 * 1024;

const RESULT_ELEMENT = { md5: 'MD5', sha1: 'SHA1', sha256: 'SHA256' } as const;
const ALGORITHMS: readonly HashAlgorithm[] = ['md5', 'sha1', 'sha256'];

/** Runs a FileHashCode job on `input.Object` in the job's bucket; `Type` is case-insensitive (§2.4, §9.10). */
export function hashObject(
  ctx: ProcessContext, input: { Object: string }, config: FileHashCodeConfig,
): Promise<ProcessOutcome<FileHashCodeResult>> {
  const algorithm = ALGORITHMS.find((a) => a === config.Type?.toLowerCase());
  if (!algorithm) return failed('InvalidArgument', `FileHashCodeConfig.Type must be MD5, SHA1 or SHA256, got "${config.Type}"`);
  if (!input.Object) return failed('InvalidArgument', 'Input.Object must name the object to hash');
  return digestObject(ctx, input.Object, algorithm, config.AddToHeader === true, ctx.limits.maxTotalBytes);
}

/** Serves `GET /<key>?ci-process=filehash&type=…`: `type` must be lower case (§2.12), the object ≤ 128 MiB. */
export function syncFileHash(
  ctx: ProcessContext, key: string, type: string | undefined, addToHeader: boolean,
): Promise<ProcessOutcome<FileHashCodeResult>> {
  const algorithm = ALGORITHMS.find((a) => a === type);
  if (!algorithm) return failed('InvalidArgument', `type must be md5, sha1 or sha256 (lower case), got "${type ?? ''}"`);
  return digestObject(ctx, key, algorithm, addToHeader, SYNC_FILEHASH_MAX_BYTES);
}

async function digestObject(
  ctx: ProcessContext, key: string, algorithm: HashAlgorithm, addToHeader: boolean, maxBytes: number,
): Promise<ProcessOutcome<FileHashCodeResult>> {
  try {
    // HEAD first: an oversized object is refused without opening its body.
    const head = await ctx.store.head(ctx.bucket, key);
    if (!head) return failed('NoSuchKey', `the object ${key} does not exist in bucket ${ctx.bucket}`);
    if (head.size > maxBytes) return tooLarge(head.size, maxBytes);
    // Each chunk is hashed before the next is read, so the store may reuse its buffers.
    const readable = await ctx.store.get(ctx.bucket, key, undefined, { transientChunks: true });
    if (!readable) return failed('NoSuchKey', `the object ${key} was deleted before it could be hashed`);
    const { meta, body } = readable;
    if (meta.size > maxBytes) {
      await body[Symbol.asyncIterator]().return?.();
      return tooLarge(meta.size, maxBytes);
    }
    const hash = await ctx.hash(algorithm);
    const progress = percentReporter((percent) => ctx.onProgress(percent));
    let done = 0;
    for await (const chunk of body) {
      if (ctx.signal?.aborted) return failed('Aborted', `hashing ${key} was aborted after ${done} of ${meta.size} bytes`);
      hash.update(chunk);
      done += chunk.byteLength;
      progress.fraction(meta.size === 0 ? 1 : done / meta.size);
    }
    if (done !== meta.size) return failed('InternalError', `read ${done} bytes of ${key} but it has ${meta.size}; retry the job`);
    const digest = hash.digestHex();
    if (addToHeader && !(await ctx.store.updateUserMeta(ctx.bucket, key, { [`x-cos-meta-${algorithm}`]: digest }))) {
      return failed('NoSuchKey', `the object ${key} was deleted before its x-cos-meta-${algorithm} header could be added`);
    }
    progress.finish();
    const result: FileHashCodeResult = {
      [RESULT_ELEMENT[algorithm]]: digest,
      FileSize: meta.size,
      LastModified: formatCosTime(meta.lastModified),
      Etag: meta.etag,
    };
    return { ok: true, result };
  } catch (error) {
    return failed('InternalError', `the object store failed while hashing ${key}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function tooLarge(size: number, maxBytes: number): Promise<ProcessOutcome<never>> {
  return failed('SizeLimitExceeded', `the object has ${size} bytes; at most ${maxBytes} can be hashed here${maxBytes === SYNC_FILEHASH_MAX_BYTES ? ' (use a FileHashCode job for larger objects)' : ''}`);
}

async function failed(Code: string, detail: string): Promise<ProcessOutcome<never>> {
  return { ok: false, failure: { Code, Message: `[fileproc] ${detail}` } };
}
