import fc from 'fast-check';
import { virtualHost, type RawRequest } from '../../protocol/client.ts';
import { sign, signTimesAround } from '../../protocol/signing.ts';
import { defineRule, type RuleContext } from '../rule.ts';
import { hashJob } from '../support/jobs.ts';
import { expectRejected } from '../support/negative.ts';
import { cosCiCodec } from '../../protocol/codec.ts';

const HOUR = 3_600_000;

/** Signs `raw` as the client would, but for the window around `at` (host clock ms). */
async function authorizationAt(ctx: RuleContext, raw: RawRequest, at: number): Promise<string> {
  const { options } = ctx.client;
  const base = new URL(raw.side === 'cos' ? (options.cosEndpoint ?? options.endpoint) : options.endpoint);
  const host = (options.addressing ?? 'path') === 'path' ? base.host : virtualHost(raw.side, options.bucket, options.region);
  const credentials = ctx.check.present(options.credentials, 'credentials on the target (rule needs auth)', 'none');
  return sign({ method: raw.method, path: raw.path, query: [], headers: { ...raw.headers, host } }, credentials, signTimesAround(at));
}

/** Flips one hex digit of `q-signature`. */
const tamper = (authorization: string, position: number) => authorization.replace(/q-signature=([0-9a-f]+)/, (_, hex: string) => {
  const i = position % hex.length;
  return `q-signature=${hex.slice(0, i)}${hex[i] === '0' ? '1' : '0'}${hex.slice(i + 1)}`;
});

/**
 * With auth on: a tampered signature → 403 SignatureDoesNotMatch, an expired sign window → 403
 * AccessDenied "Request has expired"; neither creates a job or an object (§5.3, §6).
 */
export default defineRule({
  id: 'negative-bad-signature',
  title: 'Tampered signature → 403 SignatureDoesNotMatch; expired → 403 AccessDenied; nothing created',
  spec: 'spec/cos-ci/components/securitySchemes/cosSignature · components/responses/Forbidden · ref §5.2, §5.3, §6.1',
  profile: 'quick',
  kind: 'property',
  needs: ['auth'],
  async run(ctx) {
    const key = `${ctx.prefix}signed.txt`;
    ctx.cleanup.object(key);
    const requests: Array<[string, RawRequest]> = [
      ['submit', { side: 'ci', method: 'POST', path: '/jobs', headers: { 'content-type': 'application/xml' }, body: cosCiCodec.encode(hashJob(key), 'SubmitJobRequest') }],
      ['put object', { side: 'cos', method: 'PUT', path: `/${key}`, headers: {}, body: 'must not be stored' }],
    ];
    await ctx.check.property([fc.constantFrom(...requests), fc.nat(), fc.constantFrom('tampered', 'expired')], async ([what, raw], position, how) => {
      const authorization = how === 'tampered' ? tamper(await authorizationAt(ctx, raw, Date.now()), position) : await authorizationAt(ctx, raw, Date.now() - 3 * HOUR);
      const expected = how === 'tampered' ? { status: 403, code: 'SignatureDoesNotMatch' } : { status: 403, code: 'AccessDenied' };
      const exchange = await expectRejected(ctx, () => ctx.client.send({ ...raw, headers: { ...raw.headers, authorization } }), expected, `${what} with a ${how} signature`);
      if (how === 'expired') ctx.check.that(/expired/i.test(exchange.error?.Message ?? ''), 'Message "Request has expired" (§5.2, §5.3)', `Message ${JSON.stringify(exchange.error?.Message)}`);
      const head = await ctx.client.headObject(key);
      ctx.check.equal(head.status, 404, `HEAD ${key} status after a rejected ${what} (no object created)`);
    });
  },
});
