/**
 * The per-rule cleanup registry: every object a rule creates is deleted when the rule ends, pass
 * or fail, so the suite leaves the target's bucket as it found it.
 */
import type { Client } from '../protocol/client.ts';
import type { Cleanup } from './rule.ts';

/** A `Cleanup` plus `run()`, which undoes everything in reverse order and never throws. */
export function cleanupRegistry(client: Client): Cleanup & { run(): Promise<string[]> } {
  const steps: Array<() => Promise<unknown>> = [];
  const keys = new Set<string>();
  return {
    object(key) {
      if (keys.has(key)) return;
      keys.add(key);
      steps.push(() => client.deleteObject(key));
    },
    add(step) {
      steps.push(step);
    },
    /** Returns the problems met (a cleanup failure must not hide the rule's own result). */
    async run() {
      const problems: string[] = [];
      for (const step of steps.splice(0).reverse()) {
        try {
          await step();
        } catch (error) {
          problems.push(error instanceof Error ? error.message : String(error));
        }
      }
      keys.clear();
      return problems;
    },
  };
}

/**
 * Deletes every object left under `prefix` (job outputs a rule did not register, archives a target
 * wrote late). Pages with `marker`; stops after `maxPages` so a target that never ends its listing
 * cannot hang the run. Returns how many objects it deleted.
 */
export async function sweepPrefix(client: Client, prefix: string, maxPages = 50): Promise<number> {
  let marker: string | undefined;
  let deleted = 0;
  for (let page = 0; page < maxPages; page++) {
    const listed = await client.listObjects({ prefix, ...(marker !== undefined ? { marker } : {}) });
    const keys = (listed.value?.Contents ?? []).map((entry) => entry.Key).filter((key) => key.startsWith(prefix));
    for (const key of keys) {
      await client.deleteObject(key);
      deleted++;
    }
    const next = listed.value?.NextMarker ?? keys.at(-1);
    if (!listed.value?.IsTruncated || next === undefined || next === marker) break;
    marker = next;
  }
  return deleted;
}
