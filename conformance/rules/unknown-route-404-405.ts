import { defineRule } from '../rule.ts';

/**
 * A path the API does not have answers 404 with an `<Error>`; a documented path with a method it
 * does not document answers 405 MethodNotAllowed (§5.3) — never a 2xx or a 5xx.
 */
export default defineRule({
  id: 'unknown-route-404-405',
  title: 'Unknown CI paths answer 404, undocumented methods on CI paths 405 MethodNotAllowed',
  spec: 'spec/cos-ci/openapi.yaml#/components/responses/MethodNotAllowed, NotFound · ref §5.1, §5.3',
  profile: 'quick',
  kind: 'exchange',
  async run(ctx) {
    for (const path of ['/file_jobs/f0000000000000000000000000000abcd/extra', '/file_queue/p0000000000000000000000000000abcd/extra']) {
      const exchange = await ctx.client.send({ side: 'ci', method: 'GET', path });
      ctx.check.that(exchange.status === 404, `HTTP 404 for GET ${path} (no such resource)`, `HTTP ${exchange.status} ${exchange.text.slice(0, 200)}`);
      ctx.check.that(!!exchange.error?.Code, `an <Error> body with a Code for GET ${path} (§5.1)`, () => exchange.text.slice(0, 300));
    }
    for (const [method, path] of [['DELETE', '/jobs'], ['PATCH', '/file_jobs'], ['DELETE', '/file_queue']] as const) {
      const exchange = await ctx.client.send({ side: 'ci', method, path });
      ctx.check.that(exchange.status === 405 && exchange.error?.Code === 'MethodNotAllowed',
        `HTTP 405 <Code>MethodNotAllowed</Code> for ${method} ${path} (§5.3)`, `HTTP ${exchange.status} ${exchange.text.slice(0, 200)}`);
    }
  },
});
