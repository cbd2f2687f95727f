/**
 * A sweep of harmless requests touching every read and object operation, successes and errors
 * alike, for the single-exchange rules (each judges the same exchanges by its own check).
 * State-changing service calls (file_bucket create/delete, queue update) are left out on purpose.
 */
import type { Exchange } from '../../protocol/client.ts';
import { EXCHANGE_RULES, checkExchange, fromClientExchange, type Finding } from '../exchange-checks.ts';
import type { Rule, RuleContext } from '../rule.ts';
import { hashJob, jobsDetails } from './jobs.ts';

const UNKNOWN_JOB = 'f0000000000000000000000000000beef';

/** Performs the sweep and returns every exchange, in order. */
export async function sweepExchanges(ctx: RuleContext): Promise<Array<Exchange<unknown>>> {
  const { client } = ctx;
  const key = `${ctx.prefix}sweep/é 中.txt`;
  ctx.cleanup.object(key);
  const out: Array<Exchange<unknown>> = [];
  const add = async (exchange: Promise<Exchange<unknown>>) => {
    const done = await exchange;
    out.push(done);
    return done;
  };
  await add(client.putObject(key, 'sweep body\n'));
  await add(client.headObject(key));
  await add(client.getObject(key));
  await add(client.getObject(key, { range: 'bytes=0-4' }));
  await add(client.getObject(key, { range: 'bytes=100000-' }));
  await add(client.listObjects({ prefix: ctx.prefix }));
  await add(client.syncFileHash(key, 'md5'));
  await add(client.zipPreview(key));
  const submitted = await add(client.submitJob(hashJob(key, { userData: 'sweep' })));
  const jobId = jobsDetails(submitted.value as { JobsDetail?: unknown })[0]?.JobId ?? UNKNOWN_JOB;
  await add(client.describeJobs([jobId, UNKNOWN_JOB]));
  await add(client.describeJobs(jobId, { path: '/file_jobs' }));
  await add(client.listJobs({ tag: 'FileHashCode', size: 5 }));
  await add(client.listQueues());
  await add(client.listFileBuckets());
  await add(client.cancelJobs(UNKNOWN_JOB));
  await add(client.submitJob('<Request><Tag>FileHashCode</Tag></Request>'));
  await add(client.getObject(`${ctx.prefix}sweep/missing.txt`));
  await add(client.headObject(`${ctx.prefix}sweep/missing.txt`));
  await add(client.deleteObject(key));
  return out;
}

/** Fails the rule with the first finding of `ruleId` over the exchanges. */
export function assertNoFinding(ctx: RuleContext, exchanges: ReadonlyArray<Exchange<unknown>>, ruleId: string): void {
  for (const exchange of exchanges) {
    const finding: Finding | undefined = checkExchange(fromClientExchange(exchange)).find((f) => f.ruleId === ruleId);
    if (finding) ctx.check.fail(`${finding.documented} (${finding.spec})`, `${finding.received} for ${exchange.request.method} ${exchange.request.target}`);
  }
}

/** A rule that runs the sweep and judges it by one single-exchange check (one file per check id). */
export function sweepRule(check: keyof typeof EXCHANGE_RULES, title: string, spec: string): Rule {
  const id = EXCHANGE_RULES[check];
  return { id, title, spec, profile: 'quick', kind: 'exchange', run: async (ctx) => assertNoFinding(ctx, await sweepExchanges(ctx), id) };
}
