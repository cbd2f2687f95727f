/**
 * `ctx.check`: expect-style assertions for rules. Each failure becomes a `Violation` with the rule's
 * id and spec pointer, so reports say where the documented behaviour is written.
 */
import fc from 'fast-check';
import type { Exchange } from '../protocol/client.ts';
import { checkExchange, fromClientExchange } from './exchange-checks.ts';
import type { PropertyParameters } from './rule.ts';
import { Violation, show } from './violation.ts';

/** What an exchange is expected to be, beyond the single-exchange checks. */
export interface ExchangeExpectation {
  /** Allowed statuses. */
  status?: number | readonly number[];
  /** The `<Error><Code>` expected (implies a non-2xx). */
  code?: string;
}

/** The assertions bound to one rule. */
export interface Checks {
  /** Fails unconditionally. */
  fail(documented: string, received: string, counterexample?: unknown): never;
  /** Fails unless `condition`; `received` may be a thunk so costly texts are built only on failure. */
  that(condition: unknown, documented: string, received: string | (() => string)): void;
  /** Returns `value` when it is neither undefined nor null, fails otherwise (a narrowing `that`). */
  present<T>(value: T | undefined | null, documented: string, received: string | (() => string)): T;
  /** Deep equality (JSON-comparable values). */
  equal(received: unknown, documented: unknown, what: string): void;
  /** Single-exchange checks (status/Content-Type/request id/schema/§5 error shape) plus `expectation`. */
  exchange<T>(exchange: Exchange<T>, expectation?: ExchangeExpectation): void;
  /**
   * Runs a fast-check property with the run's seed/numRuns; a failure carries the shrunk counterexample.
   * `options.numRuns` overrides the run count for properties whose every case is a slow job.
   */
  property<Ts extends [unknown, ...unknown[]]>(arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> }, predicate: (...args: Ts) => Promise<void>, options?: { numRuns?: number }): Promise<void>;
}

const stable = (value: unknown) => JSON.stringify(value, (_key, v) => (v instanceof Uint8Array ? [...v] : v));

/** Builds the checks of one rule. */
export function createChecks(ruleId: string, spec: string, parameters: PropertyParameters): Checks {
  const fail = (documented: string, received: string, counterexample?: unknown): never => {
    throw new Violation({ ruleId, spec, documented, received, ...(counterexample !== undefined ? { counterexample } : {}) });
  };
  return {
    fail,
    that(condition, documented, received) {
      if (!condition) fail(documented, typeof received === 'function' ? received() : received);
    },
    present(value, documented, received) {
      if (value === undefined || value === null) fail(documented, typeof received === 'function' ? received() : received);
      return value as NonNullable<typeof value>;
    },
    equal(received, documented, what) {
      if (stable(received) !== stable(documented)) fail(`${what} = ${show(documented)}`, `${what} = ${show(received)}`);
    },
    exchange(exchange, expectation = {}) {
      const where = `${exchange.request.method} ${exchange.request.target}`;
      const allowed = expectation.status === undefined ? undefined : [expectation.status].flat();
      if (allowed && !allowed.includes(exchange.status)) {
        fail(`HTTP ${allowed.join(' or ')}${expectation.code ? ` ${expectation.code}` : ''} for ${where}`, `HTTP ${exchange.status} ${show(exchange.text)}`);
      }
      if (expectation.code !== undefined && exchange.error?.Code !== expectation.code) {
        fail(`<Code>${expectation.code}</Code> for ${where}`, `HTTP ${exchange.status} ${show(exchange.text)}`);
      }
      const [finding] = checkExchange(fromClientExchange(exchange as Exchange<unknown>));
      if (finding) fail(`${finding.documented} (${finding.ruleId}, ${finding.spec})`, `${finding.received} for ${where}`);
    },
    async property(arbitraries, predicate, options = {}) {
      let firstFailureAt: number | undefined;
      // A case that passes ends that shrink branch: past the budget every later case "passes" at
      // once, so fast-check stops shrinking and reports the smallest failure found so far.
      const bounded = async (...args: unknown[]): Promise<void> => {
        if (firstFailureAt !== undefined && Date.now() - firstFailureAt > parameters.shrinkBudgetMs) return;
        try {
          await (predicate as (...values: unknown[]) => Promise<void>)(...args);
        } catch (error) {
          firstFailureAt ??= Date.now();
          throw error;
        }
      };
      const property = fc.asyncProperty(...(arbitraries as unknown as [fc.Arbitrary<unknown>]), bounded);
      const details = await fc.check(property, { seed: parameters.seed, numRuns: options.numRuns ?? parameters.numRuns });
      if (!details.failed) return;
      const cause = details.errorInstance;
      const counterexample = { value: details.counterexample, path: details.counterexamplePath, seed: details.seed };
      if (cause instanceof Violation) {
        cause.counterexample = counterexample;
        throw cause;
      }
      fail('the property to hold', `${cause instanceof Error ? cause.message : show(cause)}`, counterexample);
    },
  };
}
