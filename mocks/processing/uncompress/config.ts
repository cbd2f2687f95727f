import type { FileUncompressConfig } from '../types.ts';
import { UncompressError } from './errors.ts';

/** Decodes `UnCompressKey` / `uncompress-key` (base64, §2.3/§2.13) into the password string. */
export function decodeKey(key: string | undefined): string | undefined {
  if (key === undefined || key === '') return undefined;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(key) || key.length % 4 === 1) {
    throw new UncompressError('InvalidArgument', 'UnCompressKey must be the base64 encoding of the password');
  }
  const binary = atob(key);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** Rejects enum values the spec does not define (PrefixReplaced 0/1/2, Mode 0/1). */
export function checkEnums(config: FileUncompressConfig): void {
  if (config.PrefixReplaced !== undefined && !['0', '1', '2'].includes(config.PrefixReplaced)) {
    throw new UncompressError('InvalidArgument', `PrefixReplaced must be 0, 1 or 2, not ${JSON.stringify(config.PrefixReplaced)}`);
  }
  if (config.Mode !== undefined && !['0', '1'].includes(config.Mode)) {
    throw new UncompressError('InvalidArgument', `Mode must be 0 or 1, not ${JSON.stringify(config.Mode)}`);
  }
}

/** Mode=1 + DownloadConfig (§2.3): which member paths to extract; everything for Mode=0. */
export function memberSelector(config: FileUncompressConfig): (path: string) => boolean {
  if (config.Mode !== '1') return () => true;
  const download = config.DownloadConfig;
  const keys = (download?.Key ?? []).map((k) => k.replace(/^\/+/, ''));
  const prefix = download?.Prefix?.replace(/^\/+/, '');
  if (!download || (keys.length === 0 && !prefix)) {
    throw new UncompressError('InvalidArgument', 'Mode=1 needs DownloadConfig with a Prefix or at least one Key');
  }
  if (keys.length > 1000) throw new UncompressError('InvalidArgument', `DownloadConfig lists ${keys.length} keys; at most 1000 are allowed`);
  const wanted = new Set(keys);
  return (path) => wanted.has(path) || (prefix !== undefined && prefix !== '' && path.startsWith(prefix));
}
