/**
 * Runs Debian `wrk` (apt-get install wrk) against one URL and reads throughput and latency
 * percentiles from its `--latency` report. POST bodies, extra headers and rotating Host headers
 * go through a generated Lua script.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** One load run. */
export interface WrkRun {
  url: string;
  connections: number;
  threads: number;
  durationS: number;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  /** Host headers used in turn, one per request (e.g. many buckets, so no queue fills up). */
  hosts?: string[];
}

/** What one run measured. */
export interface WrkResult { rps: number; p50Ms: number; p99Ms: number; requests: number; non2xx: number; socketErrors: number }

const lua = (s: string) => JSON.stringify(s); // JSON string literals are valid Lua string literals here

function script(run: WrkRun): string {
  const headers = Object.entries({ ...run.headers }).map(([k, v]) => `wrk.headers[${lua(k)}] = ${lua(v)}`).join('\n');
  const lines = [`wrk.method = ${lua(run.method ?? 'GET')}`, headers];
  if (run.body !== undefined) lines.push(`wrk.body = ${lua(run.body)}`);
  if (run.hosts?.length) {
    lines.push(`local hosts = { ${run.hosts.map(lua).join(', ')} }`, 'local i = 0', 'request = function()',
      '  i = i % #hosts + 1', '  wrk.headers["Host"] = hosts[i]', '  return wrk.format()', 'end');
  }
  return lines.join('\n');
}

function toMs(value: string, unit: string): number {
  const n = Number(value);
  return unit === 'us' ? n / 1000 : unit === 's' ? n * 1000 : n;
}

/** Parses wrk's report. */
export function parseWrk(text: string): WrkResult {
  const percentile = (p: string) => {
    const m = new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm').exec(text);
    return m ? toMs(m[1] as string, m[2] as string) : Number.NaN;
  };
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(text)?.[1] ?? Number.NaN),
    p50Ms: percentile('50'),
    p99Ms: percentile('99'),
    requests: Number(/(\d+) requests in/.exec(text)?.[1] ?? 0),
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(text)?.[1] ?? 0),
    socketErrors: socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  };
}

/** Runs wrk once. */
export async function runWrk(run: WrkRun): Promise<WrkResult> {
  const dir = mkdtempSync(join(tmpdir(), 'fileproc-wrk-'));
  try {
    const file = join(dir, 'script.lua');
    writeFileSync(file, script(run));
    const args = ['-t', String(run.threads), '-c', String(run.connections), '-d', `${run.durationS}s`, '--latency', '-s', file, run.url];
    const { stdout } = await promisify(execFile)('wrk', args, { maxBuffer: 1 << 20 });
    return parseWrk(stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
