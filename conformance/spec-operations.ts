/**
 * Finds the spec operation of a wire request (method + path + query) in the bundled documents and
 * what the spec documents for each response status: content types, body schema, headers. Used by
 * the single-exchange checks, so the live proxy and the rules judge by the same table.
 */
import { cosCiDocument, jdcloudDocument, type OpenApiDocument } from '../protocol/codec.ts';

/** What the spec says about one response of one operation. */
export interface DocumentedResponse {
  /** Media types (`application/xml`, `*\/*`); empty when the response has no body. */
  contentTypes: string[];
  /** Schema names the XML body may validate against (any one suffices). */
  xmlSchemas: string[];
  /** Documented response header names, lower-case. */
  headers: string[];
}

/** A matched operation. */
export interface MatchedOperation {
  api: 'cos-ci' | 'jdcloud';
  operationId: string;
  method: string;
  /** The path template (`/jobs/{JobIds}`). */
  path: string;
  /** Documented statuses (`'200'`, `'4XX'`, `'default'`) → response. */
  responses: Map<string, DocumentedResponse>;
  /** `spec/<api>/openapi.yaml#/paths/<path>/<method>`: the pointer reports cite. */
  pointer: string;
}

type Json = Record<string, unknown>;

function resolve(document: OpenApiDocument, node: unknown): Json {
  let current = node as Json;
  while (current && typeof current.$ref === 'string') {
    current = (current.$ref as string).slice(2).split('/').reduce<Json>((o, k) => o[decodeURIComponent(k.replace(/~1/g, '/'))] as Json, document as Json);
  }
  return current ?? {};
}

const refName = (schema: Json | undefined) => (typeof schema?.$ref === 'string' ? (schema.$ref as string).split('/').pop() : undefined);

function documentedResponse(document: OpenApiDocument, raw: unknown, query: URLSearchParams): DocumentedResponse {
  const response = resolve(document, raw);
  const content = (response.content ?? {}) as Record<string, Json>;
  const select = response['x-fileproc-select-by'] as { parameter: string; schemas: Record<string, string> } | undefined;
  let contentTypes = Object.keys(content);
  let xmlSchemas: string[] = [];
  const xml = content['application/xml']?.schema as Json | undefined;
  if (xml) {
    const options = Array.isArray(xml.oneOf) ? (xml.oneOf as Json[]) : [xml];
    xmlSchemas = options.map(refName).filter((name): name is string => name !== undefined);
  }
  if (select) {
    // One response serves two shapes (object bytes vs. a ci-process result): the parameter picks.
    const chosen = select.schemas[query.get(select.parameter) ?? ''];
    if (chosen) [contentTypes, xmlSchemas] = [['application/xml'], [chosen]];
    else [contentTypes, xmlSchemas] = [contentTypes.filter((type) => type !== 'application/xml'), []];
  }
  const headers = Object.keys((response.headers ?? {}) as Json).map((name) => name.toLowerCase());
  return { contentTypes, xmlSchemas, headers };
}

interface Candidate { api: 'cos-ci' | 'jdcloud'; document: OpenApiDocument; path: string; pattern: RegExp; literal: boolean }

function candidates(api: 'cos-ci' | 'jdcloud', document: OpenApiDocument): Candidate[] {
  return Object.keys(((document as Json).paths ?? {}) as Json).map((path) => {
    const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{Key\}/g, '(.+)').replace(/\{[^}]+\}/g, '([^/]+)');
    return { api, document, path, pattern: new RegExp(`^${source}$`), literal: !path.includes('{') };
  });
}

// CI paths win over object keys (spec README, mocks README "CI paths win"): literal and one-segment
// templates are tried before `/{Key}`; JD's `POST /{Key}?compress` before COS keys.
const ORDERED = [...candidates('cos-ci', cosCiDocument), ...candidates('jdcloud', jdcloudDocument)]
  .sort((a, b) => Number(b.literal) - Number(a.literal) || Number(a.path.includes('{Key}')) - Number(b.path.includes('{Key}')));

/** The operation a request addresses, or `undefined` when the spec has none (unknown route). */
export function findOperation(method: string, url: string): MatchedOperation | undefined {
  const parsed = new URL(url, 'http://target.invalid');
  const verb = method.toLowerCase();
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    pathname = parsed.pathname;
  }
  let ciPath = false;
  for (const candidate of ORDERED) {
    if (!candidate.pattern.test(pathname)) continue;
    // A CI path with an undocumented method is not an object key (CI paths win on every host).
    if (candidate.path.includes('{Key}') && ciPath) return undefined;
    ciPath ||= !candidate.path.includes('{Key}') && candidate.path !== '/';
    const item = resolve(candidate.document, ((candidate.document as Json).paths as Json)[candidate.path]);
    const operation = item[verb] as Json | undefined;
    if (!operation) continue;
    if (candidate.api === 'jdcloud' && !parsed.searchParams.has('compress')) continue;
    const responses = new Map<string, DocumentedResponse>();
    for (const [status, raw] of Object.entries((operation.responses ?? {}) as Json)) {
      responses.set(status, documentedResponse(candidate.document, raw, parsed.searchParams));
    }
    const pointer = `spec/${candidate.api}/openapi.yaml#/paths/${candidate.path.replace(/\//g, '~1')}/${verb}`;
    return { api: candidate.api, operationId: String(operation.operationId), method: verb, path: candidate.path, responses, pointer };
  }
  return undefined;
}

/** The documented response for a status (exact, then `4XX`-style, then `default`). */
export function responseFor(operation: MatchedOperation, status: number): DocumentedResponse | undefined {
  return operation.responses.get(String(status)) ?? operation.responses.get(`${String(status)[0]}XX`) ?? operation.responses.get('default');
}
