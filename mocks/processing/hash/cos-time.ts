/**
 * `YYYY-MM-DDTHH:MM:SS+0800`, the vendor's time format (§2.12, §3.1: offset without a colon).
 * Local stand-in until `protocol/time.ts` (`formatCosTime`) exists; then this file should go.
 */
export function formatCosTime(ms: number, offsetMinutes = 480): string {
  const shifted = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hhmm = `${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
  return `${shifted}${sign}${hhmm}`;
}
