import { fieldsToEpoch, pad, utcFields } from './fields.ts';

/** The vendor's fixed offset, China Standard Time: `+0800` (reference §3.1). */
export const VENDOR_UTC_OFFSET_MINUTES = 480;
/** What `StartTime`/`EndTime` carry until set (reference §3.1). */
export const UNSET_TIME = '-';

const STRICT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})([+-])(\d{2})(\d{2})$/;
const LENIENT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/;

const CACHE_SLOTS = 256;
const cachedSecond = new Float64Array(CACHE_SLOTS).fill(Number.NaN);
const cachedOffset = new Float64Array(CACHE_SLOTS);
const cachedText: string[] = new Array<string>(CACHE_SLOTS).fill('');

function checkOffset(offsetMinutes: number): void {
  if (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) >= 24 * 60) {
    throw new Error(`[fileproc] a UTC offset must be whole minutes within ±23:59, got ${offsetMinutes}`);
  }
}

/**
 * `YYYY-MM-DDTHH:MM:SS+ZZZZ` (reference §3.1, e.g. `2022-07-18T15:16:43+0800`) for an epoch-ms
 * instant seen at a fixed offset (default `+0800`); seconds are truncated; `-` when unset.
 */
export function formatJobTime(epochMs: number | null | undefined, offsetMinutes = VENDOR_UTC_OFFSET_MINUTES): string {
  if (epochMs === null || epochMs === undefined) return UNSET_TIME;
  checkOffset(offsetMinutes);
  const second = Math.floor(epochMs / 1000);
  // Every describe formats three times per job, mostly the same few seconds: a small
  // direct-mapped cache (second → text) saves the calendar arithmetic.
  const slot = second & (CACHE_SLOTS - 1);
  if (cachedSecond[slot] === second && cachedOffset[slot] === offsetMinutes) return cachedText[slot] as string;
  const local = utcFields(second * 1000 + offsetMinutes * 60_000);
  if (!Number.isFinite(epochMs) || local.year < 0 || local.year > 9999) {
    throw new Error(`[fileproc] cannot format ${epochMs} ms as a job time: the year must be 0000–9999`);
  }
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(offsetMinutes);
  const text = `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}${sign}${pad(Math.floor(offset / 60))}${pad(offset % 60)}`;
  cachedSecond[slot] = second;
  cachedOffset[slot] = offsetMinutes;
  cachedText[slot] = text;
  return text;
}


/** The `+0000` form of zip-preview and FileList `LastModified` (reference §2.13, §3.4). */
export function formatUtcTime(epochMs: number): string {
  return formatJobTime(epochMs, 0);
}

/**
 * Parses a job time to epoch ms; `null` for `-`. Accepts the vendor form and, because clients
 * send ISO strings in list-job bounds, also `+08:00`, `Z` and fractional seconds (ms kept).
 * Throws a `[fileproc]` error for anything else.
 */
export function parseJobTime(text: string): number | null {
  if (text === UNSET_TIME) return null;
  const match = LENIENT.exec(text);
  if (match) {
    const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
    const [fraction = '', zulu, sign, offsetHours, offsetMinutes] = match.slice(7);
    const local = fieldsToEpoch({ year, month, day, hour, minute, second });
    const offset = zulu ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
    if (local !== undefined && Number(offsetMinutes ?? 0) < 60 && Math.abs(offset) < 24 * 60) {
      return local - offset * 60_000 + Number(fraction.padEnd(3, '0').slice(0, 3));
    }
  }
  throw new Error(`[fileproc] "${text}" is not a job time; expected YYYY-MM-DDTHH:MM:SS+ZZZZ such as 2022-07-18T15:16:43+0800, or "-"`);
}

/** True for the vendor form exactly (`+ZZZZ`, no fraction); `-` too unless `allowUnset` is false. */
export function isJobTime(text: string, options: { allowUnset?: boolean } = {}): boolean {
  if (text === UNSET_TIME) return options.allowUnset ?? true;
  if (!STRICT.test(text)) return false;
  try {
    return parseJobTime(text) !== null;
  } catch {
    return false;
  }
}
