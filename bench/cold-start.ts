/**
 * Cold start of `fileproc serve`: N launches of `node mocks/cli/fileproc.js serve --port P --clock
 * virtual --seed 1`, each timed from spawn to the "listening" line and to the first HTTP answer,
 * plus the child's CPU time (all its threads) at that answer, which load from other processes
 * hardly changes. One untimed launch first (it refreshes the cached bundle if a source changed).
 *   npx tsx bench/cold-start.ts [--quick] [--runs N] [--port P] [--json]
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const runs = option('--runs', argv.includes('--quick') ? 3 : 7);
const port = option('--port', 19300);
const root = fileURLToPath(new URL('../', import.meta.url));
// The same request as bench/http-procs.ts: describe a job that does not exist (200, NonExistJobIds).
const FIRST_PATH = '/file_jobs/f00000000000000000000000000000000';

/** One launch: wall ms to the listening line and to the first answer, child CPU ms at that answer. */
interface Launch { listenMs: number; answerMs: number; cpuMs: number }

/** CPU time (ms) of every live thread of `pid`, from /proc/<pid>/task/<tid>/schedstat (ns, Linux). */
function threadCpuMs(pid: number): number {
  let ns = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return ns / 1e6;
}

async function launch(): Promise<Launch> {
  const started = performance.now();
  const child = spawn(process.execPath, ['mocks/cli/fileproc.js', 'serve', '--port', String(port), '--clock', 'virtual', '--seed', '1'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    // Waiting for the line (instead of polling) keeps this process off the CPU the child needs.
    const listenMs = await new Promise<number>((resolve, reject) => {
      let seen = '';
      child.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        if (seen.includes('[fileproc] listening on ')) resolve(performance.now() - started);
      });
      child.once('exit', (code) => reject(new Error(`[fileproc] bench: serve exited (${code}) before listening: ${seen}`)));
    });
    const response = await fetch(`http://127.0.0.1:${port}${FIRST_PATH}`);
    const body = await response.text();
    const answerMs = performance.now() - started;
    const cpuMs = threadCpuMs(child.pid as number);
    if (response.status !== 200 || !body.includes('<NonExistJobIds>')) throw new Error(`[fileproc] bench: unexpected first answer ${response.status}: ${body}`);
    return { listenMs, answerMs, cpuMs };
  } finally {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const stats = (values: number[]) => {
  const s = sorted(values);
  return { median: s[Math.floor(s.length / 2)] ?? Number.NaN, min: s[0] ?? Number.NaN, max: s[s.length - 1] ?? Number.NaN };
};

async function main(): Promise<void> {
  // Warm this process's fetch (undici loads on first use) so the first timed launch is not charged for it.
  await fetch('http://127.0.0.1:1/').catch(() => {});
  const loadBefore = loadavg();
  await launch();
  const launches: Launch[] = [];
  for (let i = 0; i < runs; i++) {
    launches.push(await launch());
    console.error(`launch ${i + 1}/${runs}: listening ${launches.at(-1)?.listenMs.toFixed(0)} ms, first answer ${launches.at(-1)?.answerMs.toFixed(0)} ms, child CPU ${launches.at(-1)?.cpuMs.toFixed(0)} ms`);
  }
  const loadAfter = loadavg();
  const summary = {
    runs,
    listenMs: stats(launches.map((l) => l.listenMs)),
    answerMs: stats(launches.map((l) => l.answerMs)),
    cpuMs: stats(launches.map((l) => l.cpuMs)),
    load: { before: loadBefore.map((l) => Number(l.toFixed(2))), after: loadAfter.map((l) => Number(l.toFixed(2))) },
  };
  if (argv.includes('--json')) {
    console.log(JSON.stringify(summary, null, 2));
    return;
  }
  const row = (name: string, s: { median: number; min: number; max: number }) => `| ${name} | ${s.median.toFixed(0)} | ${s.min.toFixed(0)} | ${s.max.toFixed(0)} |`;
  console.log(`fileproc serve cold start, ${runs} launches after one untimed launch (load average ${summary.load.before.join(' ')} → ${summary.load.after.join(' ')})`);
  console.log(['| measure | median ms | min ms | max ms |', '|---|---:|---:|---:|', row('launch → listening line', summary.listenMs), row('launch → first answer', summary.answerMs), row('child CPU at first answer', summary.cpuMs)].join('\n'));
  console.log(`${summary.answerMs.median <= 300 ? 'MET' : 'MISS'} cold start ≤ 300 ms: median ${summary.answerMs.median.toFixed(0)} ms`);
}

await main();
