import { fieldsToEpoch, pad, utcFields } from './fields.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
const RFC_850 = new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
const ASCTIME = new RegExp(`^${DAY} ${MONTH} ( \\d|\\d{2}) ${TIME} (\\d{4})$`);
const NUMERIC_ZONE = new RegExp(`^(?:${DAY}, )?(\\d{1,2}) ${MONTH} (\\d{4}) ${TIME} ([+-])(\\d{2})(\\d{2})$`);

/** RFC 7231 IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) for `Date` and `Last-Modified` headers. */
export function formatHttpDate(epochMs: number): string {
  const f = utcFields(epochMs);
  if (!Number.isFinite(epochMs) || f.year < 0 || f.year > 9999) throw new Error(`[fileproc] cannot format ${epochMs} ms as an HTTP date: the year must be 0000–9999`);
  const weekday = DAYS[new Date(epochMs).getUTCDay()] as string;
  return `${weekday}, ${pad(f.day)} ${MONTHS[f.month - 1]} ${pad(f.year, 4)} ${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)} GMT`;
}

/** A two-digit RFC 850 year: the most recent year with those digits not more than 50 years ahead. */
function fullYear(twoDigits: number, referenceMs: number): number {
  const reference = utcFields(referenceMs).year;
  const candidate = reference - (reference % 100) + twoDigits;
  return candidate > reference + 50 ? candidate - 100 : candidate;
}

/**
 * Parses an HTTP date in the three forms RFC 7231 §7.1.1.1 obliges recipients to accept;
 * `undefined` when invalid (then the header is ignored, as the RFC says). RFC 850 two-digit years
 * are resolved against `referenceMs` (default: the year 2000, keeping this pure).
 */
export function parseHttpDate(text: string, referenceMs = Date.UTC(2000, 0, 1)): number | undefined {
  const imf = IMF_FIXDATE.exec(text);
  const rfc850 = RFC_850.exec(text);
  const asctime = ASCTIME.exec(text);
  const parts = imf
    ? { day: imf[1], month: imf[2], year: Number(imf[3]), time: imf.slice(4) }
    : rfc850
      ? { day: rfc850[1], month: rfc850[2], year: fullYear(Number(rfc850[3]), referenceMs), time: rfc850.slice(4) }
      : asctime
        ? { day: asctime[2], month: asctime[1], year: Number(asctime[6]), time: asctime.slice(3, 6) }
        : undefined;
  if (!parts) return undefined;
  const [hour, minute, second] = parts.time.map(Number) as [number, number, number];
  return fieldsToEpoch({ year: parts.year, month: MONTHS.indexOf(parts.month as string) + 1, day: Number(parts.day), hour, minute, second });
}

/**
 * An RFC 5322 date-time with a numeric zone (`Tue, 27 Mar 2007 19:36:42 +0000`), the form AWS's
 * Signature Version 2 examples give `Date`; undefined when invalid.
 */
export function parseNumericZoneDate(text: string): number | undefined {
  const match = NUMERIC_ZONE.exec(text);
  if (!match) return undefined;
  const [day, month, year, hour, minute, second, sign, zoneHours, zoneMinutes] = match.slice(1) as string[];
  const local = fieldsToEpoch({ year: Number(year), month: MONTHS.indexOf(month as string) + 1, day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second) });
  if (local === undefined || Number(zoneMinutes) > 59) return undefined;
  return local - (sign === '-' ? -1 : 1) * (Number(zoneHours) * 60 + Number(zoneMinutes)) * 60_000;
}
