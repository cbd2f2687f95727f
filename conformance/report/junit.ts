/** JUnit XML report: one `<testcase>` per rule, failures with documented vs received and the replay. */
import { tally, type RunResult } from '../results.ts';
import { failureLines } from './console.ts';

const escape = (text: string) => text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] as string)
  // XML 1.0 cannot carry most control characters, even escaped.
  .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The JUnit XML text of a run. */
export function junitReport(run: RunResult): string {
  const { failed, skipped } = tally(run.results);
  const cases = run.results.map((result) => {
    const open = `    <testcase classname="fileproc.conformance" name="${escape(result.id)}" time="${(result.durationMs / 1000).toFixed(3)}">`;
    if (result.status === 'skipped') return `${open}<skipped message="${escape(result.reason ?? '')}"/></testcase>`;
    if (result.status === 'passed') return `${open}</testcase>`;
    const message = result.failure?.documented ? `documented ${result.failure.documented}` : (result.failure?.received ?? 'failed');
    return `${open}\n      <failure message="${escape(message)}">${escape(failureLines(result).join('\n'))}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites tests="${run.results.length}" failures="${failed}" skipped="${skipped}" time="${(run.durationMs / 1000).toFixed(3)}">`,
    `  <testsuite name="fileproc conformance (${escape(run.profile)}, seed ${run.seed})" tests="${run.results.length}" failures="${failed}" skipped="${skipped}" timestamp="${run.startedAt}">`,
    `    <properties><property name="target" value="${escape(run.target)}"/><property name="seed" value="${run.seed}"/>${run.interrupted ? '<property name="interrupted" value="true"/>' : ''}</properties>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
