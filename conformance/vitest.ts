/**
 * `describeConformance(target, options)`: the suite inside another project's vitest run, one
 * `test` per selected rule (skipped rules are skipped with their reason; failures show the rule id,
 * spec pointer, documented vs received, seed and replay command).
 *
 *   describeConformance(async () => ({ endpoint: server.url, bucket: 'b-1250000000', region: 'ap-guangzhou' }),
 *     { profile: 'quick', seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : 1 });
 */
import { afterAll, beforeAll, describe, test } from 'vitest';
import { receiverFor, transportFor, type NodeRunOptions } from './node.ts';
import type { CallbackReceiver } from './receiver.ts';
import { failureLines } from './report/console.ts';
import { runConformance, selectRules } from './run.ts';
import type { Target } from './target.ts';

/** A target, or a function producing it once (e.g. after a server started in `beforeAll`). */
export type TargetSource = Target | (() => Target | Promise<Target>);

/** Registers a `describe` block with one test per rule selected by `options`. */
export function describeConformance(source: TargetSource, options: NodeRunOptions & { name?: string; timeoutMs?: number } = {}): void {
  const seed = options.seed ?? Math.floor(Math.random() * 0x7fffffff);
  describe(options.name ?? `fileproc conformance (${options.profile ?? 'quick'}, seed ${seed})`, () => {
    let target: Target | undefined;
    let receiver: CallbackReceiver | undefined;
    beforeAll(async () => {
      target = typeof source === 'function' ? await source() : source;
      receiver = options.receiver ?? (await receiverFor(target, options.receiverHost));
    });
    afterAll(async () => {
      if (!options.receiver) await receiver?.close();
    });
    for (const rule of selectRules(options)) {
      test(rule.id, async (context) => {
        const current = target as Target;
        const run = await runConformance(current, {
          ...options, seed, only: [rule.id], transport: transportFor(current),
          replay: options.replay ?? ((id, s) => `FC_SEED=${s} npx vitest run -t "${id}"`),
          ...(receiver ? { receiver } : {}),
        });
        const [result] = run.results;
        if (result?.status === 'skipped') context.skip(result.reason);
        else if (result?.status === 'failed') throw new Error(failureLines(result).join('\n'));
      }, options.timeoutMs ?? 180_000);
    }
  });
}
