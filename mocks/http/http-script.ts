/**
 * Scripted HTTP behaviour for client chaos testing (admin `POST /__fileproc/http-script`): the next
 * `count` requests matching a rule are delayed by `delayMs` and/or answered with a documented error
 * (`SlowDown` 503, `ServiceUnavailable` 503, `InternalError` 500, `RequestTimeout` 400, …; statuses
 * from §5.3). SDKs retry 5xx (wire "Retries"), so this is how their retry paths are exercised.
 */
import { HttpError, httpError, statusOf } from './http-error.ts';

/** One rule; every given matcher must match. `count` 0 means "until cleared". */
export interface HttpScriptRule {
  method?: string;
  /** Spec operationId, e.g. `submitFileJob`. */
  operationId?: string;
  /** Path prefix, e.g. `/file_jobs`. */
  pathPrefix?: string;
  /** Error code to answer with; absent = only delay. */
  code?: string;
  message?: string;
  /** Delay before answering (host time, not the mock's job clock). */
  delayMs?: number;
  count?: number;
}

/** A rule as stored, with how many uses are left. */
export interface ActiveRule extends HttpScriptRule { id: number; remaining: number | null }

/** What a matching request must suffer. */
export interface ScriptedEffect { delayMs: number; error?: HttpError }

/** The rule list; first matching rule wins. */
export class HttpScript {
  #rules: ActiveRule[] = [];
  #next = 1;

  /** Adds a rule; throws 400 InvalidArgument for nonsense. */
  add(rule: HttpScriptRule): ActiveRule {
    const delayMs = rule.delayMs ?? 0;
    const count = rule.count ?? 1;
    if (!Number.isFinite(delayMs) || delayMs < 0 || delayMs > 60_000) throw httpError('InvalidArgument', 'delayMs must be between 0 and 60000');
    if (!Number.isInteger(count) || count < 0) throw httpError('InvalidArgument', 'count must be a whole number (0 = until cleared)');
    if (rule.code !== undefined && !/^[A-Za-z]+$/.test(rule.code)) throw httpError('InvalidArgument', 'code must be an error code such as SlowDown');
    if (rule.code === undefined && delayMs === 0) throw httpError('InvalidArgument', 'a rule needs a code, a delayMs, or both');
    const active: ActiveRule = { ...rule, id: this.#next++, remaining: count === 0 ? null : count };
    this.#rules.push(active);
    return { ...active };
  }

  /** The rules still active. */
  list(): ActiveRule[] {
    return this.#rules.map((r) => ({ ...r }));
  }

  clear(): void {
    this.#rules = [];
  }

  /** Consumes one use of the first rule matching the request, if any. */
  take(method: string, path: string, operationId: string | undefined): ScriptedEffect | undefined {
    const rule = this.#rules.find((r) =>
      (r.method === undefined || r.method.toUpperCase() === method) &&
      (r.operationId === undefined || r.operationId === operationId) &&
      (r.pathPrefix === undefined || path.startsWith(r.pathPrefix)));
    if (!rule) return undefined;
    if (rule.remaining !== null && --rule.remaining === 0) this.#rules = this.#rules.filter((r) => r !== rule);
    const error = rule.code === undefined ? undefined : new HttpError(rule.code, statusOf(rule.code), rule.message ?? `scripted ${rule.code} (admin http-script rule ${rule.id})`);
    return { delayMs: rule.delayMs ?? 0, ...(error && { error }) };
  }
}

/** Waits on the host clock: request latency is felt by clients in real time, whatever the job clock does. */
export function hostDelay(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}
