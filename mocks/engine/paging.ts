/** Paging helpers: page-number paging (queues, buckets) and the opaque job-list token (§2.7). */
import { invalidArgument } from './errors.ts';

/** Page-number paging parameters (§2.9, §2.11); undefined means the default. */
export interface PageQuery { pageNumber?: number; pageSize?: number }

/** One page of a page-numbered listing. */
export interface NumberedPage<T> { TotalCount: number; PageNumber: number; PageSize: number; items: T[] }

function positiveInt(name: string, value: number | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw invalidArgument(`${name} must be an integer from 1 to ${max}, got ${value}`);
  }
  return value;
}

/** Cuts page `pageNumber` (default 1) of `pageSize` (default 10, at most 100) out of `items`. */
export function pageOf<T>(items: readonly T[], query: PageQuery): NumberedPage<T> {
  const PageNumber = positiveInt('pageNumber', query.pageNumber, 1, Number.MAX_SAFE_INTEGER);
  const PageSize = positiveInt('pageSize', query.pageSize, 10, 100);
  const start = (PageNumber - 1) * PageSize;
  return { TotalCount: items.length, PageNumber, PageSize, items: items.slice(start, start + PageSize) };
}

/** A position in the job listing order: creation time, then submission order. */
export interface ListPosition { creationTime: number; seq: number }

const TOKEN_PREFIX = 'fpk1.';

/** Encodes a position as an opaque `NextToken`. */
export function encodeToken(position: ListPosition): string {
  return TOKEN_PREFIX + btoa(`${position.creationTime}:${position.seq}`).replace(/=+$/, '');
}

/** Decodes a `NextToken`; anything this engine did not issue is 400 InvalidArgument. */
export function decodeToken(token: string): ListPosition {
  const bad = (): never => {
    throw invalidArgument(`nextToken "${token}" was not issued by this server; pass the NextToken of the previous page`);
  };
  if (!token.startsWith(TOKEN_PREFIX)) return bad();
  let text: string;
  try {
    text = atob(token.slice(TOKEN_PREFIX.length));
  } catch {
    return bad();
  }
  const match = /^(-?\d+):(\d+)$/.exec(text);
  if (!match) return bad();
  return { creationTime: Number(match[1]), seq: Number(match[2]) };
}

/** Orders positions ascending. */
export function comparePositions(a: ListPosition, b: ListPosition): number {
  return a.creationTime - b.creationTime || a.seq - b.seq;
}
