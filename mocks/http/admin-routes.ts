/** `/__fileproc/…` handlers: JSON in and out, each a thin wrapper over `AdminApi` (mocks/README.md). */
import { readText, limitedChunks } from './body.ts';
import { httpError } from './http-error.ts';
import { putOptionsFrom, storableKey } from './objects.ts';
import { emptyResponse, jsonResponse } from './respond.ts';
import type { Handler, RequestContext } from './types.ts';

/** The JSON object body of an admin request (`{}` when empty). */
async function jsonBody(ctx: RequestContext): Promise<Record<string, unknown>> {
  const text = await readText(ctx.request, ctx.services.limits.maxXmlBodyBytes);
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw httpError('InvalidArgument', 'the admin API takes a JSON object body');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw httpError('InvalidArgument', 'the admin API takes a JSON object body');
  return value as Record<string, unknown>;
}

function numberField(body: Record<string, unknown>, name: string): number {
  const value = body[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw httpError('InvalidArgument', `"${name}" must be a number`);
  return value;
}

/** `POST /__fileproc/reset`. */
export const adminReset: Handler = async (ctx) => {
  await ctx.services.admin.reset();
  return emptyResponse(ctx.meta, 204);
};

/** `GET /__fileproc/state`. */
export const adminState: Handler = async (ctx) => jsonResponse(ctx.meta, 200, ctx.services.admin.state());

/** `PUT /__fileproc/objects/{key}[?bucket=…]`: seeds an object, body streamed. */
export const adminPutObject: Handler = async (ctx) => {
  const bucket = ctx.url.searchParams.get('bucket') || ctx.host.bucket;
  const meta = await ctx.services.admin.putObject(storableKey(ctx.variable), limitedChunks(ctx.request, ctx.services.limits.maxObjectBytes), { ...putOptionsFrom(ctx.request.headers), bucket });
  return jsonResponse(ctx.meta, 200, meta);
};

/** `POST /__fileproc/clock` `{ "mode": "virtual" | "real" }`. */
export const adminClock: Handler = async (ctx) => {
  const { mode } = await jsonBody(ctx);
  if (mode !== 'virtual' && mode !== 'real') throw httpError('InvalidArgument', '"mode" must be "virtual" or "real"');
  ctx.services.admin.setClockMode(mode);
  return jsonResponse(ctx.meta, 200, ctx.services.admin.state().clock);
};

/** `GET /__fileproc/clock`. */
export const adminClockRead: Handler = async (ctx) => jsonResponse(ctx.meta, 200, ctx.services.admin.state().clock);

/** `POST /__fileproc/clock/advance` `{ "ms": n }`. */
export const adminAdvance: Handler = async (ctx) => {
  const now = await ctx.services.admin.advance(numberField(await jsonBody(ctx), 'ms'));
  return jsonResponse(ctx.meta, 200, { mode: 'virtual', now });
};

/** `POST /__fileproc/jobs/{id}/script` `{ outcome?: {Code, Message}, startLatencyMs?, durationMs? }`. */
export const adminScript: Handler = async (ctx) => {
  const body = await jsonBody(ctx);
  const outcome = body.outcome as { Code?: unknown; Message?: unknown } | undefined;
  if (outcome !== undefined && (typeof outcome !== 'object' || typeof outcome?.Code !== 'string' || outcome.Code === '')) {
    throw httpError('InvalidArgument', '"outcome" must be { "Code": "…", "Message": "…" }');
  }
  ctx.services.admin.scriptJob(ctx.variable, {
    ...(outcome && { outcome: { Code: outcome.Code as string, Message: String(outcome.Message ?? '') } }),
    ...(body.startLatencyMs !== undefined && { startLatencyMs: numberField(body, 'startLatencyMs') }),
    ...(body.durationMs !== undefined && { durationMs: numberField(body, 'durationMs') }),
  });
  return emptyResponse(ctx.meta, 204);
};

/** `POST /__fileproc/timing`: partial TimingOptions (plus `jdStartLatencyMs`); answers the timing now in force. */
export const adminTiming: Handler = async (ctx) => jsonResponse(ctx.meta, 200, ctx.services.admin.configureTiming(await jsonBody(ctx)));

/** `GET /__fileproc/faults`. */
export const adminFaultsRead: Handler = async (ctx) => jsonResponse(ctx.meta, 200, { enabled: ctx.services.admin.faults() });

/** `POST /__fileproc/faults` `{ "enable": [names], "disable": [names] }`. */
export const adminFaults: Handler = async (ctx) => {
  const body = await jsonBody(ctx);
  const names = (field: string): string[] => {
    const value = body[field] ?? [];
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list) || list.some((n) => typeof n !== 'string')) throw httpError('InvalidArgument', `"${field}" must be a fault name or a list of names`);
    return list as string[];
  };
  for (const name of names('disable')) ctx.services.admin.disableFault(name);
  for (const name of names('enable')) ctx.services.admin.enableFault(name);
  return jsonResponse(ctx.meta, 200, { enabled: ctx.services.admin.faults() });
};

/** `POST /__fileproc/http-script` (a rule, see http-script.ts) → the stored rule. */
export const adminHttpScript: Handler = async (ctx) => {
  const body = await jsonBody(ctx);
  const text = (name: string): string | undefined => {
    const value = body[name];
    if (value !== undefined && typeof value !== 'string') throw httpError('InvalidArgument', `"${name}" must be a string`);
    return value;
  };
  const number = (name: string): number | undefined => (body[name] === undefined ? undefined : numberField(body, name));
  const rule = { method: text('method'), operationId: text('operationId'), pathPrefix: text('pathPrefix'), code: text('code'), message: text('message'), delayMs: number('delayMs'), count: number('count') };
  const defined = Object.fromEntries(Object.entries(rule).filter(([, v]) => v !== undefined));
  return jsonResponse(ctx.meta, 200, ctx.services.admin.scriptHttp(defined));
};

/** `GET /__fileproc/http-script`: the active rules. */
export const adminHttpScripts: Handler = async (ctx) => jsonResponse(ctx.meta, 200, ctx.services.admin.httpScripts());

/** `DELETE /__fileproc/http-script`: removes every rule. */
export const adminClearHttpScripts: Handler = async (ctx) => {
  ctx.services.admin.clearHttpScripts();
  return emptyResponse(ctx.meta, 204);
};

/** `GET /__fileproc/callbacks`. */
export const adminCallbacks: Handler = async (ctx) => jsonResponse(ctx.meta, 200, ctx.services.admin.callbacks());

/** `GET /__fileproc/tdmq/{topic}`. */
export const adminTdmq: Handler = async (ctx) => jsonResponse(ctx.meta, 200, ctx.services.admin.tdmq(ctx.variable));
