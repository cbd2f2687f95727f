/**
 * `fileproc conformance`: argument parsing, report files and the exit code only; the suite is
 * `conformance/node.ts`. Exit 0 when every selected rule holds, 1 when one fails, 2 on usage
 * errors or an unreachable target, 130 when interrupted (after cleaning up).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { runConformanceNode, UnreachableTargetError } from '../../conformance/node.ts';
import { consoleReporter } from '../../conformance/report/console.ts';
import { jsonLinesReport } from '../../conformance/report/jsonl.ts';
import { junitReport } from '../../conformance/report/junit.ts';
import { markdownReport } from '../../conformance/report/markdown.ts';
import type { RunResult } from '../../conformance/results.ts';
import { parseConformanceArgs, type ParsedConformance } from './conformance-args.ts';

const WRITERS: Record<string, (run: RunResult) => string> = { junit: junitReport, json: jsonLinesReport, md: markdownReport };

function writeReports(reports: ParsedConformance['reports'], run: RunResult): void {
  for (const [kind, file] of reports) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, (WRITERS[kind] as (run: RunResult) => string)(run));
    console.log(`[fileproc] ${kind} report written to ${file}`);
  }
}

/** Runs the suite against the target named by the flags; returns the exit code. */
export async function conformanceCommand(args: string[]): Promise<number> {
  const parsed = parseConformanceArgs(args, process.env.FC_SEED);
  if ('help' in parsed) {
    console.log(parsed.help);
    return 0;
  }
  if ('error' in parsed) {
    console.error(parsed.error);
    return 2;
  }
  // Ctrl-C stops the run but still deletes what the suite created.
  const interrupt = new AbortController();
  const onSignal = () => interrupt.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const run = await runConformanceNode(parsed.target, { ...parsed.options, reporter: consoleReporter(), signal: interrupt.signal });
    writeReports(parsed.reports, run);
    if (run.interrupted) {
      console.error('[fileproc] run interrupted: objects created so far were deleted; the results above are incomplete');
      return 130;
    }
    return run.passed ? 0 : 1;
  } catch (error) {
    if (error instanceof UnreachableTargetError) {
      console.error(error.message);
      return 2;
    }
    if (error instanceof Error && error.message.startsWith('[fileproc] unknown rule')) {
      console.error(error.message);
      return 2;
    }
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
