/** JD Cloud Compress Object helpers (reference §7): request, wait for the archive, read the callback. */
import type { RuleContext } from '../rule.ts';
import { JOB_TIMEOUT_MS } from './processing.ts';

/** One `Component` of a CompressRequest (§7.1). */
export interface Component { Key: string; Alias?: string }

/** Sends `POST /{archiveKey}?compress` and fails the rule unless it is the documented 200 (§7.2, §9.30). */
export async function requestCompress(ctx: RuleContext, archiveKey: string, components: Component[], notify?: string): Promise<void> {
  ctx.cleanup.object(archiveKey);
  const answer = await ctx.client.jdCompress(archiveKey, { Component: components }, notify === undefined ? {} : { 'x-amz-notification-endpoint': notify });
  ctx.check.exchange(answer, { status: 200 });
}

/** Polls HEAD until the archive exists (the operation is asynchronous, §7.2) or the job timeout passes. */
export async function waitForObject(ctx: RuleContext, key: string): Promise<void> {
  const deadline = Date.now() + JOB_TIMEOUT_MS;
  for (;;) {
    const head = await ctx.client.headObject(key);
    if (head.status === 200) return;
    if (Date.now() > deadline) ctx.check.fail(`the archive ${key} exists within ${JOB_TIMEOUT_MS} ms of the Compress Object request (§7.1)`, `HEAD → ${head.status}`);
    await ctx.sleep(100);
  }
}
