/**
 * Runs the selected rules one after another against a target: selection by profile/only/skip,
 * one `RuleContext` per rule, cleanup of everything a rule created, results for the reporters.
 * Runtime-neutral: the Node entry (`node.ts`) supplies the socket transport and the receiver.
 */
import { createClient, type Client, type Transport } from '../protocol/client.ts';
import { createChecks } from './checks.ts';
import type { CallbackReceiver } from './receiver.ts';
import { silentReporter, type ProgressReporter, type RuleResult, type RunResult } from './results.ts';
import type { Profile, Rule, RuleContext } from './rule.ts';
import { RULES } from './rules/index.ts';
import { targetLabel, type SkipEntry, type Target } from './target.ts';
import { Violation, show } from './violation.ts';
import { cleanupRegistry, sweepPrefix } from './cleanup.ts';

/** Options of a run. */
export interface RunOptions {
  profile?: Profile;
  /** fast-check seed of every property rule; default: random, printed with each result. */
  seed?: number;
  /** Runs per property; default 5 (quick: each run of a processing rule waits for real jobs) / 100 (full). */
  runs?: number;
  only?: readonly string[];
  /** Rules not to run, each with a reason (merged with the target's skip list). */
  skip?: readonly SkipEntry[];
  rules?: readonly Rule[];
  reporter?: ProgressReporter;
  receiver?: CallbackReceiver;
  /** Transport when the target has no `fetch` (Node: the socket transport of `transport.node.ts`). */
  transport?: Transport;
  /** Builds the replay command of a rule (CLI flags or vitest filter). */
  replay?: (ruleId: string, seed: number) => string;
  /** A rule still running after this long fails (default 120 s quick, 600 s full). */
  ruleTimeoutMs?: number;
  /** Interval of "still running" progress lines during a long rule (default 10 s). */
  heartbeatMs?: number;
  /** Aborting stops the run: the running rule is abandoned, cleaned up and reported as skipped, later rules skipped. */
  signal?: AbortSignal;
}

/** Why a rule does not run here, or `undefined` when it runs. */
export function skipReason(rule: Rule, target: Target, options: RunOptions): string | undefined {
  const listed = [...(target.skip ?? []), ...(options.skip ?? [])].find((entry) => entry.rule === rule.id);
  if (listed) return listed.reason;
  if (rule.needs?.includes('auth') && !target.credentials) return 'needs credentials (--secret-id/--secret-key): the target is run without auth';
  if (rule.needs?.includes('second-bucket') && !target.secondBucket) return 'needs a second bucket of the same account (target.secondBucket, CLI --second-bucket): only then can jobs be looked up from another bucket';
  if (rule.needs?.includes('callbacks') && !options.receiver) return 'needs a callback receiver the suite can read (give --callback-url with a reader, or run where the target can reach this host)';
  return undefined;
}

/** The rules a run selects, in order; unknown `only`/`skip` ids are an error (a typo must not pass silently). */
export function selectRules(options: RunOptions): Rule[] {
  const all = options.rules ?? RULES;
  const known = new Set(all.map((rule) => rule.id));
  const unknown = [...(options.only ?? []), ...(options.skip ?? []).map((entry) => entry.rule)].filter((id) => !known.has(id));
  if (unknown.length > 0) throw new Error(`[fileproc] unknown rule id(s): ${unknown.join(', ')}; see conformance/README.md for the list`);
  const profile = options.profile ?? 'quick';
  return all.filter((rule) => (options.only ? options.only.includes(rule.id) : profile === 'full' || rule.profile === 'quick'));
}

/** Thrown into a running rule when the run is interrupted; the rule is then reported as skipped. */
class Interrupted extends Error {}

function bounded<T>(promise: Promise<T>, ms: number, ruleId: string, signal?: AbortSignal): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`[fileproc] rule ${ruleId} did not finish within ${ms} ms`)), ms);
    onAbort = () => reject(new Interrupted(`[fileproc] run interrupted during ${ruleId}`));
    // The rule may have been interrupted while it started, before this listener existed.
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([promise, stop]).finally(() => {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  });
}

function failureOf(error: unknown): RuleResult['failure'] | 'interrupted' {
  if (error instanceof Interrupted) return 'interrupted';
  if (error instanceof Violation) {
    return { documented: error.documented, received: error.received, ...(error.counterexample !== undefined ? { counterexample: error.counterexample } : {}) };
  }
  if (error instanceof Error) return { received: `unexpected error: ${error.message}`, ...(error.stack ? { stack: error.stack } : {}) };
  return { received: `unexpected error: ${show(error)}` };
}

async function runOne(rule: Rule, context: Omit<RuleContext, 'rule' | 'check' | 'cleanup' | 'prefix' | 'progress'>, runId: string, options: RunOptions, reporter: ProgressReporter): Promise<RuleResult['failure'] | 'interrupted' | undefined> {
  const registry = cleanupRegistry(context.client);
  const ctx: RuleContext = {
    ...context,
    rule,
    check: createChecks(rule.id, rule.spec, context.fc),
    cleanup: registry,
    prefix: `fpc-${runId}/${rule.id}/`,
    progress: (message) => reporter.ruleProgress(rule.id, message),
  };
  const limit = options.ruleTimeoutMs ?? (options.profile === 'full' ? 600_000 : 120_000);
  // A rule waiting on a slow target still shows the run is alive.
  const started = Date.now();
  const heartbeat = setInterval(() => reporter.ruleProgress(rule.id, `still running (${Math.round((Date.now() - started) / 1000)} s)`), options.heartbeatMs ?? 10_000);
  try {
    await bounded(rule.run(ctx), limit, rule.id, options.signal);
    return undefined;
  } catch (error) {
    return failureOf(error);
  } finally {
    clearInterval(heartbeat);
    await registry.run();
    // Objects a rule did not register (job outputs) still live under its prefix.
    await sweepPrefix(context.client, ctx.prefix).catch(() => 0);
  }
}

/** Runs the selected rules against `target` and returns every result (also given to the reporter). */
export async function runConformance(target: Target, options: RunOptions = {}): Promise<RunResult> {
  const reporter = options.reporter ?? silentReporter;
  const profile = options.profile ?? 'quick';
  const seed = options.seed ?? Math.floor(Math.random() * 0x7fffffff);
  const numRuns = options.runs ?? (profile === 'full' ? 100 : 5);
  const shrinkBudgetMs = profile === 'full' ? 60_000 : 10_000;
  const transport = target.fetch ?? options.transport;
  const client: Client = createClient({ ...target, ...(transport ? { fetch: transport } : {}) });
  const secondClient = target.secondBucket && createClient({ ...target, ...target.secondBucket, ...(transport ? { fetch: transport } : {}) });
  const runId = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
  const replay = options.replay ?? ((id: string, s: number) => `npx fileproc conformance --endpoint ${target.endpoint} --bucket ${target.bucket} --region ${target.region} --only ${id} --seed ${s}`);
  const started = Date.now();
  const results: RuleResult[] = [];
  for (const rule of selectRules({ ...options, profile })) {
    const base = { id: rule.id, title: rule.title, spec: rule.spec, seed, numRuns, replay: replay(rule.id, seed) };
    const reason = options.signal?.aborted ? 'run interrupted before this rule' : skipReason(rule, target, options);
    if (reason !== undefined) {
      const result: RuleResult = { ...base, status: 'skipped', durationMs: 0, reason };
      results.push(result);
      reporter.ruleEnd(result);
      continue;
    }
    reporter.ruleStart(rule);
    const ruleStarted = Date.now();
    const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
    const failure = await runOne(rule, { client, target, fc: { seed, numRuns, shrinkBudgetMs }, sleep, ...(options.receiver ? { receiver: options.receiver } : {}), ...(secondClient ? { secondClient } : {}) }, runId, { ...options, profile }, reporter);
    const durationMs = Date.now() - ruleStarted;
    const result: RuleResult = failure === 'interrupted'
      ? { ...base, status: 'skipped', durationMs, reason: 'run interrupted during this rule (its objects were cleaned up)' }
      : { ...base, status: failure ? 'failed' : 'passed', durationMs, ...(failure ? { failure } : {}) };
    results.push(result);
    reporter.ruleEnd(result);
  }
  // Jobs that finished after their rule ended may have written outputs since.
  if (results.some((result) => result.status !== 'skipped')) await sweepPrefix(client, `fpc-${runId}/`).catch(() => 0);
  const run: RunResult = {
    target: targetLabel(target), profile, seed, startedAt: new Date(started).toISOString(), durationMs: Date.now() - started,
    results, passed: results.every((result) => result.status !== 'failed'),
    ...(options.signal?.aborted ? { interrupted: true } : {}),
  };
  reporter.runEnd(run);
  return run;
}
