import { jdcloudValidator } from '../../protocol/validate.ts';
import type { ReceivedCallback } from '../receiver.ts';
import { defineRule, type RuleContext } from '../rule.ts';
import { headEtag } from '../support/digest.ts';
import { requestCompress, waitForObject } from '../support/jd.ts';
import { download, JOB_TIMEOUT_MS } from '../support/processing.ts';
import { file, uploadFiles } from '../support/sources.ts';

interface EventRecord { eventName?: string; error?: { code?: string }; s3?: { bucket?: { name?: string }; object?: { key?: string; size?: number; eTag?: string } } }

/** Waits for the callback at `path` and checks the §7.3 headers and schema; returns its one record. */
async function callbackAt(ctx: RuleContext, path: string, schema: 'JdCompressSuccessEvent' | 'JdCompressFailureEvent'): Promise<EventRecord> {
  const receiver = ctx.check.present(ctx.receiver, 'a callback receiver (needs: callbacks)', 'none');
  let got: ReceivedCallback;
  try {
    got = await receiver.waitFor((callback) => callback.path === path, JOB_TIMEOUT_MS);
  } catch {
    return ctx.check.fail(`a POST to ${path} (x-amz-notification-endpoint) when the archive is done (§7.3)`, `no callback within ${JOB_TIMEOUT_MS} ms`);
  }
  ctx.check.equal([got.method, got.headers['x-amz-sns-message-type'], got.headers['x-amz-sns-raw-key']], ['POST', 'Notification', 'true'], 'callback [method, x-amz-sns-message-type, x-amz-sns-raw-key]');
  ctx.check.that(!!got.headers.requestid, 'a RequestID header on the callback (§7.3)', () => JSON.stringify(got.headers));
  let body: unknown;
  try {
    body = JSON.parse(got.body);
  } catch {
    return ctx.check.fail('a JSON S3-event body (§7.3)', got.body);
  }
  const valid = jdcloudValidator.validate(body, schema);
  ctx.check.that(valid.ok, `the callback body validates as ${schema}`, () => `${valid.ok ? '' : `${valid.path}: ${valid.message}`} in ${got.body}`);
  const records = (body as { Records?: EventRecord[] }).Records ?? [];
  ctx.check.equal(records.length, 1, 'number of Records in the callback');
  return records[0] as EventRecord;
}

const unquote = (etag: string | null | undefined) => etag?.replace(/^"|"$/g, '');

/** The callback of a Compress Object: success S3 event naming the archive, or `Error:CompressFailed` with `NoSuchKey` for a missing key (§7.3). */
export default defineRule({
  id: 'jd-compress-callback',
  title: 'JD Compress Object calls back with the S3-event body and headers (success and NoSuchKey failure)',
  spec: 'spec/jdcloud (POST /{Key}?compress callbacks onCompressSucceeded, onCompressFailed) · JdCompressSuccessEvent.yaml · JdCompressFailureEvent.yaml · ref §7.3',
  profile: 'quick',
  needs: ['callbacks'],
  kind: 'scenario',
  async run(ctx) {
    const receiver = ctx.check.present(ctx.receiver, 'a callback receiver (needs: callbacks)', 'none');
    const token = ctx.prefix.replace(/[^a-z0-9]+/gi, '-');
    const [source] = await uploadFiles(ctx, 'jdcb/', [file('in.txt')]);
    if (!source) return ctx.check.fail('one source uploaded', 'none');

    const archiveKey = `${ctx.prefix}ok.zip`;
    await requestCompress(ctx, archiveKey, [{ Key: source.key, Alias: 'in.txt' }], `${receiver.url}/ok${token}`);
    const success = await callbackAt(ctx, `/ok${token}`, 'JdCompressSuccessEvent');
    await waitForObject(ctx, archiveKey);
    const size = (await download(ctx, archiveKey)).length;
    ctx.check.equal(success.eventName, 'ObjectCreated:Compress', 'Records[0].eventName');
    ctx.check.equal([success.s3?.bucket?.name, success.s3?.object?.key, success.s3?.object?.size], [ctx.target.bucket, archiveKey, size], 'Records[0].s3 [bucket.name, object.key, object.size]');
    ctx.check.equal(unquote(success.s3?.object?.eTag), unquote(await headEtag(ctx, archiveKey)), 'Records[0].s3.object.eTag (the archive ETag)');

    const failedKey = `${ctx.prefix}failed.zip`;
    await requestCompress(ctx, failedKey, [{ Key: source.key }, { Key: `${ctx.prefix}jdcb/does-not-exist.txt` }], `${receiver.url}/failed${token}`);
    const failure = await callbackAt(ctx, `/failed${token}`, 'JdCompressFailureEvent');
    ctx.check.equal([failure.eventName, failure.error?.code, failure.s3?.object?.key], ['Error:CompressFailed', 'NoSuchKey', failedKey], 'Records[0] [eventName, error.code, s3.object.key] for a missing component');
  },
});
