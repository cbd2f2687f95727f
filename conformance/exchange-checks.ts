/**
 * Single-exchange checks (one request, one response; no state): documented status, Content-Type,
 * request-id header, body against the operation's schema, `<Error>` shape and code (§5). Shared by
 * the rules (through `ctx.check.exchange`) and the live proxy, which has only a (Request, Response).
 */
import { ERROR_STATUS } from '../protocol/errors.ts';
import { validatorFor } from '../protocol/validate.ts';
import type { Exchange } from '../protocol/client.ts';
import { findOperation, responseFor, type MatchedOperation } from './spec-operations.ts';
import { show } from './violation.ts';

/** The parts of an exchange the checks read; build it with `wireExchange` or `fromClientExchange`. */
export interface WireExchange {
  method: string;
  /** Full URL or path + query as sent. */
  url: string;
  status: number;
  headers: Headers;
  text: string;
}

/** One failed check, named by the rule id whose README anchor documents it. */
export interface Finding { ruleId: string; spec: string; documented: string; received: string }

/** Rule ids of the single-exchange checks (each also a rule file under `rules/`). */
export const EXCHANGE_RULES = {
  status: 'response-status-documented',
  contentType: 'response-content-type',
  requestId: 'response-request-id',
  schema: 'response-body-schema',
  errorShape: 'error-body-shape',
} as const;

/** Reads a (Request, Response) pair without consuming the caller's response body. */
export async function wireExchange(request: Request, response: Response): Promise<WireExchange> {
  const text = request.method === 'HEAD' ? '' : await response.clone().text();
  return { method: request.method, url: request.url, status: response.status, headers: response.headers, text };
}

/** The wire view of a client exchange. */
export function fromClientExchange(exchange: Exchange<unknown>): WireExchange {
  return { method: exchange.request.method, url: exchange.request.url, status: exchange.status, headers: exchange.headers, text: exchange.text };
}

const mediaType = (value: string | null) => (value ?? '').split(';')[0]!.trim().toLowerCase();

function errorShape(operation: MatchedOperation, exchange: WireExchange, requestIds: string[]): Finding[] {
  const spec = `${operation.pointer} · spec/cos-ci/components/schemas/Error · ref §5.1, §5.3`;
  const finding = (documented: string, received: string): Finding[] => [{ ruleId: EXCHANGE_RULES.errorShape, spec, documented, received }];
  if (exchange.method === 'HEAD') return [];
  const parsed = validatorFor(operation.api).parseBody(exchange.text, 'Error');
  if (!parsed.ok) return finding('an <Error> body with non-empty Code, Message and RequestId (§5.1)', `${parsed.message} in ${show(exchange.text)}`);
  const { Code: code, RequestId: requestId } = parsed.value as { Code: string; RequestId: string };
  const expected = (ERROR_STATUS as Record<string, number>)[code];
  if (expected !== undefined && expected !== exchange.status) {
    return finding(`error code ${code} answered with HTTP ${expected} (§5.3)`, `HTTP ${exchange.status} with Code ${code}`);
  }
  if (requestIds.length > 0 && !requestIds.includes(requestId)) {
    return finding('<RequestId> equal to the request-id header (spec Error.RequestId)', `<RequestId>${requestId}</RequestId>, headers ${requestIds.join(', ')}`);
  }
  return [];
}

function bodyChecks(operation: MatchedOperation, exchange: WireExchange, documented: { contentTypes: string[]; xmlSchemas: string[] }): Finding[] {
  const findings: Finding[] = [];
  const received = mediaType(exchange.headers.get('content-type'));
  const hasBody = exchange.text.length > 0;
  if (documented.contentTypes.length === 0) {
    if (hasBody) findings.push({ ruleId: EXCHANGE_RULES.contentType, spec: operation.pointer, documented: `HTTP ${exchange.status} without a body`, received: `a body ${show(exchange.text)}` });
    return findings;
  }
  const xmlAllowed = documented.contentTypes.includes('application/xml');
  if (!documented.contentTypes.includes('*/*') && hasBody && received !== 'application/xml' && xmlAllowed) {
    findings.push({ ruleId: EXCHANGE_RULES.contentType, spec: operation.pointer, documented: 'Content-Type: application/xml', received: `Content-Type: ${exchange.headers.get('content-type') ?? '(none)'}` });
  }
  if (exchange.status < 300 && documented.xmlSchemas.length > 0 && exchange.method !== 'HEAD') {
    const validator = validatorFor(operation.api);
    const problems = documented.xmlSchemas.map((name) => validator.parseBody(exchange.text, name)).filter((result) => !result.ok);
    if (problems.length === documented.xmlSchemas.length) {
      const first = problems[0] as { message: string };
      findings.push({ ruleId: EXCHANGE_RULES.schema, spec: `${operation.pointer} · components/schemas/${documented.xmlSchemas.join('|')}`, documented: `a body valid against ${documented.xmlSchemas.join(' or ')}`, received: `${first.message} in ${show(exchange.text)}` });
    }
  }
  return findings;
}

/** Runs every single-exchange check; an empty array means the exchange is as documented. */
export function checkExchange(exchange: WireExchange): Finding[] {
  const operation = findOperation(exchange.method, exchange.url);
  // Unknown routes are judged by the rule `unknown-route-404-405`, not here.
  if (!operation) return [];
  const documented = responseFor(operation, exchange.status);
  if (!documented) {
    return [{ ruleId: EXCHANGE_RULES.status, spec: operation.pointer, documented: `one of HTTP ${[...operation.responses.keys()].join(', ')} for ${operation.operationId}`, received: `HTTP ${exchange.status}` }];
  }
  const findings: Finding[] = [];
  const idHeaders = documented.headers.filter((name) => name.endsWith('-request-id'));
  const requestIds = idHeaders.map((name) => exchange.headers.get(name)).filter((value): value is string => !!value);
  if (idHeaders.length > 0 && requestIds.length === 0) {
    findings.push({ ruleId: EXCHANGE_RULES.requestId, spec: `${operation.pointer} · ref §3.3, §5.1`, documented: `a non-empty ${idHeaders.join(' or ')} header`, received: `headers ${show([...exchange.headers.keys()])}` });
  }
  findings.push(...bodyChecks(operation, exchange, documented));
  if (exchange.status >= 400) findings.push(...errorShape(operation, exchange, requestIds));
  return findings;
}
