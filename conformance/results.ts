/**
 * Results of a conformance run, as every reporter (console, JUnit, JSON lines, Markdown) sees them.
 */
import type { Profile } from './rule.ts';

/** The outcome of one rule. */
export interface RuleResult {
  id: string;
  title: string;
  spec: string;
  status: 'passed' | 'failed' | 'skipped';
  durationMs: number;
  seed: number;
  numRuns: number;
  /** Why the rule was skipped. */
  reason?: string;
  /** What broke: documented vs received (a `Violation`, or an unexpected error when `documented` is absent). */
  failure?: { documented?: string; received: string; counterexample?: unknown; stack?: string };
  /** The command that re-runs just this rule with the same seed. */
  replay: string;
}

/** The outcome of a run. */
export interface RunResult {
  target: string;
  profile: Profile;
  seed: number;
  startedAt: string;
  durationMs: number;
  results: RuleResult[];
  /** True when no selected rule failed. */
  passed: boolean;
  /** Set when the run was stopped (`RunOptions.signal`) before every rule ran: not a verdict. */
  interrupted?: boolean;
}

/** Receives progress while the suite runs. */
export interface ProgressReporter {
  ruleStart(rule: { id: string; title: string }): void;
  /** A long rule saying it is alive (poll rounds, property runs). */
  ruleProgress(ruleId: string, message: string): void;
  ruleEnd(result: RuleResult): void;
  runEnd(result: RunResult): void;
}

/** A reporter that prints nothing (programmatic use). */
export const silentReporter: ProgressReporter = { ruleStart() {}, ruleProgress() {}, ruleEnd() {}, runEnd() {} };

/** Counts by status. */
export function tally(results: readonly RuleResult[]): { passed: number; failed: number; skipped: number } {
  const count = (status: RuleResult['status']) => results.filter((result) => result.status === status).length;
  return { passed: count('passed'), failed: count('failed'), skipped: count('skipped') };
}
