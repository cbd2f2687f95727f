/**
 * Old vs new `fileproc serve` side by side under the same load: each given checkout's server (run
 * from its sources, `FILEPROC_TSX=1`) and the bare baseline start once, then short wrk runs
 * alternate between them round by round; prints each run's server CPU µs per request (user +
 * system from /proc) and the medians. For judging a change on a busy machine, where two runs
 * minutes apart see different load.
 *   npx tsx bench/http-ab.ts describe|submit [--rounds N] [--duration S] <name>=<checkout dir> ...
 *   e.g. git worktree add /tmp/old HEAD && ln -s $PWD/node_modules /tmp/old/ &&
 *        npx tsx bench/http-ab.ts describe old=/tmp/old new=.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { cpuMs } from './http-procs.ts';
import { runWrk, type WrkRun } from './http-wrk.ts';
import { AUTH, HOSTS, SUBMIT_BODY, prepareFileproc } from './http-cases.ts';

const argv = process.argv.slice(2);
const which = argv[0] === 'submit' ? 'submit' : 'describe';
const option = (name: string, fallback: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const rounds = option('--rounds', 3);
const durationS = option('--duration', 3);
const checkouts = argv.filter((arg) => arg.includes('=')).map((arg) => {
  const [name, dir] = arg.split('=') as [string, string];
  return { name, dir: resolve(dir) };
});
if (checkouts.length === 0) throw new Error('[fileproc] bench: name at least one <name>=<checkout dir>');

async function answering(url: string, child: ChildProcess): Promise<void> {
  const started = performance.now();
  while (child.exitCode === null && performance.now() - started < 60_000) {
    try {
      await (await fetch(`${url}/file_jobs/f00000000000000000000000000000000`)).arrayBuffer();
      return;
    } catch {
      await new Promise((done) => setTimeout(done, 20));
    }
  }
  throw new Error(`[fileproc] bench: the server on ${url} did not answer`);
}

interface Target { name: string; url: string; child: ChildProcess; fileproc: boolean; samples: number[] }

const targets: Target[] = [];
let port = 9300;
for (const { name, dir } of checkouts) {
  const url = `http://127.0.0.1:${++port}`;
  const child = spawn(process.execPath, [`${dir}/mocks/cli/fileproc.js`, 'serve', '--port', String(port), '--clock', 'virtual', '--seed', '1'],
    { cwd: dir, stdio: 'ignore', env: { ...process.env, FILEPROC_TSX: '1' } });
  targets.push({ name, url, child, fileproc: true, samples: [] });
}
const bareUrl = `http://127.0.0.1:${++port}`;
const bareMode = which === 'submit' ? 'parse' : 'fixed';
targets.push({ name: `bare-${bareMode}`, url: bareUrl, fileproc: false, samples: [],
  child: spawn(process.execPath, ['--import', 'tsx', 'bench/http-servers.ts', bareMode, String(port)], { stdio: 'ignore' }) });

try {
  for (const target of targets) await answering(target.url, target.child);
  const jobIds = new Map<Target, string>();
  for (const target of targets) if (target.fileproc) jobIds.set(target, await prepareFileproc(target.url));
  const base = { connections: 50, threads: 1, durationS, headers: AUTH };
  const run = (target: Target): WrkRun => (which === 'describe'
    ? { ...base, url: `${target.url}/file_jobs/${jobIds.get(target) ?? 'f93984788066911ed89ed352d4d9d2084'}` }
    : { ...base, url: `${target.url}/file_jobs`, method: 'POST', body: SUBMIT_BODY, headers: { ...AUTH, 'Content-Type': 'application/xml' }, hosts: HOSTS });
  for (const target of targets) await runWrk({ ...run(target), durationS: 1 }); // warm-up (JIT)
  for (let round = 0; round < rounds; round++) {
    for (const target of targets) {
      if (target.fileproc && which === 'submit') await fetch(`${target.url}/__fileproc/reset`, { method: 'POST' });
      const pid = target.child.pid as number;
      const before = cpuMs(pid);
      const result = await runWrk(run(target));
      const us = ((cpuMs(pid) - before) * 1000) / result.requests;
      target.samples.push(us);
      console.log(`round ${round + 1} ${which} ${target.name.padEnd(12)} ${String(Math.round(result.rps)).padStart(6)} req/s  ${us.toFixed(1).padStart(6)} µs/req  non-2xx ${result.non2xx}`);
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  for (const target of targets) console.log(`median ${which} ${target.name.padEnd(12)} ${median(target.samples).toFixed(1)} µs/req`);
} finally {
  for (const target of targets) target.child.kill('SIGTERM');
}
