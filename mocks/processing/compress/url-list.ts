/**
 * The FileCompress `UrlList` index (reference §2.2): a CSV object in the job's bucket, one URL per
 * line, the first column if several, only this bucket's objects.
 */

import { CompressAbort } from './failure.ts';

const MAX_LINE_LENGTH = 64 * 1024;

/** A line's outcome: the object key it names, or why it was rejected. */
export type UrlLineResult = { key: string } | { error: string };

/** The first CSV column of a line (RFC 4180 quoting), trimmed. */
export function firstColumn(line: string): string {
  const text = line.trim();
  if (!text.startsWith('"')) return (text.split(',', 1)[0] ?? '').trim();
  let value = '';
  for (let i = 1; i < text.length; i++) {
    const char = text[i] as string;
    if (char !== '"') value += char;
    else if (text[i + 1] === '"') value += text[++i];
    else break;
  }
  return value.trim();
}

/**
 * Maps one index line to a key of `bucket`: `http(s)://<bucket>.cos.<region>.myqcloud.com/<key>`
 * (path percent-decoded, no dot-segment normalisation) or a bare `/<key>` (taken literally).
 */
export function keyFromUrlLine(line: string, bucket: string, region: string): UrlLineResult {
  const value = firstColumn(line);
  if (value.startsWith('/')) return value.length > 1 ? { key: value.slice(1) } : { error: `"${value}" names no object` };
  const match = /^https?:\/\/([^/?#]+)(\/[^?#]*)?/i.exec(value);
  if (!match) return { error: `"${value}" is neither a URL nor a /key path` };
  const host = (match[1] ?? '').toLowerCase();
  if (host !== `${bucket}.cos.${region}.myqcloud.com`.toLowerCase()) return { error: `"${value}" is not an object of bucket ${bucket} in ${region}` };
  const path = (match[2] ?? '/').slice(1);
  if (!path) return { error: `"${value}" names no object` };
  try {
    return { key: decodeURIComponent(path) };
  } catch {
    return { error: `"${value}" has a malformed percent-encoding` };
  }
}

/** Splits a byte stream into text lines (UTF-8, BOM dropped, CRLF or LF), without holding the whole file. */
export async function* textLines(body: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
  let rest = '';
  for await (const chunk of body) {
    rest += decoder.decode(chunk, { stream: true });
    const lines = rest.split(/\r?\n/);
    rest = lines.pop() ?? '';
    if (rest.length > MAX_LINE_LENGTH) throw new CompressAbort('InvalidArgument', `UrlList has a line longer than ${MAX_LINE_LENGTH} characters; give one URL per line`);
    yield* lines;
  }
  rest += decoder.decode();
  if (rest) yield rest;
}
