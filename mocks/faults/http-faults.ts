/**
 * The HTTP fault layer: a fetch middleware around the mock's handler that rewrites requests and
 * responses to violate one documented behaviour per fault (catalogue in `catalogue.ts`). Admin
 * routes (`/__fileproc/`) pass untouched. With no fault on, traffic is not touched at all.
 */
import { formatJobTime, parseJobTime } from '../../protocol/time.ts';
import { alterMemberBytes } from './archive-edit.ts';
import { dropElement, editDetails, elementText, replaceDetails, setElement, wrongDigest } from './xml-edit.ts';

type Fetch = (request: Request) => Promise<Response>;

/** What a response edit sees. */
interface Seen { request: Request; url: URL; status: number; text: string; on(name: string): boolean }

const JOB_PATH = /^\/(?:file_jobs|jobs)(?:\/([^/]+))?$/;
const isDescribe = (s: Seen) => s.request.method === 'GET' && !!JOB_PATH.exec(s.url.pathname)?.[1];
const isList = (s: Seen) => s.request.method === 'GET' && JOB_PATH.test(s.url.pathname) && !JOB_PATH.exec(s.url.pathname)?.[1];
const isSubmit = (s: Seen) => s.request.method === 'POST' && JOB_PATH.test(s.url.pathname) && !JOB_PATH.exec(s.url.pathname)?.[1];
const errorCode = (s: Seen) => (s.status >= 400 ? elementText(s.text, 'Code') : undefined);

function internalError(s: Seen): Seen {
  return { ...s, status: 500, text: setElement(s.text, 'Code', () => 'InternalError') };
}

/** Faults that change status and body text of an XML answer. */
function editText(s: Seen, seenSuccess: Set<string>): Seen {
  let out = s;
  if (s.on('malformed-xml-500') && isSubmit(s) && errorCode(s) === 'MalformedXML') out = internalError(out);
  if (s.on('validation-error-500') && isSubmit(s) && s.status >= 400 && s.status < 500 && errorCode(s) !== 'MalformedXML') out = internalError(out);
  if (s.on('wrong-error-code') && out.status === 404) out = { ...out, text: setElement(out.text, 'Code', () => 'InvalidArgument') };
  if (s.on('error-request-id-mismatch') && out.status >= 400) out = { ...out, text: setElement(out.text, 'RequestId', (id) => `x${id}`) };
  let text = out.text;
  if (s.on('nonexist-ids-dropped')) text = dropElement(text, 'NonExistJobIds');
  if (s.on('job-id-uppercase')) text = text.replace(/<JobId>f([0-9a-f]{32})<\/JobId>/g, (_, hex: string) => `<JobId>f${hex.toUpperCase()}</JobId>`);
  if (s.on('userdata-not-echoed')) text = dropElement(text, 'UserData');
  if (s.on('success-without-result') && isDescribe(s)) text = editDetails(text, (d) => (d.includes('<State>Success</State>') ? ['FileHashCodeResult', 'FileCompressResult', 'FileUncompressResult'].reduce(dropElement, d) : d));
  if (s.on('end-before-start')) text = editDetails(text, endBeforeStart);
  if (s.on('terminal-state-reverts') && isDescribe(s)) text = editDetails(text, (d) => revertSuccess(d, seenSuccess));
  if (s.on('list-drops-job') && isList(s)) text = replaceDetails(text, (blocks) => (blocks.length >= 2 ? blocks.slice(0, -1) : blocks));
  if (s.on('list-order-reversed') && isList(s)) text = replaceDetails(text, (blocks) => [...blocks].reverse());
  if (s.on('zip-preview-drops-entry') && s.url.searchParams.get('ci-process') === 'zippreview') {
    const entries = text.match(/<Contents>[\s\S]*?<\/Contents>/g) ?? [];
    const last = entries.at(-1);
    if (last) text = text.slice(0, text.lastIndexOf(last)) + text.slice(text.lastIndexOf(last) + last.length);
  }
  if (s.on('sync-hash-wrong') && s.url.searchParams.get('ci-process') === 'filehash') {
    for (const name of ['MD5', 'SHA1', 'SHA256']) text = setElement(text, name, wrongDigest);
  }
  return { ...out, text };
}

function endBeforeStart(detail: string): string {
  const start = parseJobTime(elementText(detail, 'StartTime') ?? '-');
  if (start === undefined || start === null || elementText(detail, 'EndTime') === '-') return detail;
  return setElement(detail, 'EndTime', () => formatJobTime(start - 1000));
}

/** The second time a job is served as Success it is Running again (a terminal state that changed). */
function revertSuccess(detail: string, seenSuccess: Set<string>): string {
  const id = elementText(detail, 'JobId') ?? '';
  if (!detail.includes('<State>Success</State>')) return detail;
  if (!seenSuccess.has(id)) {
    seenSuccess.add(id);
    return detail;
  }
  return setElement(setElement(detail, 'State', () => 'Running'), 'EndTime', () => '-');
}

/** Request-side halves: upper-case ids accepted back; >10 ids cut to 10; the states filter dropped. */
function editRequest(request: Request, url: URL, on: (name: string) => boolean): Request {
  let path = url.pathname;
  const query = new URLSearchParams(url.search);
  if (on('list-states-ignored') && request.method === 'GET' && JOB_PATH.test(path) && !JOB_PATH.exec(path)?.[1]) query.delete('states');
  if (on('job-id-uppercase')) path = path.replace(/f[0-9A-F]{32}/g, (id) => `f${id.slice(1).toLowerCase()}`);
  const ids = JOB_PATH.exec(path)?.[1];
  if (on('describe-over-ten-accepted') && request.method === 'GET' && ids && ids.split(',').length > 10) {
    path = path.replace(ids, ids.split(',').slice(0, 10).join(','));
  }
  if (path === url.pathname && query.toString() === url.searchParams.toString()) return request;
  const next = new URL(url);
  next.pathname = path;
  next.search = query.toString();
  return new Request(next, request);
}

const ARCHIVE = /\.(zip|tar|tar\.gz|tgz)$/;

/** A downloaded archive object with one member's bytes altered. */
async function alteredArchive(response: Response): Promise<Response> {
  return rebuilt(alterMemberBytes(new Uint8Array(await response.arrayBuffer())), response.status, response.headers);
}

/** Wraps `inner` so that the faults `isOn` reports are applied to every non-admin exchange. */
export function withHttpFaults(inner: Fetch, isOn: (name: string) => boolean, anyOn: () => boolean): Fetch {
  const seenSuccess = new Set<string>();
  return async (original) => {
    const url = new URL(original.url);
    if (url.pathname.startsWith('/__fileproc') || !anyOn()) return inner(original);
    const request = editRequest(original, url, isOn);
    const response = await inner(request);
    if (isOn('unknown-route-200') && (response.status === 404 || response.status === 405) && /<Code>(NoSuchResource|MethodNotAllowed)<\/Code>/.test(await response.clone().text())) {
      return new Response(null, { status: 200, headers: { 'x-ci-request-id': response.headers.get('x-ci-request-id') ?? '' } });
    }
    let result = response;
    if (isOn('archive-bytes-altered') && request.method === 'GET' && response.status === 200 && ARCHIVE.test(url.pathname)) result = await alteredArchive(response);
    else if ((response.headers.get('content-type') ?? '').includes('xml') && request.method !== 'HEAD') {
      const seen = editText({ request, url, status: response.status, text: await response.text(), on: isOn }, seenSuccess);
      result = rebuilt(seen.text, seen.status, response.headers);
    }
    return headerFaults(result, isOn);
  };
}

/** A new response with the same headers; Content-Length, when the original had one, fits the new body. */
function rebuilt(body: string | Uint8Array<ArrayBuffer>, status: number, source: Headers): Response {
  const headers = new Headers(source);
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  if (headers.has('content-length')) headers.set('content-length', String(bytes.byteLength));
  return new Response(bytes, { status, headers });
}

function headerFaults(response: Response, on: (name: string) => boolean): Response {
  if (!on('missing-request-id') && !on('wrong-content-type')) return response;
  const headers = new Headers(response.headers);
  if (on('missing-request-id')) for (const name of ['x-ci-request-id', 'x-cos-request-id']) headers.delete(name);
  if (on('wrong-content-type') && (headers.get('content-type') ?? '').includes('application/xml')) headers.set('content-type', 'text/plain');
  return new Response(response.body, { status: response.status, headers });
}
