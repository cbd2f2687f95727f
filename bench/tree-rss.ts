/**
 * Peak resident memory of this process plus its child processes (a native 7-Zip), sampled from
 * /proc: the kernel's per-process peak (`maxRSS`) cannot add up processes that run at the same time.
 */
import { readdirSync, readFileSync } from 'node:fs';

function rssKiB(pid: number | 'self'): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0; // the child ended between listing and reading
  }
}

function childPids(): number[] {
  try {
    return readdirSync('/proc/self/task').flatMap((task) => readFileSync(`/proc/self/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

/** Samples every `intervalMs` until `stop()`, which returns the peak sum in KiB (0 where /proc is missing). */
export function sampleTreeRss(intervalMs = 20): { stop(): number } {
  let peak = 0;
  const sample = () => { peak = Math.max(peak, childPids().reduce((sum, pid) => sum + rssKiB(pid), rssKiB('self'))); };
  sample();
  const timer = setInterval(sample, intervalMs);
  return { stop: () => { clearInterval(timer); sample(); return peak; } };
}
