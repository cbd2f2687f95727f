import { describe, expect, it } from 'vitest';
import { formatCosTime } from './cos-time.ts';

describe('formatCosTime', () => {
  it('renders the vendor examples (offset without colon, default +0800)', () => {
    expect(formatCosTime(Date.UTC(2022, 6, 18, 7, 16, 43, 590))).toBe('2022-07-18T15:16:43+0800');
    expect(formatCosTime(Date.UTC(2021, 10, 21, 12, 30, 42), 0)).toBe('2021-11-21T12:30:42+0000');
  });

  it('crosses day boundaries and handles negative and half-hour offsets', () => {
    expect(formatCosTime(Date.UTC(2022, 11, 31, 20, 0, 0))).toBe('2023-01-01T04:00:00+0800');
    expect(formatCosTime(Date.UTC(2022, 0, 1, 2, 0, 0), -330)).toBe('2021-12-31T20:30:00-0530');
  });
});
