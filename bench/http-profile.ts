/**
 * Where the CPU of one `fileproc serve` case goes: runs the server under `node --cpu-prof`, loads it
 * with wrk (describe or submit, as `bench/http.ts` does), stops it, and prints the hottest functions
 * by self and by inclusive time, in µs per request.
 *   npx tsx bench/http-profile.ts describe|submit [--duration S] [--top N] [--interval µs]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runWrk } from './http-wrk.ts';
import { AUTH, HOSTS, SUBMIT_BODY, prepareFileproc } from './http-cases.ts';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const argv = process.argv.slice(2);
const which = argv[0] === 'submit' ? 'submit' : 'describe';
const option = (name: string, fallback: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const root = fileURLToPath(new URL('../', import.meta.url));

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.split('/').slice(-2).join('/');
  return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
}

/** Self and inclusive µs per function label (recursion counted once per sample). */
function summarise(profile: Profile): { self: Map<string, number>; total: Map<string, number>; all: number } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === '(idle)') return;
    all += us;
    self.set(label(node), (self.get(label(node)) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = label(byId.get(at) as ProfileNode);
      if (!seen.has(name)) total.set(name, (total.get(name) ?? 0) + us);
      seen.add(name);
    }
  });
  return { self, total, all };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fileproc-prof-'));
  const port = 19300;
  const child = spawn(process.execPath, ['--cpu-prof', '--cpu-prof-interval', String(option('--interval', 200)), '--cpu-prof-dir', dir, 'mocks/cli/fileproc.js', 'serve', '--port', String(port), '--clock', 'virtual', '--seed', '1'], { cwd: root, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 2000; i++) {
    try { await (await fetch(`${url}/__fileproc/state`)).arrayBuffer(); break; } catch { await new Promise((r) => setTimeout(r, 10)); }
  }
  const jobId = await prepareFileproc(url);
  const base = { url: `${url}/file_jobs/${jobId}`, connections: 50, threads: 1, durationS: option('--duration', 4), headers: AUTH };
  const run = which === 'describe' ? base : { ...base, url: `${url}/file_jobs`, method: 'POST' as const, body: SUBMIT_BODY, headers: { ...AUTH, 'Content-Type': 'application/xml' }, hosts: HOSTS };
  await runWrk({ ...run, durationS: 1 });
  const result = await runWrk(run);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error('[fileproc] bench: no profile was written');
  const { self, total, all } = summarise(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile);
  rmSync(dir, { recursive: true, force: true });
  const requests = result.requests + Math.round(result.rps); // + the warm-up second, roughly
  const top = option('--top', 30);
  const show = (title: string, map: Map<string, number>) => {
    console.log(`\n${title} (µs per request)`);
    for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${(us / requests).toFixed(2).padStart(8)}  ${name}`);
  };
  console.log(`${which}: ${result.requests} requests in ${run.durationS} s (${result.rps.toFixed(0)} req/s); profiled CPU ${(all / requests).toFixed(1)} µs per request (incl. warm-up and setup)`);
  show('self time', self);
  show('inclusive time', total);
}

await main();
