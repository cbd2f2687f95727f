import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryFor } from './arbitrary.ts';
import { fromCallbackJson, toCallbackJson } from './callback-json.ts';
import { fcRuns, testCodec as codec } from './test-fixtures/harness.ts';

// §8 F13 (derived file-job callback), decoded from XML as the callback code will hold it.
const f13 = '<Response><EventName>TaskFinish</EventName><JobsDetail><Code>Success</Code><Message/><JobId>f93984788066911ed89ed352d4d9d2084</JobId>' +
  '<State>Success</State><Progress>100</Progress><CreationTime>2022-07-18T15:16:43+0800</CreationTime><StartTime>2022-07-18T15:16:44+0800</StartTime>' +
  '<EndTime>2022-07-18T15:16:46+0800</EndTime><QueueId>p2911917386e148639319e13c285cc774</QueueId><Tag>FileUncompress</Tag><Input><BucketId>test-1234567890</BucketId>' +
  '<Object>input/test.zip</Object><Region>ap-chongqing</Region></Input><Operation><FileUncompressConfig><Prefix>output/</Prefix><PrefixReplaced>1</PrefixReplaced>' +
  '<ListingFile>true</ListingFile></FileUncompressConfig><Output><Region>ap-chongqing</Region><Bucket>test-1234567890</Bucket></Output><FileUncompressResult>' +
  '<Region>ap-chongqing</Region><Bucket>test-1234567890</Bucket><FileCount>1</FileCount><FileList><Contents><Key>a.jpg</Key><FileSize>46743</FileSize></Contents>' +
  '<IsTruncated>false</IsTruncated></FileList></FileUncompressResult><UserData>This is my data.</UserData></Operation></JobsDetail></Response>';

describe('toCallbackJson (reference §4.3)', () => {
  it('renders every leaf as a string, repeated elements as arrays, no root wrapper, empty omitted', () => {
    const value = codec.decode(f13, 'TaskFinishCallback') as Record<string, unknown>;
    const json = toCallbackJson(codec.model, { ...value, JobsDetail: { ...(value.JobsDetail as object), Message: '' } }, 'TaskFinishCallback');
    expect(json).toEqual({
      EventName: 'TaskFinish',
      JobsDetail: {
        Code: 'Success', JobId: 'f93984788066911ed89ed352d4d9d2084', State: 'Success', Progress: '100', CreationTime: '2022-07-18T15:16:43+0800',
        StartTime: '2022-07-18T15:16:44+0800', EndTime: '2022-07-18T15:16:46+0800', QueueId: 'p2911917386e148639319e13c285cc774', Tag: 'FileUncompress',
        Input: { BucketId: 'test-1234567890', Object: 'input/test.zip', Region: 'ap-chongqing' },
        Operation: {
          FileUncompressConfig: { Prefix: 'output/', PrefixReplaced: '1', ListingFile: 'true' },
          Output: { Region: 'ap-chongqing', Bucket: 'test-1234567890' },
          FileUncompressResult: { Region: 'ap-chongqing', Bucket: 'test-1234567890', FileCount: '1', FileList: { Contents: [{ Key: 'a.jpg', FileSize: '46743' }], IsTruncated: 'false' } },
          UserData: 'This is my data.',
        },
      },
    });
    expect(json).not.toHaveProperty('JobsDetail.Message');
  });

  it('follows schema order, drops properties the schema does not know and empty containers', () => {
    const json = toCallbackJson(codec.model, { Message: 'm', Extra: 'x', Code: 'C', Resource: '' }, 'Error');
    expect(Object.keys(json)).toEqual(['Code', 'Message']);
  });

  it('round-trips through fromCallbackJson for generated callbacks', () => {
    fc.assert(
      fc.property(arbitraryFor(codec.model, 'TaskFinishCallback'), (value) => {
        const json = JSON.parse(JSON.stringify(toCallbackJson(codec.model, value, 'TaskFinishCallback'))) as unknown;
        expect(fromCallbackJson(codec.model, json, 'TaskFinishCallback')).toStrictEqual(value);
      }),
      fcRuns(200),
    );
  });

  it('fromCallbackJson keeps strings that do not convert, for validation to name', () => {
    expect(fromCallbackJson(codec.model, { JobsDetail: { Tag: 'FileHashCode', Progress: 'x', Operation: { FileHashCodeConfig: { AddToHeader: 'maybe' } } } }, 'SubmitJobResponse')).toEqual({
      JobsDetail: { Tag: 'FileHashCode', Progress: 'x', Operation: { FileHashCodeConfig: { AddToHeader: 'maybe' } } },
    });
  });
});
