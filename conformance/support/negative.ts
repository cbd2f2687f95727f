/**
 * Shared frame of the negative-input rules (reference §5.3): inputs every rule starts from, and
 * "rejected with the documented 4xx and nothing created" as one assertion.
 */
import type { Exchange } from '../../protocol/client.ts';
import { writeZip } from '../archives/zip.ts';
import { validRequests } from '../arbitraries/submit-requests.ts';
import type { RuleContext } from '../rule.ts';
import { putTestObject, type SubmitJobRequest } from './jobs.ts';
import { assertNoNewJob, newestJobs } from './no-new-job.ts';

/** Uploads one plain object and one zip, and returns a valid request of each tag over them. */
export async function negativeBase(ctx: RuleContext): Promise<{ key: string; requests: SubmitJobRequest[] }> {
  const key = await putTestObject(ctx, 'neg.txt', 'negative input base');
  const archive = await putTestObject(ctx, 'neg.zip', await writeZip([{ name: 'a.txt', data: new TextEncoder().encode('a') }]));
  return { key, requests: validRequests(key, archive, ctx.prefix, ctx.target.bucket, ctx.target.region) };
}

/**
 * Sends a request expected to be rejected: asserts the documented 4xx and `<Code>` (never a 5xx,
 * the §5.1 error shape through `ctx.check.exchange`) and that no job was created.
 */
export async function expectRejected(ctx: RuleContext, send: () => Promise<Exchange<unknown>>, expected: { status: number; code: string }, what: string): Promise<Exchange<unknown>> {
  const before = await newestJobs(ctx);
  const exchange = await send();
  ctx.check.that(exchange.status < 500, `a 4xx, never a 5xx, for ${what} (§5.3)`, () => `HTTP ${exchange.status} ${exchange.text.slice(0, 300)}`);
  ctx.check.exchange(exchange, expected);
  await assertNoNewJob(ctx, before, what);
  return exchange;
}
