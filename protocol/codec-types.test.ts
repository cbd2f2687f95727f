/**
 * The ready-made codecs are typed with the generated component types: decode returns the schema's
 * type (a discriminated union for `oneOf`), encode accepts only values of it. Checked by `tsc`
 * (npm run typecheck) and exercised at runtime.
 */
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { arbitraryOf } from './arbitrary.ts';
import { cosCiCodec, jdcloudCodec, type CosCiSchemas, type JdcloudSchemas } from './codec.ts';
import { cosCiValidator, parseBody } from './validate.ts';

describe('typed public API', () => {
  it('decode narrows by Tag and encode takes the generated types', () => {
    const request = cosCiCodec.decode('<Request><Tag>FileHashCode</Tag><Input><Object>k</Object></Input><Operation><FileHashCodeConfig><Type>MD5</Type></FileHashCodeConfig></Operation></Request>', 'SubmitJobRequest');
    expectTypeOf(request).toEqualTypeOf<CosCiSchemas['SubmitJobRequest']>();
    if (request.Tag !== 'FileHashCode') throw new Error('expected a FileHashCode request');
    expectTypeOf(request.Operation.FileHashCodeConfig.Type).toBeString();
    expect(request.Input.Object).toBe('k');
    const error: CosCiSchemas['Error'] = { Code: 'NoSuchJob', Message: 'gone', RequestId: 'R' };
    expect(cosCiCodec.encode(error, 'Error')).toBe('<Error><Code>NoSuchJob</Code><Message>gone</Message><RequestId>R</RequestId></Error>');
    // @ts-expect-error — a value of another schema is refused at compile time
    expect(() => cosCiCodec.encode(error, 'SubmitJobRequest')).toThrow(/\[fileproc\] cannot encode <Request>/);
  });

  it('arbitraryOf yields values of the generated type that encode and validate', () => {
    const requests = arbitraryOf(cosCiCodec, 'SubmitJobRequest');
    expectTypeOf(requests).toEqualTypeOf<fc.Arbitrary<CosCiSchemas['SubmitJobRequest']>>();
    for (const request of fc.sample(requests, { numRuns: 20, seed: 7 })) {
      expect(['FileCompress', 'FileUncompress', 'FileHashCode']).toContain(request.Tag);
      expect(cosCiValidator.parseBody(cosCiCodec.encode(request, 'SubmitJobRequest'), 'SubmitJobRequest')).toEqual({ ok: true, value: request });
    }
  });

  it('validators return typed values and JD Cloud has its own codec', () => {
    const result = parseBody('<Error><Code>A</Code><Message>B</Message><RequestId>R</RequestId></Error>', 'Error');
    expectTypeOf(cosCiValidator.parseBody).returns.toMatchTypeOf<{ ok: boolean }>();
    if (!result.ok) throw new Error(result.message);
    expectTypeOf(result.value).toEqualTypeOf<CosCiSchemas['Error']>();
    const compress = jdcloudCodec.decode('<CompressRequest><Component><Key>a.jpg</Key><Alias>b.jpg</Alias></Component></CompressRequest>', 'CompressRequest');
    expectTypeOf(compress).toEqualTypeOf<JdcloudSchemas['CompressRequest']>();
    expect(compress.Component).toEqual([{ Key: 'a.jpg', Alias: 'b.jpg' }]);
  });
});
