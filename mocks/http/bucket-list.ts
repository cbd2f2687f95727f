/** COS GET Bucket (`listObjects`): prefix, marker, max-keys, delimiter; keys in UTF-8 byte order. */
import { cosCiCodec } from '../../protocol/codec.ts';
import { xmlResponse } from './respond.ts';
import type { Handler } from './types.ts';

/** `listObjects`: one `ListBucketResult` page; continue with `marker=NextMarker`. */
export const listObjects: Handler = async (ctx) => {
  const p = ctx.services.params.cosCi('listObjects', { query: ctx.url.searchParams });
  const text = (name: string): string | undefined => (typeof p[name] === 'string' && p[name] !== '' ? (p[name] as string) : undefined);
  const prefix = text('prefix');
  const marker = text('marker');
  const delimiter = text('delimiter');
  const maxKeys = typeof p['max-keys'] === 'number' ? p['max-keys'] : 1000;
  const page = await ctx.services.store.list(ctx.host.bucket, {
    ...(prefix !== undefined && { prefix }), ...(marker !== undefined && { marker }), ...(delimiter !== undefined && { delimiter }), maxKeys,
  });
  const body = {
    Name: ctx.host.bucket,
    ...(prefix !== undefined && { Prefix: prefix }),
    ...(marker !== undefined && { Marker: marker }),
    MaxKeys: maxKeys,
    ...(delimiter !== undefined && { Delimiter: delimiter }),
    IsTruncated: page.isTruncated,
    ...(page.nextMarker !== undefined && { NextMarker: page.nextMarker }),
    ...(page.objects.length > 0 && {
      Contents: page.objects.map((o) => ({ Key: o.key, LastModified: new Date(o.lastModified).toISOString(), ETag: o.etag, Size: o.size, StorageClass: 'STANDARD' })),
    }),
    ...(page.commonPrefixes.length > 0 && { CommonPrefixes: page.commonPrefixes.map((Prefix) => ({ Prefix })) }),
  };
  return xmlResponse(ctx.meta, 200, cosCiCodec.encode(body, 'ListBucketResult'));
};
