/**
 * The one HTTP implementation (ARCHITECTURE "One HTTP implementation"): `(Request) => Promise<Response>`
 * (`webFetchOf`), a thin Web wrapper around the core `(RequestView) => Promise<Reply>` (`exchange.ts`) that the
 * node:http adapter calls directly. The core parses the URL (origin- or absolute-form, bucket from Host), looks the route up in the table,
 * enforces the body limit and (when configured) signatures, runs the handler, and turns every
 * failure into an `<Error>` body: known errors with their status, anything else is logged and
 * answered `500 InternalError` — a request never crashes the server.
 */
import { authenticate } from './auth.ts';
import { checkDeclaredLength } from './body.ts';
import { preflight, withCors } from './cors.ts';
import { HttpError, toHttpError } from './http-error.ts';
import { hostDelay } from './http-script.ts';
import { parseHost, type HostKind } from './host.ts';
import { classifyPath } from './path-shape.ts';
import type { Reply, RequestView } from './exchange.ts';
import { errorResponse, type ResponseFamily, type ResponseMeta } from './respond.ts';
import { lookupRoute, selectorOf } from './routes.ts';
import type { MockServices, Route } from './types.ts';
import { fromWebRequest, toWebResponse } from './web-exchange.ts';

const HOST_FAMILY: Partial<Record<HostKind, ResponseFamily>> = { ci: 'ci', 'ci-service': 'ci', cos: 'cos', jd: 'jd' };

/** Which side answers: admin routes are the mock's own; otherwise the Host decides, else the route. */
function familyOf(host: HostKind, route: Route | undefined, path: string): ResponseFamily {
  if (route?.family === 'admin') return 'admin';
  const fromHost = HOST_FAMILY[host];
  if (fromHost) return fromHost;
  if (route) return route.family;
  return /^\/(file_jobs|jobs|file_queue|file_bucket)(\/|$)/.test(path) ? 'ci' : 'cos';
}

/** The handler on the minimal request/response (what server adapters call). */
export type CoreHandler = (request: RequestView) => Promise<Reply>;

/** The Web fetch handler of a core handler: what MSW, browsers and in-process callers use. */
export function webFetchOf(core: CoreHandler): (request: Request) => Promise<Response> {
  return async (request) => toWebResponse(await core(fromWebRequest(request)));
}

/**
 * Builds the core handler over composed services. Every exit goes through withCors (inline rather
 * than a wrapper: one async layer less per request).
 */
export function createCoreHandler(services: MockServices): CoreHandler {
  return async (request) => {
    const meta: ResponseMeta = { family: 'cos', requestId: services.nextRequestId(), traceId: '' };
    let resource = '/';
    try {
      const url = request.parsedUrl ?? new URL(request.url);
      const hostHeader = request.headers.get('host') ?? url.host;
      const host = parseHost(hostHeader, services.defaults);
      resource = url.pathname;
      const path = classifyPath(url.pathname, host.kind);
      if (request.method === 'OPTIONS') {
        const answered = preflight(request, { ...meta, family: familyOf(host.kind, undefined, url.pathname) });
        if (answered) return withCors(request, answered);
      }
      const found = path && lookupRoute(request.method, path.shape, selectorOf(url.searchParams));
      const route = found && 'handler' in found ? found : undefined;
      meta.family = familyOf(host.kind, route, url.pathname);
      if (!path) throw new HttpError('NoSuchResource', 404, `no operation is served at ${url.pathname} on ${hostHeader}`, url.pathname);
      if (!route) {
        const allowed = found && 'allowed' in found ? found.allowed : [];
        throw new HttpError('MethodNotAllowed', 405, `the method ${request.method} is not allowed against ${url.pathname}; allowed: ${allowed.join(', ')}`, url.pathname, { Allow: allowed.join(', ') });
      }
      const streamsObject = route.shape === 'object' && request.method === 'PUT' || route.shape === 'admin/objects/{key}';
      checkDeclaredLength(request, streamsObject ? services.limits.maxObjectBytes : services.limits.maxXmlBodyBytes);
      // Checked here too so that a server without keys spends no promise on authentication.
      if (!route.unsigned && services.keys.size > 0) await authenticate(request, hostHeader, services);
      if (route.family !== 'admin') {
        const scripted = services.httpScript.take(request.method, url.pathname, route.operationId);
        if (scripted) await hostDelay(scripted.delayMs);
        if (scripted?.error) throw scripted.error;
      }
      return withCors(request, await route.handler({ request, url, host, variable: path.variable, meta, services }));
    } catch (error) {
      let known = toHttpError(error);
      if (!known) {
        services.log('error', `[fileproc] ${request.method} ${request.url} failed unexpectedly (answered 500 InternalError)`, error);
        known = new HttpError('InternalError', 500, 'We encountered an internal error. Please try again.');
      }
      meta.traceId = services.nextRequestId();
      try {
        return withCors(request, errorResponse(meta, known, resource, request.method));
      } catch (renderError) {
        // Last line of defence: an error that cannot be rendered must still not escape.
        services.log('error', '[fileproc] could not render an error body', renderError);
        return withCors(request, errorResponse(meta, new HttpError('InternalError', 500, 'We encountered an internal error. Please try again.'), '/', request.method));
      }
    }
  };
}
