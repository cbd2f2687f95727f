/** Small fixed source sets for the FileCompress source and naming rules (reference §2.2). */
import type { RuleContext } from '../rule.ts';
import { toHex } from '../archives/read.ts';
import type { TreeFile } from '../arbitraries/file-tree.ts';
import { uploadTree } from './processing.ts';

const encoder = new TextEncoder();

/** A file whose bytes name it, so a swapped member shows in the report. */
export const file = (path: string, body = `content of ${path}\n`): TreeFile => ({ path, data: encoder.encode(body) });

/** Uploads `files` under `${ctx.prefix}${base}` and returns `{ key, name, hex }` per file. */
export async function uploadFiles(ctx: RuleContext, base: string, files: readonly TreeFile[]): Promise<Array<{ key: string; path: string; hex: string }>> {
  const keys = await uploadTree(ctx, base, files);
  return files.map((entry, index) => ({ key: keys[index] as string, path: entry.path, hex: toHex(entry.data) }));
}

/** Base64 of a UTF-8 string (CompressKey / UnCompressKey are base64 passwords, §2.2, §2.3). */
export function base64(text: string): string {
  let binary = '';
  for (const byte of encoder.encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
