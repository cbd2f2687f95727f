/**
 * Path classification for the route table: a request path becomes a shape (`jobs/{ids}`, `object`,
 * `admin/clock`, …) plus its variable parts, without scanning routes. CI paths are recognised on
 * every host because the Python SDK sends CI calls with the COS `Host` in `Ip` mode
 * (sdk-wire-behaviour); objects named `jobs`, `file_jobs/…`, `file_queue…`, `file_bucket` or
 * `__fileproc/…` are therefore not addressable through the mock.
 */
import { decodePathLeniently } from '../../protocol/signing.ts';
import type { HostKind } from './host.ts';

/** Every path shape the mock serves. */
export type PathShape =
  | 'file_jobs' | 'file_jobs/{ids}' | 'jobs' | 'jobs/{ids}' | 'file_queue' | 'file_queue/{id}' | 'file_bucket'
  | 'bucket' | 'object'
  | 'admin/reset' | 'admin/state' | 'admin/objects/{key}' | 'admin/clock' | 'admin/clock/advance'
  | 'admin/jobs/{id}/script' | 'admin/timing' | 'admin/faults' | 'admin/callbacks' | 'admin/tdmq/{topic}' | 'admin/http-script';

/** A classified path: its shape and the decoded variable part (ids, queue id, key, topic). */
export interface ClassifiedPath { shape: PathShape; variable: string }

/** The path prefix of the admin API. */
export const ADMIN_PREFIX = '/__fileproc/';

const CI_ROOTS = new Map<string, [PathShape, PathShape | undefined]>([
  ['file_jobs', ['file_jobs', 'file_jobs/{ids}']],
  ['jobs', ['jobs', 'jobs/{ids}']],
  ['file_queue', ['file_queue', 'file_queue/{id}']],
  ['file_bucket', ['file_bucket', undefined]],
]);

const ADMIN_FIXED = new Map<string, PathShape>([
  ['reset', 'admin/reset'], ['state', 'admin/state'], ['clock', 'admin/clock'], ['clock/advance', 'admin/clock/advance'],
  ['timing', 'admin/timing'], ['faults', 'admin/faults'], ['callbacks', 'admin/callbacks'], ['http-script', 'admin/http-script'],
]);

function decodeSegment(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function classifyAdmin(rest: string): ClassifiedPath | undefined {
  const fixed = ADMIN_FIXED.get(rest.replace(/\/$/, ''));
  if (fixed) return { shape: fixed, variable: '' };
  if (rest.startsWith('objects/') && rest.length > 'objects/'.length) {
    return { shape: 'admin/objects/{key}', variable: decodePathLeniently(rest.slice('objects/'.length)) };
  }
  if (rest.startsWith('tdmq/') && rest.length > 'tdmq/'.length) return { shape: 'admin/tdmq/{topic}', variable: decodeSegment(rest.slice(5)) };
  const script = /^jobs\/([^/]+)\/script$/.exec(rest);
  return script ? { shape: 'admin/jobs/{id}/script', variable: decodeSegment(script[1] as string) } : undefined;
}

/** Classifies a raw (percent-encoded) path; undefined means no route can match (404). */
export function classifyPath(rawPath: string, hostKind: HostKind): ClassifiedPath | undefined {
  if (rawPath.startsWith(ADMIN_PREFIX)) return classifyAdmin(rawPath.slice(ADMIN_PREFIX.length));
  // `/root` or `/root/variable`, read with indexOf: no array per request.
  const second = rawPath.indexOf('/', 1);
  const root = CI_ROOTS.get(second === -1 ? rawPath.slice(1) : rawPath.slice(1, second));
  if (root) {
    if (second === -1) return { shape: root[0], variable: '' };
    const rest = rawPath.slice(second + 1);
    if (root[1] && rest !== '' && !rest.includes('/')) return { shape: root[1], variable: decodeSegment(rest) };
    return undefined;
  }
  // The CI hosts hold no objects (§1.1).
  if (hostKind === 'ci' || hostKind === 'ci-service') return undefined;
  if (rawPath === '/' || rawPath === '') return { shape: 'bucket', variable: '' };
  return { shape: 'object', variable: decodePathLeniently(rawPath).slice(1) };
}
