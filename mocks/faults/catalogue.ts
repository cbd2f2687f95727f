/**
 * The catalogue of named, opt-in faults (conformance self-test, client chaos testing): each is a
 * single realistic violation of one documented behaviour, implemented as a layer around the mock
 * (HTTP middleware, processors, callback sink) or by the engine's own hook points, and names the
 * conformance rule(s) that must catch it. The table in `mocks/faults/README.md` mirrors this list.
 */
import { ENGINE_FAULTS } from '../engine/faults.ts';

/** Where a fault is injected. */
export type FaultLayer = 'http' | 'processing' | 'callbacks' | 'engine';

/** One catalogue entry. */
export interface FaultInfo {
  name: string;
  layer: FaultLayer;
  /** What the faulty mock does. */
  breaks: string;
  /** Reference sections of the documented behaviour it violates. */
  ref: string;
  /** Conformance rule ids expected to fail with this fault on (the first is the primary one). */
  rules: readonly string[];
}

const http = (name: string, breaks: string, ref: string, ...rules: string[]): FaultInfo => ({ name, layer: 'http', breaks, ref, rules });
const processing = (name: string, breaks: string, ref: string, ...rules: string[]): FaultInfo => ({ name, layer: 'processing', breaks, ref, rules });
const callbacks = (name: string, breaks: string, ref: string, ...rules: string[]): FaultInfo => ({ name, layer: 'callbacks', breaks, ref, rules });
const engine = (name: (typeof ENGINE_FAULTS)[number], breaks: string, ref: string, ...rules: string[]): FaultInfo => ({ name, layer: 'engine', breaks, ref, rules });

/** Every fault, grouped by layer. */
export const FAULTS: readonly FaultInfo[] = [
  http('missing-request-id', 'drops the x-ci-request-id / x-cos-request-id headers from every answer', '§3.3, §5.1', 'response-request-id'),
  http('wrong-content-type', 'answers XML bodies with Content-Type text/plain', '§3.3', 'response-content-type'),
  http('malformed-xml-500', 'answers a submit whose body is not well-formed XML with 500 InternalError', '§5.2, §5.3', 'malformed-xml-400'),
  http('wrong-error-code', 'codes 404 errors as InvalidArgument (a 400 code) while keeping HTTP 404', '§5.2, §5.3', 'error-body-shape'),
  http('error-request-id-mismatch', 'puts a different RequestId in <Error> than in the request-id header', '§5.1', 'error-body-shape'),
  http('nonexist-ids-dropped', 'omits NonExistJobIds from a describe naming unknown ids', '§2.6', 'describe-multi-nonexist'),
  http('job-id-uppercase', 'writes JobIds with upper-case hex in responses (accepting them back)', '§2.5, §9', 'job-id-format'),
  http('success-without-result', 'drops the result container (FileHashCodeResult, …) of Success jobs in describe', '§2.6, §3.4', 'success-has-result', 'hash-job-digest'),
  http('terminal-state-reverts', 'after a job was reported Success once, describe reports it Running again', '§3.2', 'terminal-state-final'),
  http('end-before-start', 'reports EndTime one second before StartTime', '§3.2', 'job-times-ordered'),
  http('userdata-not-echoed', 'omits UserData from JobsDetail', '§2.2–2.6', 'userdata-echo', 'describe-roundtrip-echo'),
  http('list-drops-job', 'drops the last JobsDetail of every list page holding two or more', '§2.7', 'list-paging-exactly-once'),
  http('list-order-reversed', 'returns list pages in the opposite of the requested orderByTime', '§2.7', 'list-ordering'),
  http('describe-over-ten-accepted', 'answers a describe of more than 10 ids with the first 10 instead of an error', '§2.6', 'describe-max-ten-ids'),
  http('validation-error-500', 'turns 4xx answers to invalid submits into 500 InternalError', '§5.3', 'negative-missing-required', 'negative-bad-enum'),
  http('unknown-route-200', 'answers unknown paths with 200 and an empty body', '§5.2', 'unknown-route-404-405'),
  http('archive-bytes-altered', 'alters the first data byte of the first non-empty member of every downloaded .zip/.tar/.tar.gz object (gzip: its middle byte)', '§2.2', 'compress-zip-members'),
  http('zip-preview-drops-entry', 'leaves the last <Contents> entry out of a zip preview (FileNumber unchanged)', '§2.13', 'zip-preview-lists-entries'),
  http('list-states-ignored', 'ignores the states filter of a job list (answers as for All)', '§2.7', 'list-filters'),
  http('sync-hash-wrong', 'answers ci-process=filehash with a digest of different bytes', '§2.12', 'sync-hash-digest'),
  processing('hash-digest-wrong', 'FileHashCode reports the digest with its last hex digit changed', '§2.4, §3.4', 'hash-job-digest'),
  processing('flatten-ignored', 'FileCompress keeps full key paths whatever Flatten says', '§2.2', 'compress-flatten-modes'),
  processing('compress-member-missing', 'FileCompress leaves the last listed Key out of the archive', '§2.2', 'compress-zip-members'),
  processing('compress-key-ignored', 'FileCompress writes an unencrypted zip although CompressKey is set', '§2.2', 'compress-encrypted-zip'),
  processing('add-to-header-ignored', 'FileHashCode never writes x-cos-meta-<type> although AddToHeader is true', '§2.4', 'hash-add-to-header'),
  processing('download-config-ignored', 'FileUncompress Mode=1 extracts every entry instead of the DownloadConfig selection', '§2.3', 'uncompress-download-config'),
  processing('ignore-error-accounting', 'FileCompress reports ErrorCount 0 although sources were missing', '§2.2, §3.4', 'compress-ignore-error-accounting'),
  processing('prefix-replaced-ignored', 'FileUncompress treats every PrefixReplaced as 0', '§2.3', 'uncompress-prefix-replaced'),
  processing('file-count-off-by-one', 'FileUncompress reports FileCount one higher than the members written', '§2.3, §3.4', 'uncompress-file-count-and-list'),
  callbacks('callback-duplicated', 'delivers every TaskFinish callback twice', '§4.1', 'callback-exactly-once'),
  callbacks('callback-missing', 'never delivers TaskFinish callbacks', '§4.1', 'callback-exactly-once'),
  callbacks('callback-json-for-xml', 'delivers JSON bodies when CallBackFormat is XML', '§4.1, §4.2', 'callback-xml-format'),
  callbacks('callback-despite-no', 'with CallBack=no still delivers to the queue NotifyConfig Url', '§4.1', 'callback-no-suppresses'),
  callbacks('callback-userdata-dropped', 'TaskFinish callbacks omit the job\'s UserData that describe reports', '§4.2, §3.1', 'callback-matches-describe'),
  callbacks('jd-callback-missing', 'never calls back a JD Compress Object request', '§7.3', 'jd-compress-callback'),
  engine('cancel-running-accepted', 'cancel of a Running job succeeds', '§2.8', 'cancel-queued-only'),
  engine('progress-decreases', 'late in a run Progress falls to half', '§3.2', 'progress-monotonic'),
  engine('terminal-state-changes', 'a cancelled job is still started and finishes', '§3.2', 'terminal-state-final'),
  engine('paging-skips-job', 'NextToken points one job too far', '§2.7', 'list-paging-exactly-once'),
  engine('jobs-cross-buckets', 'describe, list and cancel from another bucket see (and cancel) its jobs', '§1.1, §2.6–§2.8; spec README §9.4', 'jobs-scoped-by-bucket'),
];

/** Every fault name. */
export const FAULT_NAMES: readonly string[] = FAULTS.map((fault) => fault.name);

/** The catalogue entry of `name`, or an error listing the known names (a typo must not test nothing). */
export function faultInfo(name: string): FaultInfo {
  const info = FAULTS.find((fault) => fault.name === name);
  if (!info) throw new Error(`[fileproc] unknown fault "${name}"; known: ${FAULT_NAMES.join(', ')}`);
  return info;
}
