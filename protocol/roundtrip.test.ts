/**
 * Property: for values generated from every root (request/response) schema of the document,
 * `decode(encode(x))` deep-equals `x`, and generated values are valid (so the generator and the
 * validator agree about the spec).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryFor } from './arbitrary.ts';
import { fcRuns, testCodec as codec, testValidator as validator } from './test-fixtures/harness.ts';

const roots = codec.model.names().filter((name) => codec.model.raw(name).xml !== undefined);

describe('decode(encode(x)) = x', () => {
  it('covers the request/response schemas', () => {
    expect(roots).toEqual(expect.arrayContaining(['SubmitJobRequest', 'SubmitJobResponse', 'Error']));
  });

  it.each(roots)('%s', (name) => {
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
