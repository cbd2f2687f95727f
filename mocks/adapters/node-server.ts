/**
 * `startServer`: the mock's fetch handler on `node:http` (no framework). Keep-alive connections,
 * streaming bodies both ways, and a graceful `close()` that stops accepting, lets in-flight
 * requests finish (bounded), then drops what is left. A failing request never takes the process
 * down: it becomes a 500 `InternalError` body (or a closed socket if the answer had started).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { errorBody } from '../../protocol/errors.ts';
import { xmlSafe as xmlText } from '../http/respond.ts';
import type { Reply, RequestView } from '../http/exchange.ts';
import { requestUrl, toRequestView, toWebRequest } from './node-request.ts';
import { writeReply, writeWebResponse } from './node-response.ts';
import { TurnEndWrites } from './write-batch.ts';

/**
 * Anything with the mock's fetch handler (`createMock()` returns one). With `handle` (the same
 * handler on the minimal request/response, `Mock.handle`) the server builds no Web objects.
 */
export interface FetchTarget {
  fetch(request: Request): Promise<Response>;
  handle?(request: RequestView): Promise<Reply>;
}

/** Options of `startServer`. */
export interface StartServerOptions {
  mock: FetchTarget;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** How long `close()` waits for in-flight requests before dropping connections. Default 5 s. */
  shutdownTimeoutMs?: number;
  /** Where failures are reported; default console.error. */
  logError?: (message: string, error: unknown) => void;
  /**
   * Write the answers finished in one event-loop turn together at its end (`write-batch.ts`):
   * fewer wake-ups of the client per answer under load. Default true.
   */
  batchWrites?: boolean;
}

/** A running server. */
export interface RunningServer {
  readonly server: Server;
  readonly url: string;
  readonly port: number;
  /** Requests being answered right now. */
  readonly inFlight: number;
  /** Graceful shutdown; resolves when every connection is gone. Idempotent. */
  close(): Promise<void>;
}

/** An `<Error>` answered by the adapter itself (the request never reached the mock). */
function adapterError(res: ServerResponse, status: number, code: string, message: string, resource: string): string {
  const requestId = `adapter-${randomUUID()}`;
  const body = errorBody({ Code: code, Message: xmlText(message), Resource: xmlText(resource), RequestId: requestId, TraceId: requestId });
  // The request-id header matters: without one the Node SDK switches hosts on its last retry (wire "Retries").
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body), server: 'fileproc-kit', 'x-cos-request-id': requestId });
  res.end(body);
  return requestId;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Starts listening; resolves once the port is bound. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const logError = options.logError ?? ((message, error) => console.error(message, error));
  const { mock } = options;
  let inFlight = 0;
  let closing: Promise<void> | undefined;
  let idle: (() => void) | undefined;
  const batch = options.batchWrites === false ? undefined : new TurnEndWrites();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    inFlight++;
    let resource = req.url ?? '/';
    try {
      let url: URL;
      try {
        url = requestUrl(req, `${host}:${port}`);
      } catch {
        // e.g. `Host: a b`: client input, so a 400 rather than the 500 of an unexpected failure.
        adapterError(res, 400, 'InvalidURI', `[fileproc] the request target ${resource} with Host "${req.headers.host ?? ''}" is not a valid URL`, resource);
        return;
      }
      resource = url.pathname;
      if (closing) res.setHeader('connection', 'close');
      const method = req.method ?? 'GET';
      if (mock.handle) {
        // Awaited only when pending: each needless await is another microtask per request.
        const view = toRequestView(req, url);
        const reply = await mock.handle(view instanceof Promise ? await view : view);
        if (batch) await batch.turnEnd();
        const written = writeReply(reply, res, method);
        if (written) await written;
      } else await writeWebResponse(await mock.fetch(await toWebRequest(req, url)), res, method);
    } catch (error) {
      if (!res.headersSent && !res.destroyed) {
        const requestId = adapterError(res, 500, 'InternalError', 'We encountered an internal error. Please try again.', resource);
        logError(`[fileproc] ${req.method} ${resource} failed inside the server adapter; answered 500 (RequestId ${requestId})`, error);
      } else {
        logError(`[fileproc] ${req.method} ${resource} failed inside the server adapter with the answer started or the client gone; connection closed`, error);
        res.destroy();
      }
    } finally {
      inFlight--;
      if (inFlight === 0) idle?.();
    }
  }

  const server = createServer({ keepAlive: true }, (req, res) => void handle(req, res));
  // Unparseable requests: answer 400 on the socket instead of an unhandled error.
  server.on('clientError', (_error, socket: Socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => { server.off('error', reject); resolve(); });
  });
  const port = (server.address() as AddressInfo).port;

  async function close(): Promise<void> {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const bound = options.shutdownTimeoutMs ?? 5000;
    server.closeIdleConnections();
    if (inFlight > 0) await Promise.race([new Promise<void>((resolve) => { idle = resolve; }), delay(bound)]);
    // Keep-alive sockets whose last answer just finished are idle now; a short grace lets the
    // final bytes flush before anything still open is cut.
    server.closeIdleConnections();
    await Promise.race([closed, delay(100)]);
    server.closeAllConnections();
    await closed;
  }

  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    server, port, url: `http://${urlHost}:${port}`,
    get inFlight() { return inFlight; },
    close: () => (closing ??= close()),
  };
}
