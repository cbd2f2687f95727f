/** Calendar fields of an instant, all numbers. */
export interface DateFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The UTC calendar fields of an epoch-ms instant (`new Date(ms)` with an argument stays pure). */
export function utcFields(epochMs: number): DateFields {
  const date = new Date(epochMs);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
}

/** Epoch ms of UTC calendar fields, or `undefined` when a field is out of range (Feb 30, 24:00). */
export function fieldsToEpoch(fields: DateFields): number | undefined {
  const { year, month, day, hour, minute, second } = fields;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  date.setUTCFullYear(year); // Date.UTC maps years 0–99 to 1900–1999
  const roundTrip = utcFields(date.getTime());
  return roundTrip.year === year && roundTrip.month === month && roundTrip.day === day ? date.getTime() : undefined;
}

/** Zero-padded decimal. */
export const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
