/** Validation of E6 queue updates (§2.10); every violation is 400 InvalidArgument. */
import { invalidArgument } from './errors.ts';
import type { NotifyConfig, QueueRecord } from './types.ts';

/** The body of `PUT|POST /file_queue/<queueId>`, decoded. */
export interface QueueUpdate { Name?: string; State?: string; NotifyConfig?: Partial<Record<keyof NotifyConfig, string>> }

/** Options of queue validation. */
export interface QueueValidationOptions {
  /** Reject intranet callback URLs as the service does (§2.10); off by default so local callbacks work. */
  rejectIntranetUrls: boolean;
}

// Chinese (CJK unified ideographs), letters, digits, _ - * (§2.10).
const NAME_PATTERN = /^[\p{Script=Han}A-Za-z0-9_\-*]{1,128}$/u;
const MQ_REGIONS = ['sh', 'bj', 'gz', 'cd', 'hk'];

function oneOf<T extends string>(field: string, value: string | undefined, allowed: readonly T[], fallback?: T): T {
  if ((value === undefined || value === '') && fallback !== undefined) return fallback;
  const found = allowed.find((a) => a === value);
  if (!found) throw invalidArgument(`${field} must be one of ${allowed.join(', ')}, got "${value ?? ''}"`);
  return found;
}

function isIntranetHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^(127|10)\./.test(h) ||
    /^192\.168\./.test(h) || /^172\.(1[6-9]|2\d|3[01])\./.test(h) || /^169\.254\./.test(h) || h === '0.0.0.0';
}

function checkUrl(url: string | undefined, options: QueueValidationOptions): string {
  if (!url) throw invalidArgument('NotifyConfig.Url is required when State=On and Type=Url');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalidArgument(`NotifyConfig.Url "${url}" is not an absolute URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw invalidArgument(`NotifyConfig.Url must be http(s), got "${url}"`);
  if (options.rejectIntranetUrls && isIntranetHost(parsed.hostname)) throw invalidArgument(`NotifyConfig.Url must not be an intranet address: "${url}"`);
  return url;
}

function checkEvents(event: string | undefined): string {
  const events = (event ?? '').split(',').map((e) => e.trim());
  if (!event || events.some((e) => e !== 'TaskFinish' && e !== 'WorkflowFinish')) {
    throw invalidArgument(`NotifyConfig.Event must be TaskFinish and/or WorkflowFinish (comma-separated), got "${event ?? ''}"`);
  }
  return events.join(',');
}

function checkNotify(raw: QueueUpdate['NotifyConfig'], options: QueueValidationOptions): NotifyConfig {
  if (!raw) throw invalidArgument('NotifyConfig is required');
  const State = oneOf('NotifyConfig.State', raw.State, ['On', 'Off'] as const, 'Off');
  const ResultFormat = oneOf('NotifyConfig.ResultFormat', raw.ResultFormat, ['XML', 'JSON'] as const, 'XML');
  if (State === 'Off') return { State, ResultFormat };
  const Type = oneOf('NotifyConfig.Type', raw.Type, ['Url', 'TDMQ'] as const);
  const Event = checkEvents(raw.Event);
  if (Type === 'Url') return { State, Event, ResultFormat, Type, Url: checkUrl(raw.Url, options) };
  const MqMode = oneOf('NotifyConfig.MqMode', raw.MqMode, ['Topic', 'Queue'] as const, 'Queue');
  const MqRegion = oneOf('NotifyConfig.MqRegion', raw.MqRegion, MQ_REGIONS);
  if (!raw.MqName) throw invalidArgument('NotifyConfig.MqName is required when Type=TDMQ');
  return { State, Event, ResultFormat, Type, MqMode, MqRegion, MqName: raw.MqName };
}

/** Validates an update and returns the normalised fields to apply (defaults filled in). */
export function validateQueueUpdate(update: QueueUpdate, options: QueueValidationOptions): Pick<QueueRecord, 'Name' | 'State' | 'NotifyConfig'> {
  const name = update.Name ?? '';
  if (!NAME_PATTERN.test(name)) {
    throw invalidArgument(`Name is required: 1–128 characters of Chinese, letters, digits, _ - *; got "${name}"`);
  }
  const State = oneOf('State', update.State, ['Active', 'Paused'] as const);
  return { Name: name, State, NotifyConfig: checkNotify(update.NotifyConfig, options) };
}
