/**
 * COS object operations the jobs need (`spec/cos-ci` `/{Key}`, `GET /`), the synchronous CI
 * processes on objects (reference §2.12 filehash, §2.13 zippreview) and JD Compress Object (§7).
 */
import { jdcloudCodec } from '../codec.ts';
import { queryPairs } from './jobs.ts';
import type { Send } from './send.ts';
import type { Ci, Exchange, Jd } from './types.ts';

/** Query of `GET /` (listObjects). */
export interface ListObjectsQuery { prefix?: string; marker?: string; 'max-keys'?: number | string; delimiter?: string }

/** Headers of JD Compress Object (reference §7.1); names as on the wire. */
export interface JdCompressHeaders {
  'x-amz-notification-endpoint'?: string;
  'x-amz-compress-type'?: string;
  'Content-MD5'?: string;
  'Cache-Control'?: string;
  'Content-Disposition'?: string;
  Expires?: string;
}

const keyPath = (key: string) => `/${key}`;

/** The object, sync-process and JD operations bound to a `send`. */
export function objectOperations(send: Send) {
  return {
    /** putObject: `PUT /{Key}`; `headers` may carry `Content-Type`, `x-cos-meta-*`, `Content-MD5`. */
    putObject(key: string, body: string | Uint8Array, headers: Record<string, string> = {}) {
      return send({ side: 'cos', method: 'PUT', path: keyPath(key), headers, body }) as Promise<Exchange>;
    },
    /** getObject: `GET /{Key}`, optionally with `Range: bytes=a-b` (→ 206 / 416). */
    getObject(key: string, options: { range?: string } = {}) {
      const headers: Record<string, string> = options.range === undefined ? {} : { range: options.range };
      return send({ side: 'cos', method: 'GET', path: keyPath(key), headers }) as Promise<Exchange>;
    },
    /** headObject: `HEAD /{Key}` (metadata headers incl. AddToHeader `x-cos-meta-*`). */
    headObject(key: string) {
      return send({ side: 'cos', method: 'HEAD', path: keyPath(key) }) as Promise<Exchange>;
    },
    /** deleteObject: `DELETE /{Key}` → 204. */
    deleteObject(key: string) {
      return send({ side: 'cos', method: 'DELETE', path: keyPath(key) }) as Promise<Exchange>;
    },
    /** listObjects: `GET /` (GET Bucket). */
    listObjects(query: ListObjectsQuery = {}) {
      return send({ side: 'cos', method: 'GET', path: '/', query: queryPairs(query), schema: 'ListBucketResult' }) as Promise<Exchange<Ci['ListBucketResult']>>;
    },
    /** Synchronous hash: `GET /{Key}?ci-process=filehash&type=…` (reference §2.12). */
    syncFileHash(key: string, type: 'md5' | 'sha1' | 'sha256' | string, options: { addToHeader?: boolean } = {}) {
      const query: Array<[string, string]> = [['ci-process', 'filehash'], ['type', type]];
      if (options.addToHeader !== undefined) query.push(['addtoheader', String(options.addToHeader)]);
      return send({ side: 'cos', method: 'GET', path: keyPath(key), query, schema: 'FileHashResponse' }) as Promise<Exchange<Ci['FileHashResponse']>>;
    },
    /** Zip preview: `GET /{Key}?ci-process=zippreview` (reference §2.13, §9.18). */
    zipPreview(key: string, options: { uncompressKey?: string } = {}) {
      const query: Array<[string, string]> = [['ci-process', 'zippreview']];
      if (options.uncompressKey !== undefined) query.push(['uncompress-key', options.uncompressKey]);
      return send({ side: 'cos', method: 'GET', path: keyPath(key), query, schema: 'ZipPreviewResponse' }) as Promise<Exchange<Ci['ZipPreviewResponse']>>;
    },
    /** JD Compress Object: `POST /{Key}?compress` with a `CompressRequest` body → 200 empty (reference §7.1, §9.30). */
    jdCompress(key: string, body: Jd['CompressRequest'] | string, headers: JdCompressHeaders = {}) {
      const text = typeof body === 'string' ? body : jdcloudCodec.encode(body, 'CompressRequest');
      const wire: Record<string, string> = { 'content-type': 'text/xml' };
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) wire[name.toLowerCase()] = value;
      return send({ side: 'jd', method: 'POST', path: keyPath(key), query: [['compress', null]], headers: wire, body: text }) as Promise<Exchange>;
    },
  };
}
