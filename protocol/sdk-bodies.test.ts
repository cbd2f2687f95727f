/**
 * Request bodies exactly as the SDKs put them on the wire (sdk-wire-behaviour.md "Observed wire
 * requests"; reference F14–F16): different declarations, element orders and empty elements must
 * decode to the same objects.
 */
import { describe, expect, it } from 'vitest';
import { testValidator as validator } from './test-fixtures/harness.ts';

const parsed = (xml: string) => {
  const result = validator.parseBody(xml, 'SubmitJobRequest');
  if (!result.ok) throw new Error(result.message);
  return result.value;
};

describe('SDK request bodies decode to the same objects', () => {
  it('FileCompress: Node (no declaration) and Python (declaration + newline, Output in another order)', () => {
    const node =
      '<Request><Tag>FileCompress</Tag><Operation><FileCompressConfig><Flatten>0</Flatten><Format>zip</Format><Key>k1</Key><Key>k2</Key></FileCompressConfig>' +
      '<Output><Bucket>test-1250000000</Bucket><Region>ap-guangzhou</Region><Object>run/compressed.zip</Object></Output><UserData>run-1</UserData></Operation></Request>';
    const python =
      '<?xml version="1.0" encoding="utf-8"?>\n' +
      '<Request><Tag>FileCompress</Tag><Operation><Output><Object>run/compressed.zip</Object><Region>ap-guangzhou</Region><Bucket>test-1250000000</Bucket></Output>' +
      '<FileCompressConfig><Format>zip</Format><Key>k1</Key><Flatten>0</Flatten><Key>k2</Key></FileCompressConfig><UserData>run-1</UserData></Operation></Request>';
    const expected = {
      Tag: 'FileCompress',
      Operation: {
        FileCompressConfig: { Flatten: '0', Format: 'zip', Key: ['k1', 'k2'] },
        Output: { Bucket: 'test-1250000000', Region: 'ap-guangzhou', Object: 'run/compressed.zip' },
        UserData: 'run-1',
      },
    };
    expect(parsed(node)).toEqual(expected);
    expect(parsed(python)).toEqual(expected);
  });

  it('FileHashCode: Python puts <Input> before <Tag>; Go (F14) and Node put Tag first', () => {
    const python =
      '<?xml version="1.0" encoding="utf-8"?>\n<Request><Input><Object>k</Object></Input><Tag>FileHashCode</Tag><Operation><FileHashCodeConfig>' +
      '<Type>MD5</Type><AddToHeader>false</AddToHeader></FileHashCodeConfig></Operation></Request>';
    const node = '<Request><Tag>FileHashCode</Tag><Input><Object>k</Object></Input><Operation><FileHashCodeConfig><Type>MD5</Type><AddToHeader>false</AddToHeader></FileHashCodeConfig></Operation></Request>';
    const expected = { Tag: 'FileHashCode', Input: { Object: 'k' }, Operation: { FileHashCodeConfig: { Type: 'MD5', AddToHeader: false } } };
    expect(parsed(python)).toEqual(expected);
    expect(parsed(node)).toEqual(expected);
    const go = '<Request><Tag>FileHashCode</Tag><Input><Object>294028.zip</Object></Input><Operation><FileHashCodeConfig><Type>sha1</Type><AddToHeader>true</AddToHeader></FileHashCodeConfig></Operation><QueueId>pb6a88aead4dd4fa8bc953d4ca4e04430</QueueId></Request>';
    expect(parsed(go)).toEqual({ Tag: 'FileHashCode', Input: { Object: '294028.zip' }, Operation: { FileHashCodeConfig: { Type: 'sha1', AddToHeader: true } }, QueueId: 'pb6a88aead4dd4fa8bc953d4ca4e04430' });
  });

  it('Node demo (F16): empty <UserData></UserData> and <Key></Key> are absent', () => {
    const demo =
      '<Request><Tag>FileCompress</Tag><Operation><FileCompressConfig><Flatten>0</Flatten><Format>zip</Format><Prefix>/</Prefix><Key></Key></FileCompressConfig>' +
      '<Output><Bucket>test-1250000000</Bucket><Region>ap-guangzhou</Region><Object>testCompress/compressed.zip</Object></Output><UserData></UserData></Operation></Request>';
    const withoutEmpties =
      '<Request><Tag>FileCompress</Tag><Operation><FileCompressConfig><Flatten>0</Flatten><Format>zip</Format><Prefix>/</Prefix></FileCompressConfig>' +
      '<Output><Bucket>test-1250000000</Bucket><Region>ap-guangzhou</Region><Object>testCompress/compressed.zip</Object></Output></Operation></Request>';
    expect(parsed(demo)).toEqual(parsed(withoutEmpties));
    expect(parsed(demo)).not.toHaveProperty('Operation.UserData');
  });

  it('Node demo uncompress and the F4 doc body (indented, with a declaration) agree on shared fields', () => {
    const node = '<Request><Tag>FileUncompress</Tag><Input><Object>testCompress/compressed.zip</Object></Input><Operation><FileUncompressConfig><Prefix>testCompress</Prefix><PrefixReplaced>0</PrefixReplaced></FileUncompressConfig><Output><Bucket>test-1250000000</Bucket><Region>ap-guangzhou</Region></Output></Operation></Request>';
    const indented = `<?xml version="1.0"?>\n${node.replace(/></g, '>\n  <')}\n`;
    expect(parsed(indented)).toEqual(parsed(node));
    expect(parsed(node)).toMatchObject({ Operation: { FileUncompressConfig: { PrefixReplaced: '0' } } });
  });
});
