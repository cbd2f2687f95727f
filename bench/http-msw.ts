/**
 * MSW in-process benchmark: the cost of a request through `createHandlers` (one MSW handler, the
 * mock's route table behind it) does not depend on which route it hits or on how many routes the
 * API has, while a naive one-handler-per-operation setup pays MSW's linear scan per route position.
 *   npx tsx bench/http-msw.ts [--quick]
 */
import { http, type HttpHandler } from 'msw';
import { setupServer } from 'msw/node';
import cosCiBundle from '../generated/cos-ci.bundled.json' with { type: 'json' };
import { createHandlers } from '../mocks/adapters/msw.ts';
import { createMock } from '../mocks/index.ts';

const quick = process.argv.includes('--quick');
const REQUESTS = quick ? 300 : 2000;
const ROUNDS = quick ? 1 : 3;
const CI = 'http://test-1250000000.ci.ap-guangzhou.myqcloud.com';
const COS = 'http://test-1250000000.cos.ap-guangzhou.myqcloud.com';
const METHODS = ['get', 'put', 'post', 'delete', 'head'] as const;

const mock = createMock({ clock: 'virtual', seed: 5, log: () => {} });
const server = setupServer();
server.listen({ onUnhandledRequest: 'error' });

/** One MSW handler per spec operation, in spec order, each delegating to the same mock. */
function perOperationHandlers(): HttpHandler[] {
  const handlers: HttpHandler[] = [];
  for (const [path, item] of Object.entries(cosCiBundle.paths as Record<string, Record<string, unknown>>)) {
    const pattern = `*${path.replace(/\{(\w+)\}/g, ':$1')}`;
    for (const method of METHODS) if (item[method]) handlers.push(http[method](pattern, ({ request }) => mock.fetch(request)));
  }
  return handlers;
}

/** Unrelated handlers an app already has, registered in front of the mock's. */
const appHandlers = (count: number) => Array.from({ length: count }, (_, i) => http.get(`https://app.example/api/thing-${i}/:id`, () => new Response('{}')));

/** Median CPU µs per request of `REQUESTS` sequential fetches of `url`. */
async function cost(url: string, init?: RequestInit): Promise<number> {
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const before = process.cpuUsage();
    for (let i = 0; i < REQUESTS; i++) {
      const response = await fetch(url, init);
      await response.arrayBuffer();
      if (response.status >= 500) throw new Error(`[fileproc] bench: ${url} answered ${response.status}`);
    }
    const used = process.cpuUsage(before);
    samples.push((used.user + used.system) / REQUESTS);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)] as number;
}

async function main(): Promise<void> {
  await mock.admin.putObject('bench/a.txt', new TextEncoder().encode('bench object'));
  const submitted = await (await mock.fetch(new Request(`${CI}/file_jobs`, { method: 'POST', body: '<Request><Tag>FileHashCode</Tag><Input><Object>bench/a.txt</Object></Input><Operation><FileHashCodeConfig><Type>MD5</Type></FileHashCodeConfig></Operation></Request>' }))).text();
  const jobId = /<JobId>(\w+)<\/JobId>/.exec(submitted)?.[1] ?? '';
  await mock.admin.advance(10_000);
  // Early and late operations of the spec's path order (describe is the 4th, GET object the 14th).
  const targets: [string, string][] = [
    ['describe  GET /file_jobs/{id}', `${CI}/file_jobs/${jobId}`],
    ['list      GET /jobs?tag=', `${CI}/jobs?tag=FileHashCode`],
    ['queues    GET /file_queue', `${CI}/file_queue`],
    ['object    GET /{Key}', `${COS}/bench/a.txt`],
  ];
  const setups: [string, HttpHandler[]][] = [
    ['createHandlers (1 MSW handler)', createHandlers({ mock })],
    ['per-operation MSW handlers (17)', perOperationHandlers()],
    ['createHandlers behind 200 app handlers', [...appHandlers(200), ...createHandlers({ mock })]],
  ];
  console.log(`MSW setupServer, in-process, median CPU µs per request (${REQUESTS} requests × ${ROUNDS} rounds)`);
  console.log(`| route | ${setups.map(([name]) => name).join(' | ')} |\n|---|${setups.map(() => '---:').join('|')}|`);
  for (const [, handlers] of setups) {
    // Warm-up: JIT and MSW's per-handler caches, so the first setup measured is not penalised.
    server.resetHandlers(...handlers);
    for (const [, url] of targets) await cost(url);
  }
  const rows = new Map<string, number[]>();
  for (const [, handlers] of setups) {
    server.resetHandlers(...handlers);
    for (const [name, url] of targets) rows.set(name, [...(rows.get(name) ?? []), await cost(url)]);
  }
  for (const [name, values] of rows) console.log(`| ${name} | ${values.map((v) => v.toFixed(0)).join(' | ')} |`);
  const ours = [...rows.values()].map((v) => v[0] as number);
  console.log(`spread across routes with createHandlers: ${(Math.max(...ours) / Math.min(...ours)).toFixed(2)}× (the routes do different work; the lookup is one map access)`);
}

try {
  await main();
} finally {
  server.close();
  await mock.close();
}
