/** Markdown report: a summary table linking each rule to its README anchor, then the failures. */
import { tally, type RunResult } from '../results.ts';
import { show } from '../violation.ts';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The Markdown text of a run; `readme` is the link base for rule anchors. */
export function markdownReport(run: RunResult, readme = 'conformance/README.md'): string {
  const { passed, failed, skipped } = tally(run.results);
  const icon = { passed: '✅ pass', failed: '❌ fail', skipped: '⏭ skip' } as const;
  const lines = [
    '# fileproc conformance report', '',
    `Target: ${run.target}  `, `Profile: ${run.profile}, seed ${run.seed}, started ${run.startedAt}, ${(run.durationMs / 1000).toFixed(1)} s  `,
    `**${run.interrupted ? 'Interrupted (incomplete): ' : ''}${passed} passed, ${failed} failed, ${skipped} skipped**`, '',
    '| Rule | Status | Duration | Note |', '|---|---|---|---|',
    ...run.results.map((result) => `| [${result.id}](${readme}#${result.id}) | ${icon[result.status]} | ${(result.durationMs / 1000).toFixed(1)} s | ${cell(result.reason ?? (result.failure ? result.failure.received.slice(0, 120) : ''))} |`),
  ];
  for (const result of run.results.filter((r) => r.status === 'failed')) {
    lines.push('', `## ${result.id}`, '', `- Spec: \`${result.spec}\``);
    if (result.failure?.documented !== undefined) lines.push(`- Documented: ${cell(result.failure.documented)}`);
    lines.push(`- Received: ${cell(result.failure?.received ?? '')}`);
    if (result.failure?.counterexample !== undefined) lines.push(`- Counterexample: \`${cell(show(result.failure.counterexample, 2000))}\``);
    lines.push(`- Replay: \`${result.replay}\``);
  }
  return lines.join('\n') + '\n';
}
