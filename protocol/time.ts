/**
 * Times on the wire: job times `YYYY-MM-DDTHH:MM:SS+ZZZZ` (reference §3.1), the `+0000` form of
 * FileList/zip-preview `LastModified` (§3.4, §2.13), and RFC 7231 dates for HTTP headers.
 */
export { formatJobTime, formatUtcTime, parseJobTime, isJobTime, UNSET_TIME, VENDOR_UTC_OFFSET_MINUTES } from './time/vendor-time.ts';
export { formatHttpDate, parseHttpDate, parseNumericZoneDate } from './time/http-date.ts';
/** Alias of `formatJobTime` under the name mocks/processing/hash/cos-time.ts waits for. */
export { formatJobTime as formatCosTime } from './time/vendor-time.ts';
