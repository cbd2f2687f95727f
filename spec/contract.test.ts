import { describe, expect, it } from 'vitest';
import { loadBundle, resolveRef, type Bundle } from './examples/bundle-walk.ts';

const cos = loadBundle('cos-ci');
const jd = loadBundle('jdcloud');
type Schema = Record<string, unknown>;
const schemaOf = (bundle: Bundle, name: string): Schema => bundle.components.schemas?.[name] as Schema;

/** Every schema object nested anywhere in a value, with its JSON-pointer-ish location. */
function* schemasIn(value: unknown, where: string): Generator<[string, Schema]> {
  if (typeof value !== 'object' || value === null) return;
  if (!Array.isArray(value)) yield [where, value as Schema];
  for (const [key, child] of Object.entries(value)) yield* schemasIn(child, `${where}/${key}`);
}

/** A component schema with `allOf` members merged (the codec's reading of the conventions). */
function merged(bundle: Bundle, schema: Schema): Schema {
  const parts = ((schema.allOf as Schema[] | undefined) ?? []).map((part) => merged(bundle, resolveRef(part, bundle) as Schema));
  const properties = Object.assign({}, ...parts.map((p) => p.properties), schema.properties) as Record<string, Schema>;
  return { ...schema, properties };
}

const property = (bundle: Bundle, schema: string, ...path: string[]): Schema => {
  let node = merged(bundle, schemaOf(bundle, schema));
  for (const name of path) {
    const next = (node.properties as Record<string, Schema>)[name] as Schema;
    node = merged(bundle, (resolveRef(next, bundle) ?? next) as Schema);
    if (node.type === 'array') node = merged(bundle, resolveRef(node.items, bundle) as Schema);
  }
  return node;
};

describe('XML schema conventions (spec/README.md)', () => {
  it('defines every component schema name the codec and the mock refer to', () => {
    const names = ['SubmitJobRequest', 'FileCompressJobRequest', 'FileUncompressJobRequest', 'FileHashCodeJobRequest',
      'SubmitJobResponse', 'DescribeJobsResponse', 'ListJobsResponse', 'JobsDetail', 'FileCompressJobsDetail',
      'FileUncompressJobsDetail', 'FileHashCodeJobsDetail', 'FileCompressConfig', 'FileUncompressConfig',
      'FileHashCodeConfig', 'FileCompressResult', 'FileUncompressResult', 'FileHashCodeResult', 'TaskFinishCallback',
      'TaskFinishCallbackJson', 'ListQueuesResponse', 'UpdateQueueRequest', 'UpdateQueueResponse', 'Queue', 'NotifyConfig',
      'CreateFileBucketResponse', 'ListFileBucketsResponse', 'FileHashResponse', 'ZipPreviewResponse', 'ListBucketResult', 'Error'];
    expect(Object.keys(cos.components.schemas ?? {})).toEqual(expect.arrayContaining(names));
    expect(Object.keys(jd.components.schemas ?? {})).toEqual(expect.arrayContaining(['CompressRequest', 'JdCompressSuccessEvent', 'JdCompressFailureEvent', 'Error']));
  });

  it('composes only with $ref, allOf and Tag-discriminated oneOf, and never wraps arrays', () => {
    for (const bundle of [cos, jd]) {
      for (const [where, schema] of schemasIn(bundle.components.schemas, '#/components/schemas')) {
        for (const banned of ['anyOf', 'not', 'if', 'then', 'else', 'patternProperties', 'dependentSchemas', 'unevaluatedProperties']) {
          expect(Object.keys(schema), where).not.toContain(banned);
        }
        if (schema.oneOf) expect((schema.discriminator as Schema | undefined)?.propertyName, where).toBe('Tag');
        expect((schema.xml as Schema | undefined)?.wrapped ?? false, where).toBe(false);
      }
    }
  });

  it('maps every discriminator value to the branch whose Tag enum is exactly that value', () => {
    for (const name of ['SubmitJobRequest', 'JobsDetail']) {
      const { mapping } = schemaOf(cos, name).discriminator as { mapping: Record<string, string> };
      expect(Object.keys(mapping)).toEqual(['FileCompress', 'FileUncompress', 'FileHashCode']);
      for (const [tag, ref] of Object.entries(mapping)) {
        const branch = merged(cos, resolveRef({ $ref: ref }, cos) as Schema);
        expect((branch.properties as Record<string, Schema>).Tag?.enum, `${name} → ${tag}`).toEqual([tag]);
      }
    }
  });

  it('gives every XML body schema a documented root element name', () => {
    const roots = ['Request', 'Response', 'Error', 'ListBucketResult', 'CompressRequest'];
    for (const bundle of [cos, jd]) {
      for (const [where, media] of schemasIn(bundle, '#')) {
        if (!/\/(application|text)\/xml$/.test(where) || !media.schema) continue;
        const schema = media.schema as Schema;
        const options = (schema.oneOf as Schema[] | undefined) ?? [schema];
        for (const option of options) {
          const target = resolveRef(option, bundle) as Schema;
          expect(roots, where).toContain((target.xml as Schema | undefined)?.name);
        }
      }
    }
  });
});

describe('limits from the reference', () => {
  it('bounds ids, times, UserData and passwords as §2.2, §3.1 and §3.3 say', () => {
    expect(property(cos, 'FileCompressJobsDetail', 'JobId').pattern).toBe('^f[0-9a-f]{32}$');
    expect(property(cos, 'Queue', 'QueueId').pattern).toBe('^p[0-9a-f]{32}$');
    expect(property(cos, 'FileCompressJobsDetail', 'CreationTime').pattern).toBe('^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{4}$');
    expect(property(cos, 'FileCompressJobsDetail', 'EndTime').pattern).toBe('^(-|\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{4})$');
    const userData = property(cos, 'FileCompressJobRequest', 'Operation', 'UserData');
    expect([userData.maxLength, userData.pattern]).toEqual([1024, '^[\\x20-\\x7E]*$']);
    expect(property(cos, 'FileCompressConfig', 'CompressKey').maxLength).toBe(128);
    expect(property(cos, 'FileCompressJobsDetail', 'Progress')).toMatchObject({ type: 'integer', minimum: 0, maximum: 100 });
  });

  it('caps repeated elements: 1000 keys, 10 described jobs, 100 listed jobs', () => {
    const maxItems = (schema: string, ...path: string[]) => {
      const parent = property(cos, schema, ...path.slice(0, -1));
      return ((parent.properties as Record<string, Schema>)[path.at(-1) ?? ''] as Schema).maxItems;
    };
    expect(maxItems('FileCompressConfig', 'Key')).toBe(1000);
    expect(maxItems('FileCompressConfig', 'KeyConfig')).toBe(1000);
    expect(maxItems('FileUncompressConfig', 'DownloadConfig', 'Key')).toBe(1000);
    expect(maxItems('DescribeJobsResponse', 'JobsDetail')).toBe(10);
    expect(maxItems('DescribeJobsResponse', 'NonExistJobIds')).toBe(10);
    expect(maxItems('ListJobsResponse', 'JobsDetail')).toBe(100);
    const size = (cos.components.parameters?.ListSize as { schema: Schema }).schema;
    expect(size).toMatchObject({ type: 'integer', maximum: 100, default: 10 });
  });
});
