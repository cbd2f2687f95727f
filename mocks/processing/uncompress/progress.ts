/** Turns fractions into whole percents for ctx.onProgress: starts at 0, never goes back, 100 only at the end. */
export function percentReporter(onProgress: (percent: number) => void): { fraction(f: number): void; finish(): void } {
  let last = 0;
  onProgress(0);
  return {
    fraction(f) {
      const percent = Math.min(99, Math.floor(Math.max(0, f) * 100));
      if (percent > last) {
        last = percent;
        onProgress(percent);
      }
    },
    finish() {
      if (last < 100) {
        last = 100;
        onProgress(100);
      }
    },
  };
}
