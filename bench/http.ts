/**
 * HTTP benchmark (issue "The stateful mock"): describe-job and submit-job throughput and p99 at 50
 * connections on loopback, whole processes, medians of interleaved rounds:
 *   fileproc serve (and, for reference, `serve --write-each`: no turn-end write batching)
 *                   vs  bare node:http with a fixed 600-byte body (the ceiling)
 *                   vs  bare node:http that parses the submit body with our XML parser (submit ceiling)
 *                   vs  prism mock on our spec
 * plus cold start (launch → first answer) of `fileproc serve` and of Prism. Load generator: wrk.
 *   npx tsx bench/http.ts [--quick] [--runs N] [--duration S] [--json]
 */
import { runWrk, type WrkResult, type WrkRun } from './http-wrk.ts';
import { cpuMs, startProcess, stopProcess, type ServerKind, type ServerProcess } from './http-procs.ts';
import { AUTH, HOSTS, SUBMIT_BODY, prepareFileproc } from './http-cases.ts';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const option = (name: string, fallback: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const runs = option('--runs', quick ? 1 : 3);
const durationS = option('--duration', quick ? 2 : 5);
const CONNECTIONS = 50;
const THREADS = 1; // the machine has 2 cores: one for wrk, one for the (single-threaded) server

type Measured = WrkResult & { cpuUsPerRequest: number };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

interface Case { name: string; server: ServerKind; run: (url: string) => WrkRun; before?: (url: string) => Promise<void> }

/** `describedJob(url)`: the finished job each fileproc server describes (Prism: its example's id). */
function cases(describedJob: (url: string) => string): Case[] {
  const base = { connections: CONNECTIONS, threads: THREADS, durationS };
  const describe: Case['run'] = (url) => ({ ...base, url: `${url}/file_jobs/${describedJob(url)}`, headers: AUTH });
  const submit: Case['run'] = (url) => ({ ...base, url: `${url}/file_jobs`, method: 'POST', body: SUBMIT_BODY, headers: { ...AUTH, 'Content-Type': 'application/xml' }, hosts: HOSTS });
  const reset = async (url: string) => { await fetch(`${url}/__fileproc/reset`, { method: 'POST' }); };
  return [
    { name: 'describe', server: 'fileproc', run: describe },
    { name: 'describe', server: 'fileproc-write-each', run: describe },
    { name: 'describe', server: 'bare-fixed', run: describe },
    { name: 'describe', server: 'prism', run: describe },
    { name: 'submit', server: 'fileproc', run: submit, before: reset },
    { name: 'submit', server: 'fileproc-write-each', run: submit, before: reset },
    { name: 'submit', server: 'bare-parse', run: submit },
    { name: 'submit', server: 'prism', run: submit },
  ];
}

async function coldStart(kind: ServerKind, port: number, times: number): Promise<number> {
  // One untimed start first: it refreshes fileproc's cached bundle if a source changed.
  await stopProcess(await startProcess(kind, port));
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const server = await startProcess(kind, port);
    samples.push(server.startMs);
    await stopProcess(server);
  }
  return median(samples);
}

async function main(): Promise<void> {
  const kinds: ServerKind[] = ['fileproc', 'fileproc-write-each', 'bare-fixed', 'bare-parse', 'prism'];
  const servers = new Map<ServerKind, ServerProcess>();
  for (const [i, kind] of kinds.entries()) servers.set(kind, await startProcess(kind, 19100 + i));
  const results = new Map<string, Measured[]>();
  try {
    const jobIds = new Map<string, string>();
    for (const kind of ['fileproc', 'fileproc-write-each'] as const) {
      const { url } = servers.get(kind) as ServerProcess;
      jobIds.set(url, await prepareFileproc(url));
    }
    const list = cases((url) => jobIds.get(url) ?? 'f93984788066911ed89ed352d4d9d2084');
    for (const c of list) await runWrk({ ...c.run((servers.get(c.server) as ServerProcess).url), durationS: 1 }); // warm-up (JIT)
    for (let round = 0; round < runs; round++) {
      for (const c of list) {
        const server = servers.get(c.server) as ServerProcess;
        await c.before?.(server.url);
        const cpuBefore = cpuMs(server.child.pid as number);
        const wrk = await runWrk(c.run(server.url));
        const result = { ...wrk, cpuUsPerRequest: ((cpuMs(server.child.pid as number) - cpuBefore) * 1000) / Math.max(1, wrk.requests) };
        const key = `${c.name} ${c.server}`;
        results.set(key, [...(results.get(key) ?? []), result]);
        console.error(`round ${round + 1}/${runs} ${key}: ${result.rps.toFixed(0)} req/s, p99 ${result.p99Ms.toFixed(2)} ms, ${result.cpuUsPerRequest.toFixed(1)} CPU µs/req, non-2xx ${result.non2xx}`);
      }
    }
  } finally {
    for (const server of servers.values()) await stopProcess(server);
  }
  const cold = { fileproc: await coldStart('fileproc', 19200, quick ? 1 : 5), prism: await coldStart('prism', 19201, quick ? 1 : 3) };
  report(results, cold);
}

function report(results: Map<string, Measured[]>, cold: { fileproc: number; prism: number }): void {
  const summary = Object.fromEntries([...results].map(([key, list]) => [key, {
    rps: median(list.map((r) => r.rps)), cpuUs: median(list.map((r) => r.cpuUsPerRequest)), p99Ms: median(list.map((r) => r.p99Ms)), p50Ms: median(list.map((r) => r.p50Ms)),
    non2xx: list.reduce((s, r) => s + r.non2xx, 0), socketErrors: list.reduce((s, r) => s + r.socketErrors, 0),
  }]));
  const get = (key: string) => summary[key] ?? { rps: Number.NaN, cpuUs: Number.NaN, p99Ms: Number.NaN, p50Ms: Number.NaN, non2xx: 0, socketErrors: 0 };
  console.log(`HTTP benchmark: ${CONNECTIONS} connections, wrk -t${THREADS}, ${durationS} s per case, median of ${runs} round(s)${quick ? ' (quick)' : ''}`);
  console.log('| case | req/s | server CPU µs/req | p50 ms | p99 ms | non-2xx |\n|---|---:|---:|---:|---:|---:|');
  for (const [key, r] of Object.entries(summary)) console.log(`| ${key} | ${r.rps.toFixed(0)} | ${r.cpuUs.toFixed(1)} | ${r.p50Ms.toFixed(2)} | ${r.p99Ms.toFixed(2)} | ${r.non2xx} |`);
  const d = get('describe fileproc');
  const s = get('submit fileproc');
  const goals = [
    [`describe ≥ 50 % of the bare fixed-body ceiling`, d.rps / get('describe bare-fixed').rps, 0.5],
    [`describe ≥ 10× prism mock`, d.rps / get('describe prism').rps, 10],
    [`describe p99 ≤ 5 ms`, 5 / d.p99Ms, 1],
    [`submit ≥ 50 % of the bare parse-and-answer server`, s.rps / get('submit bare-parse').rps, 0.5],
    [`cold start ≤ 300 ms (fileproc ${cold.fileproc.toFixed(0)} ms, prism ${cold.prism.toFixed(0)} ms)`, 300 / cold.fileproc, 1],
  ] as const;
  for (const [name, ratio, goal] of goals) console.log(`${ratio >= goal ? 'PASS' : 'MISS'} ${name}: ratio ${ratio.toFixed(2)} (goal ${goal})`);
  // On a loaded machine wall-clock throughput mostly measures contention; CPU per request does not.
  console.log(`CPU-time ratios (load-independent): describe ${(get('describe bare-fixed').cpuUs / d.cpuUs).toFixed(2)} of the ceiling, ${(get('describe prism').cpuUs / d.cpuUs).toFixed(1)}× cheaper than prism; submit ${(get('submit bare-parse').cpuUs / s.cpuUs).toFixed(2)} of bare-parse`);
  const de = get('describe fileproc-write-each');
  const se = get('submit fileproc-write-each');
  console.log(`Turn-end write batching (fileproc vs --write-each): describe ${de.rps.toFixed(0)} → ${d.rps.toFixed(0)} req/s (${de.cpuUs.toFixed(1)} → ${d.cpuUs.toFixed(1)} CPU µs), submit ${se.rps.toFixed(0)} → ${s.rps.toFixed(0)} req/s (${se.cpuUs.toFixed(1)} → ${s.cpuUs.toFixed(1)} CPU µs); without it submit would be ${(se.rps / get('submit bare-parse').rps * 100).toFixed(0)} % of bare-parse`);
  if (d.non2xx > 0 || s.non2xx > 0) console.log(`WARNING: fileproc answered non-2xx (describe ${d.non2xx}, submit ${s.non2xx})`);
  if (argv.includes('--json')) console.log(JSON.stringify({ summary, cold }, null, 2));
}

await main();
