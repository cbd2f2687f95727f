import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jobIdCreationTime } from './ids.ts';
import { formatHttpDate, formatJobTime, formatUtcTime, isJobTime, parseHttpDate, parseJobTime, parseNumericZoneDate } from './time.ts';

const runs = (numRuns: number) => ({ seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, numRuns });
// Instants whose local calendar stays within years 0001–9998 at any offset.
const instant = fc.integer({ min: Date.parse('0001-01-02T00:00:00Z'), max: Date.parse('9998-12-30T00:00:00Z') });
const offset = fc.integer({ min: -(24 * 60 - 1), max: 24 * 60 - 1 });
const toSecond = (ms: number) => Math.floor(ms / 1000) * 1000;

describe('job times (§3.1)', () => {
  it('format the documented example and its JobId agrees (§3.3)', () => {
    const created = Date.UTC(2022, 6, 18, 7, 16, 43);
    expect(formatJobTime(created)).toBe('2022-07-18T15:16:43+0800');
    expect(formatJobTime(toSecond(jobIdCreationTime('f93984788066911ed89ed352d4d9d2084') as number))).toBe('2022-07-18T15:16:43+0800');
    expect(parseJobTime('2022-07-18T15:16:43+0800')).toBe(created);
  });

  it('write - for unset times and +0000 for LastModified', () => {
    expect(formatJobTime(undefined)).toBe('-');
    expect(formatJobTime(null)).toBe('-');
    expect(parseJobTime('-')).toBeNull();
    expect(formatUtcTime(Date.UTC(2021, 10, 21, 12, 30, 42, 999))).toBe('2021-11-21T12:30:42+0000');
    expect(formatJobTime(Date.UTC(2021, 0, 1), -330)).toBe('2020-12-31T18:30:00-0530');
  });

  it('round-trip format → parse at any offset (to the second) and pass the strict check', () => {
    fc.assert(fc.property(instant, offset, (ms, minutes) => {
      const text = formatJobTime(ms, minutes);
      expect(isJobTime(text)).toBe(true);
      expect(parseJobTime(text)).toBe(toSecond(ms));
    }), runs(500));
  });

  it('parse the ISO variants too (+08:00, Z, fractions) but the strict check refuses them', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: Date.UTC(9000, 0, 1) }), (ms) => {
      const iso = new Date(ms).toISOString();
      expect(parseJobTime(iso)).toBe(ms);
      expect(parseJobTime(formatJobTime(ms).replace(/(\d{2})(\d{2})$/, '$1:$2'))).toBe(toSecond(ms));
      expect(isJobTime(iso)).toBe(false);
    }), runs(200));
  });

  it.each(['2022-02-30T00:00:00+0800', '2022-07-18T24:00:00+0800', '2022-07-18T15:16:43+0860', '2022-07-18 15:16:43+0800', '2022-07-18T15:16:43', '', 'x'])('reject %j', (text) => {
    expect(() => parseJobTime(text)).toThrow(/^\[fileproc\] /);
    expect(isJobTime(text)).toBe(false);
  });

  it('refuse offsets and years they cannot write', () => {
    expect(() => formatJobTime(0, 24 * 60)).toThrow(/^\[fileproc\] /);
    expect(() => formatJobTime(Date.UTC(10000, 0, 1))).toThrow(/^\[fileproc\] /);
    expect(isJobTime('-', { allowUnset: false })).toBe(false);
  });
});

describe('HTTP dates (RFC 7231 §7.1.1.1)', () => {
  it('accept the three forms of the RFC example', () => {
    const expected = Date.UTC(1994, 10, 6, 8, 49, 37);
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(expected);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(expected);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994')).toBe(expected);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', Date.UTC(2060, 0, 1))).toBe(Date.UTC(2094, 10, 6, 8, 49, 37));
  });

  it('format IMF-fixdate like toUTCString and round-trip', () => {
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31) }), (ms) => {
      const text = formatHttpDate(ms);
      expect(text).toBe(new Date(ms).toUTCString());
      expect(parseHttpDate(text)).toBe(toSecond(ms));
    }), runs(300));
    expect(formatHttpDate(Date.UTC(2019, 4, 16, 6, 45, 51))).toBe('Thu, 16 May 2019 06:45:51 GMT');
  });

  it.each(['Sun, 31 Feb 1994 08:49:37 GMT', 'Sun, 06 Nov 1994 08:49:37 UTC', '1994-11-06T08:49:37Z', 'Sun, 6 Nov 1994 08:49:37 GMT', ''])('ignore %j', (text) => {
    expect(parseHttpDate(text)).toBeUndefined();
  });

  it('RFC 5322 dates with a numeric zone (AWS SigV2 examples): the offset applies; anything else is undefined', () => {
    expect(parseNumericZoneDate('Tue, 27 Mar 2007 19:36:42 +0000')).toBe(Date.UTC(2007, 2, 27, 19, 36, 42));
    expect(parseNumericZoneDate('27 Mar 2007 21:36:42 +0200')).toBe(Date.UTC(2007, 2, 27, 19, 36, 42));
    expect(parseNumericZoneDate('Tue, 27 Mar 2007 12:06:42 -0730')).toBe(Date.UTC(2007, 2, 27, 19, 36, 42));
    for (const text of ['Tue, 27 Mar 2007 19:36:42 GMT', 'Tue, 30 Feb 2007 19:36:42 +0000', 'Tue, 27 Mar 2007 19:36:42 +0060', '2007-03-27T19:36:42+00:00', 'Tue, 27 Mar 2007 19:36 +0000']) {
      expect(parseNumericZoneDate(text), text).toBeUndefined();
    }
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31) }), (ms) => {
      expect(parseNumericZoneDate(formatHttpDate(ms).replace('GMT', '+0000'))).toBe(toSecond(ms));
    }), runs(200));
  });
});
