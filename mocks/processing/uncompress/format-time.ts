/** Formats milliseconds as `YYYY-MM-DDTHH:MM:SS+0000` (UTC), the style of FileList and zip preview (§3.4, §2.13). */
export function formatListingTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}+0000`;
}
