import { EXCHANGE_RULES } from '../exchange-checks.ts';
import { defineRule } from '../rule.ts';
import { hashJob } from '../support/jobs.ts';
import { assertNoFinding } from '../support/sweep.ts';

const UNKNOWN_JOB = 'f0000000000000000000000000000cafe';

/**
 * Every error is an `<Error>` with non-empty Code, Message, RequestId (= the request-id header),
 * `Content-Type: application/xml`, and the HTTP status §5.3 gives its code (§5.1, §5.3).
 */
export default defineRule({
  id: EXCHANGE_RULES.errorShape,
  title: 'Error bodies are <Error> with Code/Message/RequestId and the §5.3 status of their code',
  spec: 'spec/cos-ci/components/schemas/Error · spec/cos-ci/components/responses/* · ref §5.1, §5.3',
  profile: 'quick',
  kind: 'exchange',
  async run(ctx) {
    const { client } = ctx;
    const bad = hashJob(`${ctx.prefix}missing.txt`, { type: 'CRC32' });
    const exchanges = [
      await client.submitJob('<Request><Tag>FileHashCode'),
      await client.submitJob(''),
      await client.submitJob(bad),
      await client.cancelJobs(UNKNOWN_JOB),
      await client.getObject(`${ctx.prefix}missing.txt`),
      await client.syncFileHash(`${ctx.prefix}missing.txt`, 'md5'),
      await client.listJobs({ tag: 'NotATag' }),
      await client.listJobs({ tag: 'FileHashCode', size: 1000 }),
      await client.send({ side: 'ci', method: 'GET', path: `/jobs/${UNKNOWN_JOB},not-an-id!` }),
    ];
    for (const exchange of exchanges) {
      ctx.check.that(exchange.status >= 400 && exchange.status < 500, `a 4xx for ${exchange.request.method} ${exchange.request.target} (invalid input, §5.3)`, `HTTP ${exchange.status} ${exchange.text.slice(0, 200)}`);
    }
    assertNoFinding(ctx, exchanges, EXCHANGE_RULES.errorShape);
    assertNoFinding(ctx, exchanges, EXCHANGE_RULES.contentType);
  },
});
