import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ajvResource } from './ajv-schema.ts';
import { cosCiDocument, jdcloudDocument } from './codec.ts';
import { testCodec as codec, testValidator as validator } from './test-fixtures/harness.ts';

const compress = (config: string, extra = '') =>
  `<Request><Tag>FileCompress</Tag><Operation><FileCompressConfig>${config}</FileCompressConfig>` +
  `<Output><Region>ap-chongqing</Region><Bucket>test-1234567890</Bucket><Object>out.zip</Object></Output></Operation>${extra}</Request>`;

const failure = (xml: string, schema = 'SubmitJobRequest') => {
  const result = validator.parseBody(xml, schema);
  if (result.ok) throw new Error(`expected a failure for ${xml}`);
  return result;
};

describe('parseBody', () => {
  it('accepts a valid body and returns the decoded value', () => {
    const result = validator.parseBody(compress('<Flatten>0</Flatten><Format>zip</Format><Key>a</Key>'), 'SubmitJobRequest');
    expect(result).toEqual({ ok: true, value: codec.decode(compress('<Flatten>0</Flatten><Format>zip</Format><Key>a</Key>'), 'SubmitJobRequest') });
  });

  it('reports malformed XML as MalformedXML without the [fileproc] prefix', () => {
    const result = failure(compress('<Flatten>0</Flatten><Format>zip</Format>', '<CallBackFormat>JSON<CallBackFormat>'));
    expect(result.code).toBe('MalformedXML');
    expect(result.message).toMatch(/^the XML is not well-formed/);
  });

  it.each([
    ['an enum', compress('<Flatten>0</Flatten><Format>rar</Format>'), 'Request.Operation.FileCompressConfig.Format', 'must be one of zip, tar, tar.gz'],
    ['maxItems', compress(`<Flatten>0</Flatten><Format>zip</Format>${'<Key>k</Key>'.repeat(1001)}`), 'Request.Operation.FileCompressConfig.Key', 'must have at most 1000 items'],
    ['an unknown Tag', '<Request><Tag>FileCopy</Tag></Request>', 'Request.Tag', 'must be one of FileCompress, FileUncompress, FileHashCode'],
    ['a missing Tag', '<Request><Input><Object>k</Object></Input></Request>', 'Request.Tag', 'is required'],
    ['an empty root', '<Request/>', 'Request.Tag', 'is required'],
    ['a missing Input.Object', '<Request><Tag>FileHashCode</Tag><Input><Bucket>x</Bucket></Input><Operation><FileHashCodeConfig><Type>MD5</Type></FileHashCodeConfig></Operation></Request>', 'Request.Input', 'is required'],
    ['a missing element inside a repeated container (1-based index)', compress('<Flatten>0</Flatten><Format>zip</Format><KeyConfig><Key>a</Key></KeyConfig><KeyConfig><Rename>b</Rename></KeyConfig>'), 'Request.Operation.FileCompressConfig.KeyConfig[2].Key', 'is required'],
    ['a boolean that is not true/false', compress('<Flatten>0</Flatten><Format>zip</Format><IgnoreError>yes</IgnoreError>'), 'Request.Operation.FileCompressConfig.IgnoreError', 'must be true or false'],
    ['maxLength', compress('<Flatten>0</Flatten><Format>zip</Format>').replace('</Output>', `</Output><UserData>${'x'.repeat(1025)}</UserData>`), 'Request.Operation.UserData', 'must be at most 1024 characters long'],
    ['a pattern', compress('<Flatten>0</Flatten><Format>zip</Format>', '<QueueId>q1</QueueId>'), 'Request.QueueId', 'must match the pattern ^p[0-9a-f]{32}$'],
    ['a container given as text', '<Request><Tag>FileHashCode</Tag><Input>k</Input><Operation><FileHashCodeConfig><Type>MD5</Type></FileHashCodeConfig></Operation></Request>', 'Request.Input', 'must be a container element'],
    ['text given as a container', compress('<Flatten>0</Flatten><Format><zip/></Format>'), 'Request.Operation.FileCompressConfig.Format', 'must be text, not elements'],
  ])('names the path and rule for %s', (_name, xml, path, rule) => {
    const result = failure(xml);
    expect(result).toEqual({ ok: false, code: 'InvalidArgument', path, message: `${path}: ${rule}` });
  });

  it('names integer conversion failures and ranges in responses', () => {
    const job = (progress: string) => `<Response><JobsDetail><Code>Success</Code><JobId>f93984788066911ed89ed352d4d9d2084</JobId><State>Running</State>` +
      `<Progress>${progress}</Progress><CreationTime>2022-07-18T15:16:43+0800</CreationTime><StartTime>-</StartTime><EndTime>-</EndTime><QueueId>p2911917386e148639319e13c285cc774</QueueId><Tag>FileHashCode</Tag>` +
      '<Input><BucketId>test-1234567890</BucketId><Object>k</Object><Region>ap-chongqing</Region></Input>' +
      '<Operation><FileHashCodeConfig><Type>MD5</Type></FileHashCodeConfig></Operation></JobsDetail></Response>';
    expect(validator.parseBody(job('50'), 'SubmitJobResponse').ok).toBe(true);
    expect(failure(job('fifty'), 'SubmitJobResponse').message).toBe('Response.JobsDetail.Progress: must be an integer');
    expect(failure(job('101'), 'SubmitJobResponse').message).toBe('Response.JobsDetail.Progress: must be <= 100');
  });
});

describe('validate', () => {
  it('never throws for bad values, whatever their shape', () => {
    for (const value of [null, 42, 'text', [], { Tag: 7 }, { Tag: 'FileCompress', Operation: [] }]) {
      const result = validator.validate(value, 'SubmitJobRequest');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message.startsWith(`${result.path}: `)).toBe(true);
    }
  });

  it('validates values built in code, reporting elements the schema forbids', () => {
    const error = { Code: 'NoSuchKey', Message: 'gone', RequestId: 'R1' };
    expect(validator.validate(error, 'Error')).toEqual({ ok: true, value: error });
    expect(validator.validate({ Code: 'NoSuchKey', RequestId: 'R1' }, 'Error')).toMatchObject({ ok: false, path: 'Error.Message', message: 'Error.Message: is required' });
    expect(validator.validate({ ...error, Color: 'red' }, 'Error')).toMatchObject({ ok: false, message: 'Error.Color: is not allowed here' });
  });

  it('throws (a programming error, not bad input) for an unknown schema name', () => {
    expect(() => validator.validate({}, 'NoSuchSchema')).toThrow(/\[fileproc\] unknown schema "NoSuchSchema"/);
  });
});

// The validators (and mocks/http/params.ts) skip Ajv's meta-schema check at run time to start fast;
// this is that check, on everything they compile.
describe.each([['cos-ci', cosCiDocument], ['jdcloud', jdcloudDocument]])('the %s schemas', (_name, document) => {
  const metaSchema = new Ajv2020({ discriminator: true });

  it('form a valid JSON Schema 2020-12 resource', () => {
    expect(metaSchema.validateSchema(ajvResource(document, 'https://fileproc.invalid/check.json'))).toBe(true);
    expect(metaSchema.errors).toBeNull();
  });

  it('declare valid parameter schemas', () => {
    type Parameter = { schema?: object };
    const bundled = document as { paths?: Record<string, Record<string, unknown>>; components?: { parameters?: Record<string, Parameter> } };
    // A path item holds its own `parameters` list and operations that may hold one each.
    const lists = Object.values(bundled.paths ?? {}).flatMap((item) => Object.values(item))
      .map((value) => (Array.isArray(value) ? value : ((value as { parameters?: Parameter[] }).parameters ?? [])) as Parameter[]);
    const schemas = [...Object.values(bundled.components?.parameters ?? {}), ...lists.flat()].flatMap((parameter) => (parameter.schema ? [parameter.schema] : []));
    expect(schemas.length).toBeGreaterThan(0);
    for (const schema of schemas) expect(metaSchema.validateSchema(schema), JSON.stringify(metaSchema.errors)).toBe(true);
  });
});
