/**
 * CPU per request of the mock's handler alone (in process, no sockets): `mock.handle` — what the
 * node:http adapter calls — and `mock.fetch` (the Web wrapper MSW and browsers use), for the
 * describe and submit cases of `bench/http.ts`. Cheap and little disturbed by other load, so it
 * shows what a handler change is worth before a wrk run.
 *   npx tsx bench/http-core.ts [--requests N]
 */
import { createMock } from '../mocks/index.ts';
import type { RequestView } from '../mocks/http/exchange.ts';
import { HOSTS, SUBMIT_BODY } from './http-cases.ts';

const argv = process.argv.slice(2);
const requests = argv.includes('--requests') ? Number(argv[argv.indexOf('--requests') + 1]) : 20_000;
const ORIGIN = 'http://127.0.0.1:9000';
const submitBytes = new TextEncoder().encode(SUBMIT_BODY);

function view(method: string, url: string, headers: Record<string, string>, body: Uint8Array | null = null): RequestView {
  return {
    method, url, body,
    headers: { get: (name) => headers[name.toLowerCase()] ?? null, forEach: (visit) => { for (const name in headers) visit(headers[name] as string, name); } },
  };
}

async function cpuPerRequest(run: (i: number) => Promise<unknown>, before?: () => Promise<void>): Promise<number> {
  for (let i = 0; i < 5000; i++) await run(i); // warm-up (JIT)
  await before?.();
  const start = process.cpuUsage();
  for (let i = 0; i < requests; i++) await run(i);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / requests;
}

const mock = createMock({ clock: 'virtual', seed: 1 });
await mock.handle(view('PUT', `${ORIGIN}/bench/a.txt`, { host: '127.0.0.1:9000' }, new Uint8Array([1, 2, 3])));
const submitted = await mock.handle(view('POST', `${ORIGIN}/file_jobs`, { host: '127.0.0.1:9000' }, submitBytes));
const jobId = /<JobId>(\w+)</.exec(String(submitted.body))?.[1];
if (!jobId) throw new Error(`[fileproc] bench: submit failed: ${String(submitted.body)}`);
await mock.admin.advance(10_000);

const describeView = () => view('GET', `${ORIGIN}/file_jobs/${jobId}`, { host: '127.0.0.1:9000' });
const submitView = (i: number) => view('POST', `${ORIGIN}/file_jobs`, { host: HOSTS[i % HOSTS.length] as string, 'content-length': String(submitBytes.length) }, submitBytes);
const reset = () => mock.admin.reset();
const results = {
  'describe handle': await cpuPerRequest(() => mock.handle(describeView())),
  'describe fetch': await cpuPerRequest(async () => (await mock.fetch(new Request(`${ORIGIN}/file_jobs/${jobId}`))).text()),
  'submit handle': await cpuPerRequest((i) => mock.handle(submitView(i)), reset),
  'submit fetch': await cpuPerRequest(async (i) => (await mock.fetch(new Request(`${ORIGIN}/file_jobs`, { method: 'POST', body: SUBMIT_BODY, headers: { host: HOSTS[i % HOSTS.length] as string } }))).text(), reset),
};
console.log(`in-process CPU µs per request (${requests} requests after 5000 warm-up)`);
for (const [name, us] of Object.entries(results)) console.log(`${name.padEnd(16)} ${us.toFixed(1)}`);
await mock.close();
