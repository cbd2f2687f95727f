/**
 * Named, opt-in violations of documented behaviour, for the conformance self-test: with one fault
 * switched on, the suite must notice. Every fault is off unless explicitly enabled.
 */

/** The faults the engine has hook points for (see README "Faults"). */
export const ENGINE_FAULTS = [
  /** Cancel of a Running job succeeds (violates §2.8 "only jobs not yet executing"). */
  'cancel-running-accepted',
  /** Late in a run (from 80 %), Progress falls to half and stays there until the job ends (violates 0→100 monotonic, §3.2). */
  'progress-decreases',
  /** A cancelled job is still started and finishes (violates terminal states never change, §3.2). */
  'terminal-state-changes',
  /** `NextToken` points one job too far, so list paging skips a job (§2.7). */
  'paging-skips-job',
  /** Describe, list and cancel ignore the Host's bucket: every bucket sees every job (spec README §9.4). */
  'jobs-cross-buckets',
] as const;

/** One engine fault name. */
export type EngineFault = (typeof ENGINE_FAULTS)[number];

/** Registry of the faults currently switched on. */
export class FaultRegistry {
  readonly #on = new Set<EngineFault>();

  /** Switches a fault on; unknown names are rejected so that typos do not silently test nothing. */
  enable(name: string): void {
    this.#on.add(checkedFault(name));
  }

  /** Switches a fault off. */
  disable(name: string): void {
    this.#on.delete(checkedFault(name));
  }

  /** Switches every fault off. */
  clear(): void {
    this.#on.clear();
  }

  /** Whether a fault is on. */
  isOn(name: EngineFault): boolean {
    return this.#on.has(name);
  }

  /** The faults switched on, in declaration order. */
  list(): EngineFault[] {
    return ENGINE_FAULTS.filter((name) => this.#on.has(name));
  }
}

function checkedFault(name: string): EngineFault {
  const known = ENGINE_FAULTS.find((f) => f === name);
  if (!known) throw new Error(`[fileproc] unknown engine fault "${name}"; known: ${ENGINE_FAULTS.join(', ')}`);
  return known;
}
