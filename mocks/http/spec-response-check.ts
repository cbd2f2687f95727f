/**
 * Test support: checks an answer against the spec's own description of the operation — the status
 * must be one the operation documents, and an XML body must decode and validate against the schema
 * the spec gives for that status (including the `x-fileproc-select-by` choice of `GET /{Key}`).
 */
import { codecFor, cosCiDocument, jdcloudDocument } from '../../protocol/codec.ts';
import { validatorFor } from '../../protocol/validate.ts';
import { parseHost } from './host.ts';
import { classifyPath } from './path-shape.ts';
import { lookupRoute, selectorOf } from './routes.ts';

type Json = Record<string, unknown>;
interface ResponseObject { $ref?: string; content?: Record<string, { schema?: Json }>; 'x-fileproc-select-by'?: { parameter: string; schemas: Record<string, string> } }

function operation(document: Json, operationId: string): Json | undefined {
  for (const item of Object.values(document.paths as Record<string, Record<string, Json>>)) {
    for (const op of Object.values(item)) if (op && op.operationId === operationId) return op;
  }
  return undefined;
}

function schemaName(response: ResponseObject, query: URLSearchParams): string | undefined {
  const schema = response.content?.['application/xml']?.schema;
  if (!schema) return undefined;
  if (typeof schema.$ref === 'string') return schema.$ref.split('/').pop();
  const select = response['x-fileproc-select-by'];
  return select ? select.schemas[query.get(select.parameter) ?? ''] : undefined;
}

/** The spec operation a request is routed to, if any (admin and routing errors have none). */
export function operationOf(method: string, url: URL, host: string): string | undefined {
  const path = classifyPath(url.pathname, parseHost(host, { bucket: 'b-1', region: 'r' }).kind);
  if (!path) return undefined;
  const found = lookupRoute(method, path.shape, selectorOf(url.searchParams));
  return 'handler' in found ? found.operationId : undefined;
}

/** A problem with the answer, or undefined when it is what the spec documents. */
export function specProblem(operationId: string, status: number, contentType: string | null, text: string, query: URLSearchParams): string | undefined {
  const api = operationId === 'compressObject' ? 'jdcloud' : 'cos-ci';
  const document = (api === 'jdcloud' ? jdcloudDocument : cosCiDocument) as unknown as Json;
  const op = operation(document, operationId);
  if (!op) return `${operationId} is not in the ${api} spec`;
  let response = (op.responses as Record<string, ResponseObject>)[String(status)];
  if (response?.$ref) response = (document.components as { responses: Record<string, ResponseObject> }).responses[response.$ref.split('/').pop() as string];
  if (!response) return `${operationId} does not document status ${status}`;
  if (contentType !== 'application/xml') return undefined;
  const name = schemaName(response, query);
  if (!name) return `${operationId} ${status}: the spec gives no XML schema, yet the answer is XML`;
  try {
    const checked = validatorFor(api).validate(codecFor(api).decode(text, name), name);
    return checked.ok ? undefined : `${operationId} ${status}: ${checked.message}`;
  } catch (error) {
    return `${operationId} ${status}: not a ${name}: ${String(error)}`;
  }
}
