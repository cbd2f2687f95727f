import { describe, expect, it } from 'vitest';
import { createClient } from '../protocol/client.ts';
import { cleanupRegistry, sweepPrefix } from './cleanup.ts';

/** A fake COS bucket: GET / lists 2 keys per page (marker paging), DELETE removes. */
function fakeBucket(keys: string[]) {
  const stored = new Set(keys);
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    if (request.method === 'DELETE') {
      stored.delete(decodeURIComponent(url.pathname.slice(1)));
      return new Response(null, { status: 204 });
    }
    const prefix = url.searchParams.get('prefix') ?? '';
    const marker = url.searchParams.get('marker') ?? '';
    const matching = [...stored].sort().filter((key) => key.startsWith(prefix) && key > marker);
    const page = matching.slice(0, 2);
    const contents = page.map((key) => `<Contents><Key>${key}</Key><LastModified>2026-01-01T00:00:00.000Z</LastModified><ETag>"x"</ETag><Size>1</Size></Contents>`).join('');
    const truncated = matching.length > 2;
    return new Response(`<ListBucketResult><Name>b-1250000000</Name><IsTruncated>${truncated}</IsTruncated>${truncated ? `<NextMarker>${page.at(-1)}</NextMarker>` : ''}${contents}</ListBucketResult>`,
      { headers: { 'content-type': 'application/xml' } });
  };
  return { stored, client: createClient({ endpoint: 'http://cos.invalid', bucket: 'b-1250000000', region: 'ap-guangzhou', fetch }) };
}

describe('cleanup', () => {
  it('sweepPrefix deletes every object under the prefix across pages, and nothing else', async () => {
    const { stored, client } = fakeBucket(['fpc-1/a/1', 'fpc-1/a/2', 'fpc-1/a/3', 'fpc-1/a/sub/4', 'fpc-1/b/1', 'other']);
    expect(await sweepPrefix(client, 'fpc-1/a/')).toBe(4);
    expect([...stored].sort()).toEqual(['fpc-1/b/1', 'other']);
  });

  it('the registry undoes in reverse order, each key once, and reports step failures without throwing', async () => {
    const { stored, client } = fakeBucket(['k1', 'k2']);
    const registry = cleanupRegistry(client);
    const order: string[] = [];
    registry.add(async () => order.push('first'));
    registry.object('k1');
    registry.object('k1');
    registry.add(async () => {
      throw new Error('resume failed');
    });
    expect(await registry.run()).toEqual(['resume failed']);
    expect(order).toEqual(['first']);
    expect([...stored]).toEqual(['k2']);
  });
});
