/**
 * Bundled for the browser by browser.node.test.ts: runs compressFiles with the default (web)
 * backend and the memory store inside Chromium and hands the archive back as base64.
 */
import { makeContext, readObject } from '../uncompress/test-support.ts';
import type { FileCompressConfig } from '../types.ts';
import { compressFiles } from './compress-files.ts';

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Packs the files (key → base64) under `config`; returns the outcome, the archive and the progress calls. */
export async function compressInBrowser(files: Record<string, string>, config: FileCompressConfig): Promise<{ outcome: unknown; archive: string; progress: number[] }> {
  const ctx = makeContext();
  for (const [key, content] of Object.entries(files)) await ctx.store.put(ctx.bucket, key, fromBase64(content));
  const outcome = await compressFiles(ctx, config, { Region: ctx.region, Bucket: ctx.bucket, Object: 'out/archive' });
  const archive = await readObject(ctx, 'out/archive');
  return { outcome, archive: archive ? toBase64(archive) : '', progress: ctx.progress };
}

(globalThis as unknown as { compressInBrowser: typeof compressInBrowser }).compressInBrowser = compressInBrowser;
