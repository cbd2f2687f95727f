/**
 * Property: for values generated from every root (request/response) schema of both bundled
 * documents, `decode(encode(x))` deep-equals `x`, and generated values are valid (so the
 * generator, the codec and the validator agree about the spec).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryFor } from './arbitrary.ts';
import { fcRuns, jdCodec, jdValidator, testCodec, testValidator } from './test-fixtures/harness.ts';

const apis = [
  { api: 'cos-ci', codec: testCodec, validator: testValidator },
  { api: 'jdcloud', codec: jdCodec, validator: jdValidator },
];
const cases = apis.flatMap(({ api, codec, validator }) =>
  codec.model.names().filter((name) => codec.model.raw(name).xml !== undefined).map((name) => ({ label: `${api} ${name}`, name, codec, validator })),
);

describe('decode(encode(x)) = x', () => {
  it('covers the request/response schemas of both documents', () => {
    expect(cases.map((c) => c.label)).toEqual(expect.arrayContaining([
      'cos-ci SubmitJobRequest', 'cos-ci SubmitJobResponse', 'cos-ci DescribeJobsResponse', 'cos-ci ListJobsResponse', 'cos-ci TaskFinishCallback',
      'cos-ci Error', 'cos-ci ZipPreviewResponse', 'cos-ci FileHashResponse', 'cos-ci ListBucketResult', 'cos-ci UpdateQueueRequest', 'jdcloud CompressRequest',
    ]));
  });

  it.each(cases)('$label', ({ name, codec, validator }) => {
    fc.assert(
      fc.property(arbitraryFor(codec.model, name), (value) => {
        const xml = codec.encode(value as never, name);
        expect(codec.decode(xml, name)).toStrictEqual(value);
        const checked = validator.validate(value, name);
        expect(checked.ok ? 'valid' : checked.message).toBe('valid');
      }),
      fcRuns(200),
    );
  });
});
