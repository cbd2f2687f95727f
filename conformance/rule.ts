/**
 * The rule interface: one documented behaviour per file under `rules/`, id = file name =
 * `conformance/README.md` anchor. A rule gets a `RuleContext` and throws a `Violation` (through
 * `ctx.check`) when the target breaks the behaviour; returning normally means it held.
 */
import type { Client } from '../protocol/client.ts';
import type { Checks } from './checks.ts';
import type { CallbackReceiver } from './receiver.ts';
import type { Target } from './target.ts';

/** `quick` rules run in both profiles; `full` rules only in `full`. */
export type Profile = 'quick' | 'full';
/** What a rule needs from the target; without it the rule is skipped with a reason. */
export type Need = 'callbacks' | 'auth' | 'objects' | 'second-bucket';
/** exchange: single requests judged alone; scenario: a fixed flow; property: fast-check; model: fc.commands. */
export type RuleKind = 'exchange' | 'scenario' | 'property' | 'model';

/** A documented behaviour the suite checks. */
export interface Rule {
  /** Equals the file name under `rules/` and the README anchor. */
  id: string;
  title: string;
  /** Spec pointer and reference sections, e.g. `spec/cos-ci/paths/jobs.yaml#post · ref §2.5`. */
  spec: string;
  profile: Profile;
  needs?: readonly Need[];
  kind: RuleKind;
  run(ctx: RuleContext): Promise<void>;
}

/** fast-check parameters of this run: pass them to `fc.assert`/`fc.check` (or use `ctx.check.property`). */
export interface PropertyParameters {
  seed: number;
  numRuns: number;
  /**
   * How long shrinking may go on after the first failure. Every shrink step re-runs real jobs
   * against the target, so past this budget the smallest counterexample found so far is reported.
   */
  shrinkBudgetMs: number;
}

/** Things to undo after the rule; run in reverse order even when the rule failed. */
export interface Cleanup {
  /** Deletes the object (COS side) at the end of the rule. */
  object(key: string): void;
  /** Any other undo step (resume a queue, …). */
  add(step: () => Promise<unknown>): void;
}

/** What a rule works with. */
export interface RuleContext {
  rule: Rule;
  client: Client;
  target: Target;
  fc: PropertyParameters;
  /** Present when the rule declares `needs: ['callbacks']` (the runner skips it otherwise). */
  receiver?: CallbackReceiver;
  /** A client of `target.secondBucket`, same transport and credentials; present with `needs: ['second-bucket']`. */
  secondClient?: Client;
  cleanup: Cleanup;
  /** Unique per run and rule (`fpc-<run>/<rule-id>/`): every key a rule creates starts with it. */
  prefix: string;
  /** Assertions that throw `Violation`s carrying this rule's id and spec pointer. */
  check: Checks;
  /** Progress line for long rules (shows the run is alive). */
  progress(message: string): void;
  /** Waits on the host clock (polling a real target for a job to finish). */
  sleep(ms: number): Promise<void>;
}

/** Identity helper that type-checks a rule module's default export. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
