import { describe, expect, it } from 'vitest';
import { MalformedXmlError, XML_DECLARATION } from './codec.ts';
import { testCodec as codec } from './test-fixtures/harness.ts';

const compressBody = (inner = '<Key>a.txt</Key>') =>
  `<Request><Tag>FileCompress</Tag><Operation><FileCompressConfig><Flatten>0</Flatten><Format>zip</Format>${inner}</FileCompressConfig>` +
  '<Output><Region>ap-chongqing</Region><Bucket>test-1234567890</Bucket><Object>out.zip</Object></Output></Operation></Request>';

const malformed = (xml: string, schema = 'SubmitJobRequest') => {
  try {
    codec.decode(xml, schema);
  } catch (error) {
    expect(error).toBeInstanceOf(MalformedXmlError);
    expect((error as MalformedXmlError).code).toBe('MalformedXML');
    return (error as MalformedXmlError).message;
  }
  throw new Error(`expected MalformedXML for ${xml}`);
};

describe('decode: document structure', () => {
  it('rejects the unclosed <CallBackFormat> of the F1/F4/F7 doc examples as MalformedXML', () => {
    const message = malformed(compressBody().replace('</Request>', '<CallBackFormat>JSON<CallBackFormat></Request>'));
    expect(message).toMatch(/^\[fileproc\] the XML is not well-formed: .*close tag/);
  });

  it.each([
    ['empty body', ''],
    ['text only', 'FileCompress'],
    ['two roots', '<Request/><Request/>'],
    ['unclosed root', '<Request><Tag>FileCompress</Tag>'],
    ['undefined entity', '<Request><Tag>&nbsp;</Tag></Request>'],
    ['bad char reference', '<Request><Tag>&#0;</Tag></Request>'],
  ])('rejects %s', (_name, xml) => {
    malformed(xml);
  });

  it.each([
    ['internal entity (billion laughs)', '<!DOCTYPE Request [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><Request><Tag>&b;</Tag></Request>'],
    ['external entity', '<!DOCTYPE Request [<!ENTITY x SYSTEM "file:///etc/passwd">]><Request><Tag>&x;</Tag></Request>'],
    ['plain DOCTYPE', '<?xml version="1.0"?><!DOCTYPE Request><Request><Tag>FileCompress</Tag></Request>'],
    ['ENTITY without DOCTYPE', '<!ENTITY a "b"><Request><Tag>FileCompress</Tag></Request>'],
  ])('never processes DTDs: %s is MalformedXML', (_name, xml) => {
    const message = malformed(xml);
    expect(message).not.toContain('passwd');
  });

  it('decodes the five predefined entities and numeric character references', () => {
    const value = codec.decode(compressBody('<Key>&amp;&lt;&gt;&quot;&apos;&#65;&#x4E2D;&#x1F600;</Key>'), 'SubmitJobRequest');
    expect(value).toMatchObject({ Operation: { FileCompressConfig: { Key: ['&<>"\'A中😀'] } } });
  });

  it('reads CDATA sections as text', () => {
    const value = codec.decode(compressBody('<Key><![CDATA[a<b>&c]]></Key>'), 'SubmitJobRequest');
    expect(value).toMatchObject({ Operation: { FileCompressConfig: { Key: ['a<b>&c'] } } });
  });

  it('rejects a wrong root element, naming both', () => {
    expect(malformed('<Response><Tag>FileCompress</Tag></Response>')).toContain('expected root element <Request> for SubmitJobRequest, got <Response>');
  });

  it('tolerates a declaration (either quoting), a BOM, surrounding whitespace and indentation', () => {
    const plain = codec.decode(compressBody(), 'SubmitJobRequest');
    const indented = compressBody().replace(/></g, '>\n    <').replace('<Key>a.txt</Key>', '<Key>a.txt</Key>');
    for (const xml of [
      `<?xml version="1.0" encoding="utf-8"?>\n${compressBody()}`,
      `\uFEFF<?xml version='1.0' encoding='utf-8' ?>${compressBody()}`,
      `\n\t  ${compressBody()}  \r\n`,
      indented,
    ]) {
      expect(codec.decode(xml, 'SubmitJobRequest')).toEqual(plain);
    }
  });

  it('treats a non-repeated element given twice as malformed, naming its path', () => {
    expect(malformed(compressBody().replace('<Format>zip</Format>', '<Format>zip</Format><Format>tar</Format>'))).toContain(
      'Request.Operation.FileCompressConfig.Format occurs more than once',
    );
  });
});

describe('decode: values', () => {
  it('makes a repeated element an array even when it occurs once, in document order', () => {
    expect(codec.decode(compressBody('<Key>one</Key>'), 'SubmitJobRequest')).toMatchObject({ Operation: { FileCompressConfig: { Key: ['one'] } } });
    const two = codec.decode(compressBody('<Key>b</Key><Prefix>p/</Prefix><Key>a</Key>'), 'SubmitJobRequest');
    expect(two).toMatchObject({ Operation: { FileCompressConfig: { Key: ['b', 'a'], Prefix: 'p/' } } });
  });

  it('treats empty elements as absent, including empty members of a repeated element', () => {
    const value = codec.decode(compressBody('<Prefix>/</Prefix><Key></Key><UrlList/>').replace('</Output>', '</Output><UserData></UserData>'), 'SubmitJobRequest');
    expect(value).toEqual({
      Tag: 'FileCompress',
      Operation: { FileCompressConfig: { Flatten: '0', Format: 'zip', Prefix: '/' }, Output: { Region: 'ap-chongqing', Bucket: 'test-1234567890', Object: 'out.zip' } },
    });
  });

  it('converts integers and booleans as the schema says and keeps string-typed numbers as strings', () => {
    const xml = '<Response><JobsDetail><Tag>FileUncompress</Tag><Progress> 42 </Progress><Operation><FileUncompressConfig><PrefixReplaced>1</PrefixReplaced>' +
      '<ListingFile>true</ListingFile></FileUncompressConfig><FileUncompressResult><FileCount>007</FileCount><FileList><IsTruncated>false</IsTruncated></FileList></FileUncompressResult></Operation></JobsDetail></Response>';
    expect(codec.decode(xml, 'SubmitJobResponse')).toEqual({
      JobsDetail: {
        Tag: 'FileUncompress',
        Progress: 42,
        Operation: { FileUncompressConfig: { PrefixReplaced: '1', ListingFile: true }, FileUncompressResult: { FileCount: 7, FileList: { IsTruncated: false } } },
      },
    });
  });

  it('keeps leaves that do not convert as the raw string (validation names them)', () => {
    const xml = '<Response><JobsDetail><Tag>FileHashCode</Tag><Progress>4.5</Progress><Operation><FileHashCodeConfig><Type>MD5</Type><AddToHeader>yes</AddToHeader></FileHashCodeConfig>' +
      '<FileHashCodeResult><FileSize>99999999999999999999</FileSize></FileHashCodeResult></Operation></JobsDetail></Response>';
    expect(codec.decode(xml, 'SubmitJobResponse')).toMatchObject({
      JobsDetail: { Progress: '4.5', Operation: { FileHashCodeConfig: { AddToHeader: 'yes' }, FileHashCodeResult: { FileSize: '99999999999999999999' } } },
    });
  });

  it('ignores unknown elements and attributes anywhere ([JAVA] JobId, [GO] QueueID, Input.Url)', () => {
    const xml = '<Request a="1"><JobId>x</JobId><Tag>FileHashCode</Tag><QueueID>p1</QueueID><Input><Url>http://x</Url><Object b="2">k</Object></Input>' +
      '<Operation><FileHashCodeConfig><Type>MD5</Type></FileHashCodeConfig><Extra><Deep/></Extra></Operation></Request>';
    expect(codec.decode(xml, 'SubmitJobRequest')).toEqual({ Tag: 'FileHashCode', Input: { Object: 'k' }, Operation: { FileHashCodeConfig: { Type: 'MD5' } } });
  });

  it('keeps leaf text exactly (no trimming of strings) but ignores whitespace between elements', () => {
    const value = codec.decode(compressBody('<Key> spaced key </Key>'), 'SubmitJobRequest');
    expect(value).toMatchObject({ Operation: { FileCompressConfig: { Key: [' spaced key '] } } });
  });

  it('decodes an unknown Tag with every branch\'s elements so validation can still report', () => {
    const value = codec.decode('<Request><Tag>Bogus</Tag><Input><Object>k</Object></Input><QueueId>p1</QueueId></Request>', 'SubmitJobRequest');
    expect(value).toEqual({ Tag: 'Bogus', Input: { Object: 'k' }, QueueId: 'p1' });
  });
});

describe('encode', () => {
  const job = {
    JobsDetail: {
      Tag: 'FileCompress', State: 'Submitted', JobId: 'f93984788066911ed89ed352d4d9d2084', Code: 'Success', Message: '', Progress: 0,
      CreationTime: '2022-07-18T15:16:43+0800', StartTime: '-', EndTime: '-',
      Operation: { FileCompressConfig: { Format: 'zip', Flatten: '0', Key: ['a', 'b'], IgnoreError: false }, Output: { Object: 'o.zip', Region: 'r', Bucket: 'b-1' } },
    },
  };

  it('writes schema property order, repeated elements, typed leaves and <Message/> for an empty string', () => {
    expect(codec.encode(job, 'SubmitJobResponse')).toBe(
      '<Response><JobsDetail><Code>Success</Code><Message/><JobId>f93984788066911ed89ed352d4d9d2084</JobId><State>Submitted</State><Progress>0</Progress>' +
        '<CreationTime>2022-07-18T15:16:43+0800</CreationTime><StartTime>-</StartTime><EndTime>-</EndTime><Tag>FileCompress</Tag><Operation>' +
        '<FileCompressConfig><Flatten>0</Flatten><Format>zip</Format><Key>a</Key><Key>b</Key><IgnoreError>false</IgnoreError></FileCompressConfig>' +
        '<Output><Region>r</Region><Bucket>b-1</Bucket><Object>o.zip</Object></Output></Operation></JobsDetail></Response>',
    );
  });

  it('adds the declaration only when asked', () => {
    expect(codec.encode({ Code: 'A', Message: 'B' }, 'Error')).toBe('<Error><Code>A</Code><Message>B</Message></Error>');
    expect(codec.encode({ Code: 'A', Message: 'B' }, 'Error', { declaration: true })).toBe(`${XML_DECLARATION}<Error><Code>A</Code><Message>B</Message></Error>`);
  });

  it('escapes & < > " \' and CR in text so they survive a round trip', () => {
    const text = `a&b<c>d"e'f]]>g\r\nh`;
    const xml = codec.encode({ Code: text, Message: 'm' }, 'Error');
    expect(xml).toContain('<Code>a&amp;b&lt;c&gt;d&quot;e&apos;f]]&gt;g&#13;\nh</Code>');
    expect(codec.decode(xml, 'Error')).toEqual({ Code: text, Message: 'm' });
  });

  it('refuses characters XML 1.0 cannot carry instead of writing a broken document', () => {
    expect(() => codec.encode({ Code: 'a\u0001b', Message: 'm' }, 'Error')).toThrow(/\[fileproc\] text contains U\+0001/);
    expect(() => codec.encode({ Code: 'lone \uD800', Message: 'm' }, 'Error')).toThrow(/U\+D800/);
  });

  it('omits undefined and null, and refuses a union value whose tag has no branch', () => {
    expect(codec.encode({ Code: 'A', Message: 'B', Resource: undefined, RequestId: null } as never, 'Error')).toBe('<Error><Code>A</Code><Message>B</Message></Error>');
    expect(() => codec.encode({ JobsDetail: { Tag: 'Nope' } }, 'SubmitJobResponse')).toThrow(/Tag is "Nope", expected one of FileCompress, FileUncompress, FileHashCode/);
  });

  it('compiles each schema once (the same output for repeated calls) and reports unknown schemas', () => {
    expect(codec.encode(job, 'SubmitJobResponse')).toBe(codec.encode(job, 'SubmitJobResponse'));
    expect(() => codec.encode({}, 'NoSuchSchema')).toThrow(/\[fileproc\] unknown schema "NoSuchSchema"/);
    expect(codec.rootElement('SubmitJobRequest')).toBe('Request');
  });
});
