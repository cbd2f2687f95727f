/** Property half of the store contract: random operation sequences against a naive model. */
import fc from 'fast-check';
import { md5 } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import type { StoreFactory } from './store-contract.ts';
import { chunked, expectedEntries, readAll, walkListing, type ModelObject } from './store-model.ts';

const BUCKETS = ['one-1250000000', 'two-1250000000'];
const params = (numRuns: number) => ({ seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, numRuns });

// A tiny alphabet makes keys collide, nest and straddle the UTF-16/UTF-8 order difference.
const keyArb = fc.array(fc.constantFrom('a', 'b', '/', 'é', '😀', '\uFFFD', '..', '.'), { minLength: 1, maxLength: 5 }).map((p) => p.join(''));
const contentArb = fc.uint8Array({ maxLength: 300 });
const cutsArb = fc.array(fc.nat({ max: 300 }), { maxLength: 3 });

type Op =
  | { kind: 'put'; bucket: string; key: string; content: Uint8Array; cuts: number[]; meta: string }
  | { kind: 'delete'; bucket: string; key: string }
  | { kind: 'meta'; bucket: string; key: string; value: string }
  | { kind: 'read'; bucket: string; key: string; start: number; length: number }
  | { kind: 'list'; bucket: string; prefix: string; delimiter: string | undefined; maxKeys: number };

const bucketArb = fc.constantFrom(...BUCKETS);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('put' as const), bucket: bucketArb, key: keyArb, content: contentArb, cuts: cutsArb, meta: fc.string({ maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), bucket: bucketArb, key: keyArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('meta' as const), bucket: bucketArb, key: keyArb, value: fc.nat().map((n) => n.toString(16)) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('read' as const), bucket: bucketArb, key: keyArb, start: fc.nat({ max: 320 }), length: fc.nat({ max: 320 }) }) },
  { weight: 2, arbitrary: fc.record({
    kind: fc.constant('list' as const), bucket: bucketArb, prefix: fc.constantFrom('', 'a', 'a/', 'é', '.'),
    delimiter: fc.constantFrom(undefined, '/', '..'), maxKeys: fc.integer({ min: 1, max: 4 }),
  }) },
);

/** Registers the model-based properties for one store implementation. */
export function describeStoreModel(name: string, create: StoreFactory, runs = 60): void {
  describe(`${name}: ObjectStore model property`, () => {
    it('agrees with a Map model over random put/delete/meta/read/list sequences', async () => {
      await fc.assert(fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 40, size: 'medium' }), async (ops) => {
        const { store, setNow, close } = await create();
        const model = new Map<string, Map<string, ModelObject>>(BUCKETS.map((b) => [b, new Map()]));
        try {
          for (const [step, op] of ops.entries()) {
            setNow(1000 + step);
            const objects = model.get(op.bucket)!;
            if (op.kind === 'put') {
              const meta = await store.put(op.bucket, op.key, chunked(op.content, op.cuts), { userMeta: { 'x-cos-meta-m': op.meta } });
              objects.set(op.key, { content: op.content, userMeta: { 'x-cos-meta-m': op.meta } });
              expect(meta).toMatchObject({ size: op.content.length, etag: `"${await md5(op.content)}"`, lastModified: 1000 + step });
            } else if (op.kind === 'delete') {
              expect(await store.delete(op.bucket, op.key)).toBe(objects.delete(op.key));
            } else if (op.kind === 'meta') {
              const updated = await store.updateUserMeta(op.bucket, op.key, { 'x-cos-meta-v': op.value });
              const expected = objects.get(op.key);
              if (expected) expected.userMeta['x-cos-meta-v'] = op.value;
              expect(updated?.userMeta).toEqual(expected?.userMeta);
            } else if (op.kind === 'read') {
              const range = { start: op.start, end: op.start + op.length - 1 };
              const expected = objects.get(op.key)?.content.slice(range.start, range.end + 1);
              expect(await readAll(store, op.bucket, op.key, range)).toEqual(expected);
            } else {
              const { entries, pages } = await walkListing(store, op.bucket, op);
              expect(entries).toEqual(expectedEntries(objects.keys(), op.prefix, op.delimiter));
              for (const page of pages) expect(page.objects.length + page.commonPrefixes.length).toBeLessThanOrEqual(op.maxKeys);
            }
          }
          for (const [bucket, objects] of model) {
            for (const delimiter of [undefined, '/', '..']) {
              const { entries } = await walkListing(store, bucket, { prefix: '', delimiter, maxKeys: 1 });
              expect(entries).toEqual(expectedEntries(objects.keys(), '', delimiter));
            }
            for (const [key, object] of objects) {
              expect((await store.head(bucket, key))?.userMeta).toEqual(object.userMeta);
              expect(await readAll(store, bucket, key)).toEqual(object.content);
            }
          }
        } finally {
          await close();
        }
      }), params(runs));
    });
  });
}
