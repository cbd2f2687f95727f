import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReplyHeaders, utf8Length } from './exchange.ts';

const params = { seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, numRuns: 200 };
const bytesOf = (text: string) => new TextEncoder().encode(text).byteLength;

describe('utf8Length', () => {
  it('equals the encoded length, lone surrogates included', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom('\uD800', '\uDC00'), fc.string({ unit: 'binary' }))).map((parts) => parts.join('')), (text) => {
      expect(utf8Length(text)).toBe(bytesOf(text));
    }), params);
  });

  it('counts strings too long for its scratch buffer the same way', () => {
    for (const text of ['a'.repeat(30_000), 'é'.repeat(25_000), `😀${'x'.repeat(40_000)}\uD800`]) expect(utf8Length(text)).toBe(bytesOf(text));
  });
});

describe('ReplyHeaders', () => {
  it('is case-insensitive, keeps the spelling it was given, and appends list values', () => {
    const headers = new ReplyHeaders({ ETag: '"a"' });
    headers.set('Content-Length', '1');
    headers.set('content-length', '2');
    headers.append('Vary', 'Origin');
    headers.append('vary', 'Accept');
    expect(headers.get('etag')).toBe('"a"');
    expect([...headers.entries()]).toEqual([['ETag', '"a"'], ['content-length', '2'], ['Vary', 'Origin, Accept']]);
    headers.delete('ETAG');
    expect(headers.get('ETag')).toBeNull();
  });
});
