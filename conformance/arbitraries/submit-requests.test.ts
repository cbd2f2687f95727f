import { describe, expect, it } from 'vitest';
import { cosCiValidator } from '../../protocol/validate.ts';
import { elementsOf, validRequests, xmlWithElement } from './submit-requests.ts';

const requests = validRequests('in/a.txt', 'in/a.zip', 'out/', 'b-1250000000', 'ap-guangzhou');

describe('submit requests derived from the spec', () => {
  it('starts from requests that validate against SubmitJobRequest', () => {
    for (const request of requests) expect(cosCiValidator.validate(request, 'SubmitJobRequest').ok).toBe(true);
  });

  it('finds the required elements and enum leaves the schemas declare', () => {
    const [hash, compress, uncompress] = requests.map((request) => elementsOf(request));
    expect(hash?.required.map((path) => path.join('/'))).toEqual(expect.arrayContaining(['Tag', 'Input', 'Input/Object', 'Operation', 'Operation/FileHashCodeConfig', 'Operation/FileHashCodeConfig/Type']));
    expect(compress?.enums.map(({ path }) => path.join('/'))).toEqual(expect.arrayContaining(['Operation/FileCompressConfig/Format', 'Operation/FileCompressConfig/Flatten']));
    expect(uncompress?.enums.map(({ path }) => path.join('/'))).toEqual(expect.arrayContaining(['Operation/FileUncompressConfig/PrefixReplaced', 'Operation/FileUncompressConfig/Mode']));
  });

  it('edits the wire body: every required element removed or enum replaced makes it invalid', () => {
    for (const request of requests) {
      const { required, enums } = elementsOf(request);
      for (const path of required) expect(cosCiValidator.parseBody(xmlWithElement(request, path, undefined), 'SubmitJobRequest').ok, path.join('/')).toBe(false);
      for (const { path } of enums.filter(({ path: p }) => p.length > 0)) expect(cosCiValidator.parseBody(xmlWithElement(request, path, 'Bogus1'), 'SubmitJobRequest').ok, path.join('/')).toBe(false);
    }
  });
});
