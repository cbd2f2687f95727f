/**
 * The live proxy's judgement of one forwarded exchange, runtime-neutral: the single-exchange rules
 * of `exchange-checks.ts` (status, Content-Type, request-id header, schema, error shape) applied to
 * what went over the wire, the `x-fileproc-violations` header value and the JSON-lines record.
 */
import type { Finding, WireExchange } from '../exchange-checks.ts';
import { findOperation, responseFor } from '../spec-operations.ts';

/** Response header the proxy adds: `0`, or the count and the rule ids (`2; response-request-id, error-body-shape`). */
export const VIOLATIONS_HEADER = 'x-fileproc-violations';

/** One judged exchange, as written to the JSON-lines report. */
export interface ExchangeRecord {
  at: string;
  method: string;
  url: string;
  status: number;
  violations: Finding[];
}

/**
 * Whether the body must be read to judge the exchange: errors, XML answers and every answer the
 * spec documents as XML (a wrong Content-Type must not let it stream past the checks). Other
 * successful bodies (object downloads, possibly GiB) stream through unread.
 */
export function needsBody(method: string, url: string, status: number, contentType: string | null): boolean {
  if (status >= 300 || /xml/i.test(contentType ?? '')) return true;
  const operation = findOperation(method, url);
  const documented = operation && responseFor(operation, status);
  return !!documented && (documented.xmlSchemas.length > 0 || documented.contentTypes.includes('application/xml'));
}

/** The header value announcing the findings (a compact list of distinct rule ids). */
export function violationsHeader(findings: readonly Finding[]): string {
  if (findings.length === 0) return '0';
  return `${findings.length}; ${[...new Set(findings.map((finding) => finding.ruleId))].join(', ')}`;
}

/** The JSON-lines record of one exchange. */
export function exchangeRecord(exchange: WireExchange, findings: Finding[], at: Date): ExchangeRecord {
  return { at: at.toISOString(), method: exchange.method, url: exchange.url, status: exchange.status, violations: findings };
}

/** One log line per finding: rule id, request, documented vs received. */
export function findingLines(exchange: WireExchange, findings: readonly Finding[]): string[] {
  return findings.map((finding) => `[fileproc] violation ${finding.ruleId}: ${exchange.method} ${exchange.url} → HTTP ${exchange.status}; documented ${finding.documented}; received ${finding.received} (${finding.spec})`);
}
