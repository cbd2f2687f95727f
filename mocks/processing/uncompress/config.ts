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
