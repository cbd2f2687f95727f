/** Server processes of `bench/http.ts`: start, wait until they answer, stop; cold-start timing. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const prismBin = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js');
const spec = fileURLToPath(new URL('../generated/cos-ci.bundled.yaml', import.meta.url));

/** The servers compared; each is a whole process. */
export type ServerKind = 'fileproc' | 'fileproc-write-each' | 'bare-fixed' | 'bare-parse' | 'prism';

function command(kind: ServerKind, port: number): string[] {
  switch (kind) {
    case 'fileproc': return ['mocks/cli/fileproc.js', 'serve', '--port', String(port), '--clock', 'virtual', '--seed', '1'];
    // The same server writing each answer at once (no turn-end batching): shows what batching adds.
    case 'fileproc-write-each': return ['mocks/cli/fileproc.js', 'serve', '--port', String(port), '--clock', 'virtual', '--seed', '1', '--write-each'];
    case 'bare-fixed': return ['--import', 'tsx', 'bench/http-servers.ts', 'fixed', String(port)];
    case 'bare-parse': return ['--import', 'tsx', 'bench/http-servers.ts', 'parse', String(port)];
    case 'prism': return [prismBin, 'mock', '-h', '127.0.0.1', '-p', String(port), spec];
  }
}

/** A started server. */
export interface ServerProcess { kind: ServerKind; url: string; child: ChildProcess; startMs: number }

/** Starts a server and resolves once it answered an HTTP request; `startMs` is launch → first answer. */
export async function startProcess(kind: ServerKind, port: number, timeoutMs = 60_000): Promise<ServerProcess> {
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, command(kind, port), { cwd: root, stdio: 'ignore' });
  let exited = false;
  child.once('exit', () => { exited = true; });
  while (!exited && performance.now() - started < timeoutMs) {
    try {
      const response = await fetch(`${url}/file_jobs/f00000000000000000000000000000000`);
      await response.arrayBuffer();
      return { kind, url, child, startMs: performance.now() - started };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`[fileproc] bench: ${kind} did not answer on ${url}`);
}

/** Stops a server process and waits for it to exit. */
export async function stopProcess(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null) return;
  const gone = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 5000);
  await gone;
  clearTimeout(timer);
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in 10 ms ticks
}
