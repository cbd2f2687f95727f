import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transport } from '../../protocol/client.ts';
import { isJdCompress, rewriteBody, rewriteResponse, rewriteSubmit, rewriteUpload, startHarness, type Harness } from './processing-harness.node.ts';
import type { RunResult } from '../results.ts';
import type { Rule } from '../rule.ts';
import compressDuplicateNames from '../rules/compress-duplicate-names.ts';
import compressEncryptedZip from '../rules/compress-encrypted-zip.ts';
import compressFlattenModes from '../rules/compress-flatten-modes.ts';
import compressIgnoreErrorAccounting from '../rules/compress-ignore-error-accounting.ts';
import compressSourceKey from '../rules/compress-source-key.ts';
import compressSourceKeyconfigRename from '../rules/compress-source-keyconfig-rename.ts';
import compressSourcePrecedence from '../rules/compress-source-precedence.ts';
import compressSourcePrefix from '../rules/compress-source-prefix.ts';
import compressSourceUrllist from '../rules/compress-source-urllist.ts';
import compressTarMembers from '../rules/compress-tar-members.ts';
import compressTargzMembers from '../rules/compress-targz-members.ts';
import compressZipMembers from '../rules/compress-zip-members.ts';
import jdCompressAlias from '../rules/jd-compress-alias.ts';
import jdCompressCallback from '../rules/jd-compress-callback.ts';
import hashJobDigest from '../rules/hash-job-digest.ts';
import hashAddToHeader from '../rules/hash-add-to-header.ts';
import syncHashDigest from '../rules/sync-hash-digest.ts';
import zipPreviewListsEntries from '../rules/zip-preview-lists-entries.ts';
import uncompressPrefixReplaced from '../rules/uncompress-prefix-replaced.ts';
import uncompressMembersEqual from '../rules/uncompress-members-equal.ts';
import uncompressDownloadConfig from '../rules/uncompress-download-config.ts';
import uncompressFileCountAndList from '../rules/uncompress-file-count-and-list.ts';
import uncompressPassword from '../rules/uncompress-password.ts';
import uncompressDirectoriesNoObjects from '../rules/uncompress-directories-no-objects.ts';

// Each processing rule holds against the mock and fails when the behaviour it judges is broken: a
// transport that corrupts exactly that behaviour (request or response) stands in for a faulty vendor.
let harness: Harness;
beforeAll(async () => { harness = await startHarness(); });
afterAll(async () => { await harness.close(); });

const failures = (run: RunResult) => run.results.filter((result) => result.status !== 'passed').map((result) => `${result.id}: ${JSON.stringify(result.failure ?? result.reason).slice(0, 800)}`);
const appendByte = (body: Uint8Array) => new Uint8Array([...body, 0x21]);
const isGetUnder = (pattern: RegExp) => (request: Request) => request.method === 'GET' && !new URL(request.url).search && pattern.test(decodeURIComponent(new URL(request.url).pathname));
const DIGEST = /(<(?:MD5|SHA1|SHA256)>)[0-9a-f]{8}/;
const isDescribe = (request: Request) => request.method === 'GET' && /\/jobs\/f/.test(request.url);

/** Every rule of this file with a transport breaking the behaviour it judges. */
const CASES: Array<[Rule, (inner: Transport) => Transport]> = [
  [compressZipMembers, rewriteUpload(/\/src\d+\//, appendByte)],
  [compressTarMembers, rewriteUpload(/\/src\d+\//, appendByte)],
  [compressTargzMembers, rewriteUpload(/\/src\d+\//, appendByte)],
  [compressFlattenModes, rewriteSubmit(/<Flatten>[123]<\/Flatten>/, '<Flatten>0</Flatten>')],
  [compressSourceKey, rewriteSubmit(/<Key>[^<]*<\/Key>(<\/FileCompressConfig>)/, '$1')],
  [compressSourcePrefix, rewriteSubmit(/pack\/<\/Prefix>/, 'pack</Prefix>')],
  [compressSourceUrllist, rewriteUpload(/index\.csv$/, (body) => body.subarray(0, body.indexOf(0x0a) + 1))],
  [compressSourceKeyconfigRename, rewriteSubmit(/<Rename>[^<]*<\/Rename>/, '')],
  [compressSourcePrecedence, rewriteSubmit(/<UrlList>[^<]*<\/UrlList>/, '')],
  [compressDuplicateNames, rewriteSubmit(/(<Key>[^<]*\/)b(\/same\.txt<\/Key>)/, '$1a$2')],
  [compressIgnoreErrorAccounting, rewriteResponse(isDescribe, /<ErrorFile>[^<]*<\/ErrorFile>/, '')],
  [compressEncryptedZip, rewriteSubmit(/<CompressKey>[^<]*<\/CompressKey>/, '')],
  [uncompressPrefixReplaced, rewriteSubmit(/<PrefixReplaced>[12]<\/PrefixReplaced>/, '')],
  [uncompressMembersEqual, rewriteResponse(isGetUnder(/\/out\d+\//), /$/, '!')],
  [uncompressDownloadConfig, rewriteSubmit(/<Mode>1<\/Mode>/, '')],
  [uncompressFileCountAndList, rewriteResponse(isDescribe, /<FileCount>/, '<FileCount>1')],
  [uncompressPassword, rewriteSubmit(/<UnCompressKey>[^<]*<\/UnCompressKey>/, '')],
  [uncompressDirectoriesNoObjects, rewriteResponse(isDescribe, /<FileCount>2<\/FileCount>/, '<FileCount>6</FileCount>')],
  [hashJobDigest, rewriteResponse(isDescribe, DIGEST, '$1deadbeef')],
  [hashAddToHeader, rewriteSubmit(/<AddToHeader>true<\/AddToHeader>/, '')],
  [syncHashDigest, rewriteResponse((request) => request.url.includes('ci-process=filehash'), DIGEST, '$1deadbeef')],
  [zipPreviewListsEntries, rewriteResponse((request) => request.url.includes('ci-process=zippreview'), /<FileNumber>/, '<FileNumber>1')],
  [jdCompressAlias, rewriteBody(isJdCompress, /<Alias>[^<]*<\/Alias>/, '')],
  [jdCompressCallback, rewriteBody(isJdCompress, /jdcb\/in\.txt/, 'jdcb/moved.txt')],
];

describe('processing rules', () => {
  it('hold against the mock', async () => {
    const run = await harness.run(CASES.map(([rule]) => rule));
    expect(failures(run)).toEqual([]);
    expect(run.results).toHaveLength(CASES.length);
    const left = await (await harness.mock.fetch(new Request('http://127.0.0.1/?max-keys=1000'))).text();
    expect(left, 'objects left in the bucket after the rules cleaned up').not.toContain('<Key>');
  });
  it('uncompress-file-count-and-list checks a truncated FileList with the full profile run count (1005 entries)', async () => {
    const run = await harness.run([uncompressFileCountAndList], undefined, 100);
    expect(failures(run)).toEqual([]);
    const truncationLost = await harness.run([uncompressFileCountAndList], rewriteResponse(isDescribe, /<IsTruncated>true<\/IsTruncated>/, ''), 100);
    expect(truncationLost.results.map((result) => result.status)).toEqual(['failed']);
  });
  it.each(CASES.map(([rule, broken]) => ({ id: rule.id, rule, broken })))('$id fails when its behaviour is broken', async ({ rule, broken }) => {
    const run = await harness.run([rule], broken);
    expect(run.results.map((result) => result.status)).toEqual(['failed']);
    expect(run.results[0]?.failure?.documented ?? '').not.toBe('');
  });
});
