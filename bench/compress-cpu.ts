import { readFileSync } from 'node:fs';

/**
 * CPU time (user + system, ms) the calling process's main thread has used, from Linux
 * `/proc/self/task/<pid>/stat` (the main thread's id is the pid); undefined elsewhere.
 * `process.cpuUsage()` counts every thread, so this is how benchmarks tell the event loop's share.
 */
export function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15 (clock ticks).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    // Linux reports clock ticks of 10 ms (USER_HZ is 100 on every mainstream build).
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}
