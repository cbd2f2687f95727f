/**
 * `fileproc proxy`: a node:http forward proxy in front of a real implementation. Every request goes
 * upstream byte for byte (method, path or absolute-form target, raw headers with Host, streamed
 * body); every answer comes back unchanged except for one added `x-fileproc-violations` header,
 * after the single-exchange rules judged it (`live-proxy/judge.ts`). Violations are logged with
 * their rule id and appended to a JSON-lines report.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { checkExchange, type WireExchange } from './exchange-checks.ts';
import { VIOLATIONS_HEADER, exchangeRecord, findingLines, needsBody, violationsHeader, type ExchangeRecord } from './live-proxy/judge.ts';

/** Where the proxy listens, what it forwards to, where it reports. */
export interface LiveProxyOptions {
  /** Origin of the implementation, e.g. `http://127.0.0.1:9000`. */
  upstream: string;
  host?: string;
  /** Default 0 (a free port). */
  port?: number;
  /** JSON-lines report, one record per exchange (appended). */
  reportFile?: string;
  /** Violation log lines; default console.error. */
  log?: (line: string) => void;
}

/** A running proxy. */
export interface LiveProxy {
  url: string;
  port: number;
  /** Every judged exchange so far, oldest first. */
  records(): readonly ExchangeRecord[];
  close(): Promise<void>;
}

function wireHeaders(raw: readonly string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string);
  return headers;
}

/** Starts the proxy; resolves once it listens. */
export async function startLiveProxy(options: LiveProxyOptions): Promise<LiveProxy> {
  const upstream = new URL(options.upstream);
  const client = upstream.protocol === 'https:' ? https : http;
  const log = options.log ?? ((line: string) => console.error(line));
  const report: WriteStream | undefined = options.reportFile ? createWriteStream(options.reportFile, { flags: 'a' }) : undefined;
  const records: ExchangeRecord[] = [];

  const judged = (exchange: WireExchange): string => {
    const findings = checkExchange(exchange);
    const record = exchangeRecord(exchange, findings, new Date());
    records.push(record);
    report?.write(`${JSON.stringify(record)}\n`);
    for (const line of findingLines(exchange, findings)) log(line);
    return violationsHeader(findings);
  };

  const server = http.createServer((req, res) => {
    const target = req.url ?? '/';
    const outgoing = client.request({ host: upstream.hostname, port: upstream.port || undefined, method: req.method, path: target, headers: req.rawHeaders }, (incoming) => {
      const status = incoming.statusCode ?? 502;
      const base = { method: req.method ?? 'GET', url: target, status, headers: wireHeaders(incoming.rawHeaders) };
      const head = (value: string) => res.writeHead(status, incoming.statusMessage, [...incoming.rawHeaders, VIOLATIONS_HEADER, value]);
      if (!needsBody(base.method, target, status, incoming.headers['content-type'] ?? null)) {
        head(judged({ ...base, text: '' }));
        incoming.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const body = Buffer.concat(chunks);
        head(judged({ ...base, text: req.method === 'HEAD' ? '' : body.toString('utf8') }));
        res.end(body);
      });
    });
    outgoing.on('error', (error) => {
      log(`[fileproc] proxy: upstream ${options.upstream} failed for ${req.method} ${target}: ${error.message}`);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`[fileproc] upstream unreachable: ${error.message}`);
    });
    req.pipe(outgoing);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    records: () => [...records],
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (report) await new Promise<void>((resolve) => report.end(resolve));
    },
  };
}
