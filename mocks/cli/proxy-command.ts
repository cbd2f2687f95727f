/**
 * `fileproc proxy --upstream URL [--host H] [--port N] [--report FILE]`: argument parsing and
 * process signals only; the proxy is `conformance/live-proxy.node.ts`. Runs until SIGINT/SIGTERM,
 * then prints the violation count; exit 0 after a clean shutdown, 2 on bad arguments.
 */
import { parseArgs } from 'node:util';
import { startLiveProxy } from '../../conformance/live-proxy.node.ts';

const help = `Usage: fileproc proxy --upstream URL [options]

Forwards every request unchanged to URL and checks each answer with the single-exchange rules
(status, headers, XML body against the schema, error shape). Adds x-fileproc-violations to each
answer and logs every violation with its rule id (conformance/README.md).

  --upstream URL   origin of the implementation, e.g. http://127.0.0.1:9000 (required)
  --host HOST      address to listen on (default 127.0.0.1)
  --port N         port (default 9100; 0 picks a free one)
  --report FILE    append one JSON line per exchange (method, url, status, violations)`;

const options = {
  upstream: { type: 'string' },
  host: { type: 'string', default: '127.0.0.1' },
  port: { type: 'string', default: '9100' },
  report: { type: 'string' },
  help: { type: 'boolean' },
} as const;

function usageError(message: string): number {
  console.error(`[fileproc] ${message}\n${help}`);
  return 2;
}

/** Runs the proxy until a signal; returns the exit code. */
export async function proxyCommand(args: string[]): Promise<number> {
  let values: ReturnType<typeof parseArgs<{ args: string[]; options: typeof options }>>['values'];
  try {
    values = parseArgs({ args, options, strict: true }).values;
  } catch (error) {
    return usageError((error as Error).message);
  }
  if (values.help) {
    console.log(help);
    return 0;
  }
  if (!values.upstream || !/^https?:\/\/[^/]+\/?$/.test(values.upstream)) return usageError(`--upstream must be an http(s) origin, got "${values.upstream ?? ''}"`);
  if (!/^\d+$/.test(values.port) || Number(values.port) > 65535) return usageError(`--port must be 0..65535, got "${values.port}"`);
  const proxy = await startLiveProxy({ upstream: values.upstream, host: values.host, port: Number(values.port), ...(values.report && { reportFile: values.report }) });
  console.log(`[fileproc] proxy listening on ${proxy.url} → ${values.upstream}${values.report ? ` (report ${values.report})` : ''}`);
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  await proxy.close();
  const records = proxy.records();
  const violations = records.reduce((sum, record) => sum + record.violations.length, 0);
  console.log(`[fileproc] ${signal}: ${records.length} exchanges, ${violations} violations`);
  return 0;
}
