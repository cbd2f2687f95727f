/**
 * FileCompress (reference §2.2, result §3.4): validates the decoded config, resolves the sources,
 * and streams a zip / tar / tar.gz archive to `Output`. Never throws for bad input.
 */
import type { CompressOutput, FileCompressConfig, FileCompressResult, ProcessContext, ProcessOutcome } from '../types.ts';
import { CompressAbort } from './failure.ts';
import { renamedName } from './naming.ts';
import { runCompressJob } from './run-job.ts';
import { resolveSources } from './sources.ts';
import { writeArchive, type CompressOptions } from './write-archive.ts';

/** Type → zlib level: `faster` 1, `default` 6 (zip/gzip's own default), `better` 9. */
export const LEVELS = { faster: 1, default: 6, better: 9 } as const;
const MAX_LIST_ENTRIES = 1000;

/** Runs a FileCompress job; the result container on success, `{ ok: false, failure }` otherwise. */
export function compressFiles(ctx: ProcessContext, config: FileCompressConfig, output: CompressOutput, options: CompressOptions = {}): Promise<ProcessOutcome<FileCompressResult>> {
  return runCompressJob(async () => {
    const password = checkConfig(config, output);
    const plan = await resolveSources(ctx, config);
    const { packed } = await writeArchive(ctx, {
      format: config.Format,
      level: options.level ?? LEVELS[config.Type ?? 'default'],
      ...(password && { password }),
      sources: plan.sources,
      errors: plan.errors,
      ignoreError: config.IgnoreError === true,
      bucket: output.Bucket,
      key: output.Object,
    }, options);
    const errorCount = plan.errors.length;
    return {
      Region: output.Region, Bucket: output.Bucket, Object: output.Object,
      CompressFileCount: packed,
      ErrorCount: errorCount,
      ...(errorCount > 0 && { ErrorDetail: { ErrorCount: errorCount, ErrorFile: [...plan.errors] } }),
    };
  });
}

/** Rejects configs the service would reject; returns the zip password bytes when one applies. */
function checkConfig(config: FileCompressConfig, output: CompressOutput): Uint8Array | undefined {
  const invalid = (message: string): never => {
    throw new CompressAbort('InvalidArgument', message);
  };
  if (!['zip', 'tar', 'tar.gz'].includes(config.Format)) invalid(`Format "${config.Format}" is not one of zip, tar, tar.gz`);
  if (!['0', '1', '2', '3'].includes(config.Flatten)) invalid(`Flatten "${config.Flatten}" is not one of 0, 1, 2, 3`);
  if (config.Type !== undefined && !(config.Type in LEVELS)) invalid(`Type "${config.Type}" is not one of faster, better, default`);
  if (!output.Bucket || !output.Object) invalid('Output needs Bucket and Object');
  const keys = (config.Key ?? []).filter(Boolean);
  const keyConfigs = (config.KeyConfig ?? []).filter((c) => c.Key);
  if (!config.UrlList && !config.Prefix && keys.length === 0 && keyConfigs.length === 0) invalid('give one source: UrlList, Prefix, Key or KeyConfig');
  if (keys.length > MAX_LIST_ENTRIES || keyConfigs.length > MAX_LIST_ENTRIES) invalid(`Key and KeyConfig take at most ${MAX_LIST_ENTRIES} entries each; use Prefix or UrlList for more`);
  // Flatten 2 and 3 are defined relative to a prefix; with UrlList winning, Prefix is not the source.
  if ((config.Flatten === '2' || config.Flatten === '3') && (config.UrlList || !config.Prefix)) invalid(`Flatten ${config.Flatten} needs Prefix as the source`);
  if (!config.UrlList && !config.Prefix && keyConfigs.some((c) => c.ImageParams)) invalid('KeyConfig ImageParams (image processing before packing) is not supported by this mock');
  if (keyConfigs.some((c) => c.Rename && !renamedName(c.Rename))) invalid('KeyConfig Rename must name a file, not only "/"');
  if (!config.CompressKey || config.Format !== 'zip') return undefined;
  return decodePassword(config.CompressKey) ?? invalid('CompressKey must be base64 of at most 128 characters');
}

function decodePassword(base64: string): Uint8Array | undefined {
  if (base64.length > 128 || base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) return undefined;
  const binary = atob(base64);
  return binary.length > 0 ? Uint8Array.from(binary, (c) => c.charCodeAt(0)) : undefined;
}
