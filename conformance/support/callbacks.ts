/**
 * Helpers of the callback rules (reference §4, decisions §9.22, §9.23): a unique receiver URL per
 * job, waiting for deliveries, and decoding a TaskFinish body in either format.
 */
import { fromCallbackJson } from '../../protocol/callback-json.ts';
import { cosCiCodec } from '../../protocol/codec.ts';
import { cosCiValidator } from '../../protocol/validate.ts';
import type { ReceivedCallback, CallbackReceiver } from '../receiver.ts';
import type { RuleContext } from '../rule.ts';
import { jobsDetails, type JobsDetail } from './jobs.ts';
import { jobTimeout } from './lifecycle.ts';

/** A decoded TaskFinish callback. */
export interface TaskFinish { eventName: string; details: JobsDetail[] }

let counter = 0;

/** The receiver (the runner gives one to rules declaring `needs: ['callbacks']`). */
export function receiverOf(ctx: RuleContext): CallbackReceiver {
  return ctx.check.present(ctx.receiver, 'a callback receiver (rule needs callbacks)', 'none given by the runner');
}

/** A fresh receiver URL whose deliveries only this caller reads: `<receiver>/<rule-id>-<n>`. */
export function callbackUrl(ctx: RuleContext): { url: string; path: string } {
  const path = `/${ctx.rule.id}-${Date.now().toString(36)}-${counter++}`;
  return { url: `${receiverOf(ctx).url}${path}`, path };
}

/** Deliveries received so far at `path` (query ignored). */
export async function deliveriesAt(ctx: RuleContext, path: string): Promise<ReceivedCallback[]> {
  return (await receiverOf(ctx).received()).filter((callback) => callback.path.split('?')[0] === path);
}

/** Waits for the first delivery at `path`; fails the rule after the job timeout. */
export async function waitDelivery(ctx: RuleContext, path: string, what: string): Promise<ReceivedCallback> {
  try {
    return await receiverOf(ctx).waitFor((callback) => callback.path.split('?')[0] === path, jobTimeout(ctx));
  } catch {
    return ctx.check.fail(`a TaskFinish callback POSTed to the job's CallBack URL (${what}, §4.1)`, `nothing received at ${path} within ${jobTimeout(ctx)} ms`);
  }
}

/** Decodes and validates a TaskFinish body as XML (`TaskFinishCallback`) or JSON (`TaskFinishCallbackJson`, leaves coerced, §9.23). */
export function decodeTaskFinish(ctx: RuleContext, callback: ReceivedCallback, format: 'XML' | 'JSON'): TaskFinish {
  if (format === 'XML') {
    const parsed = cosCiValidator.parseBody(callback.body, 'TaskFinishCallback');
    if (!parsed.ok) return ctx.check.fail('an XML body valid against TaskFinishCallback (§4.2)', `${parsed.message} in ${callback.body.slice(0, 400)}`);
    return { eventName: String(parsed.value.EventName), details: jobsDetails(parsed.value) };
  }
  let json: unknown;
  try {
    json = JSON.parse(callback.body);
  } catch {
    return ctx.check.fail('a JSON body (CallBackFormat=JSON, §4.3)', callback.body.slice(0, 400));
  }
  const validated = cosCiValidator.validate(fromCallbackJson(cosCiCodec.model, json, 'TaskFinishCallbackJson'), 'TaskFinishCallbackJson');
  if (!validated.ok) return ctx.check.fail('a JSON body valid against TaskFinishCallbackJson (§4.3, §9.23)', `${validated.path} ${validated.message} in ${callback.body.slice(0, 400)}`);
  return { eventName: String(validated.value.EventName), details: jobsDetails(validated.value as { JobsDetail?: unknown }) };
}
