/**
 * Console progress (`▶ rule-id …` then `✓ 1.2s` / `✗` / `–`), failure details with the replay
 * command, and the summary table at the end.
 */
import { tally, type ProgressReporter, type RuleResult, type RunResult } from '../results.ts';
import { show } from '../violation.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

/** The lines that explain one failed rule: id, spec pointer, documented vs received, seed, replay. */
export function failureLines(result: RuleResult): string[] {
  const failure = result.failure;
  const lines = [`✗ ${result.id} — ${result.title}`, `  spec:        ${result.spec}`];
  if (failure?.documented !== undefined) lines.push(`  documented:  ${failure.documented}`);
  lines.push(`  received:    ${failure?.received ?? '(nothing)'}`);
  if (failure?.counterexample !== undefined) lines.push(`  counterexample: ${show(failure.counterexample, 2000)}`);
  lines.push(`  seed:        ${result.seed}`, `  replay:      ${result.replay}`);
  return lines;
}

/** The summary table: one row per rule, then the totals. */
export function summaryTable(run: RunResult): string {
  const width = Math.max(4, ...run.results.map((result) => result.id.length));
  const mark = { passed: '✓ pass', failed: '✗ FAIL', skipped: '– skip' } as const;
  const rows = run.results.map((result) =>
    `${result.id.padEnd(width)}  ${mark[result.status]}  ${seconds(result.durationMs).padStart(7)}${result.reason ? `  (${result.reason})` : ''}`);
  const { passed, failed, skipped } = tally(run.results);
  return [`${'rule'.padEnd(width)}  status  duration`, ...rows, '',
    `${run.interrupted ? 'INTERRUPTED — ' : ''}${passed} passed, ${failed} failed, ${skipped} skipped in ${seconds(run.durationMs)} — profile ${run.profile}, seed ${run.seed}, target ${run.target}`].join('\n');
}

/** A reporter writing to `write` (default stdout); long rules print their progress messages. */
export function consoleReporter(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): ProgressReporter {
  return {
    ruleStart: (rule) => write(`▶ ${rule.id} …`),
    ruleProgress: (ruleId, message) => write(`  · ${ruleId}: ${message}`),
    ruleEnd(result) {
      if (result.status === 'passed') write(`  ✓ ${result.id} ${seconds(result.durationMs)}`);
      else if (result.status === 'skipped') write(`– ${result.id} skipped: ${result.reason}`);
      else write(failureLines(result).map((line) => `  ${line}`).join('\n'));
    },
    runEnd(run) {
      const failed = run.results.filter((result) => result.status === 'failed');
      write('');
      write(summaryTable(run));
      if (failed.length > 0) write(['', 'Failures:', ...failed.flatMap((result) => [...failureLines(result), ''])].join('\n'));
    },
  };
}
