import fc from 'fast-check';
import { DomainError } from '@app/common/domain-error';
import {
  addDays,
  compare,
  dayOfWeek,
  daysBetween,
  isIsoDate,
  isWeekend,
  parseIsoDate,
  toShanghaiDate,
  type IsoDate,
} from './calendar-day';

const d = (value: string): IsoDate => parseIsoDate(value);

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error: unknown) {
    return error;
  }
  throw new Error('expected a throw');
}

/** Dates 0001-01-01 .. 9999-12-31 as generated through the UTC `Date` API, the independent oracle. */
const utcDate = fc
  .integer({ min: Date.UTC(1, 0, 1) / 86_400_000, max: Date.UTC(9999, 11, 31) / 86_400_000 })
  .map((dayNumber) => new Date(dayNumber * 86_400_000));
const isoOf = (date: Date): string => date.toISOString().slice(0, 10);

describe('parseIsoDate', () => {
  it('accepts a real calendar date written YYYY-MM-DD and returns it unchanged', () => {
    expect(parseIsoDate('2025-10-01')).toBe('2025-10-01');
    expect(parseIsoDate('0001-01-01')).toBe('0001-01-01');
    expect(parseIsoDate('9999-12-31')).toBe('9999-12-31');
  });

  it('accepts 29 February in a leap year (2024, 2000)', () => {
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(parseIsoDate('2000-02-29')).toBe('2000-02-29');
  });

  it('rejects 29 February in a common year, including century years not divisible by 400', () => {
    for (const value of ['2023-02-29', '2025-02-29', '1900-02-29', '2100-02-29']) {
      expect(() => parseIsoDate(value)).toThrow(DomainError);
    }
  });

  it('rejects days that do not exist in their month', () => {
    for (const value of ['2025-04-31', '2025-06-31', '2025-09-31', '2025-11-31', '2025-01-32', '2025-02-30', '2025-03-00']) {
      expect(isIsoDate(value)).toBe(false);
    }
  });

  it('rejects month 00 and month 13', () => {
    expect(isIsoDate('2025-00-10')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
  });

  it('rejects other formats, times, padding and year 0000', () => {
    for (const value of [
      '',
      '2025-1-01',
      '2025-01-1',
      '20250101',
      '2025/01/01',
      '01-01-2025',
      '2025-01-01T00:00:00Z',
      ' 2025-01-01',
      '2025-01-01 ',
      '+2025-01-01',
      '12025-01-01',
      '0000-01-01',
      '２０２５-01-01',
    ]) {
      expect(isIsoDate(value)).toBe(false);
    }
  });

  it('rejects values that are not strings', () => {
    for (const value of [undefined, null, 20250101, new Date('2025-01-01'), {}]) {
      expect(isIsoDate(value)).toBe(false);
    }
  });

  it('throws DomainError INVALID_DATE naming the field that was given', () => {
    const error = caught(() => parseIsoDate('2023-02-29', 'deadline'));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'INVALID_DATE', field: 'deadline' });
    expect((error as DomainError).message).toContain('2023-02-29');
  });

  it('throws INVALID_DATE without a field when none is given', () => {
    expect(caught(() => parseIsoDate('nope'))).toMatchObject({ code: 'INVALID_DATE', field: undefined });
  });

  it('agrees with the UTC Date API on every date of years 0001–9999 (property)', () => {
    fc.assert(
      fc.property(utcDate, (date) => {
        expect(parseIsoDate(isoOf(date))).toBe(isoOf(date));
      }),
    );
  });
});

describe('addDays', () => {
  it('steps over month ends, year ends and leap days', () => {
    expect(addDays(d('2025-01-31'), 1)).toBe('2025-02-01');
    expect(addDays(d('2025-12-31'), 1)).toBe('2026-01-01');
    expect(addDays(d('2026-01-01'), -1)).toBe('2025-12-31');
    expect(addDays(d('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(d('2024-02-29'), 1)).toBe('2024-03-01');
    expect(addDays(d('2023-02-28'), 1)).toBe('2023-03-01');
    expect(addDays(d('2024-03-01'), -1)).toBe('2024-02-29');
    expect(addDays(d('2024-01-01'), 366)).toBe('2025-01-01');
    expect(addDays(d('2025-01-01'), 365)).toBe('2026-01-01');
    expect(addDays(d('2025-06-15'), 0)).toBe('2025-06-15');
  });

  it('rejects a result outside the years 0001–9999 with INVALID_DATE', () => {
    expect(caught(() => addDays(d('9999-12-31'), 1))).toMatchObject({ code: 'INVALID_DATE' });
    expect(caught(() => addDays(d('0001-01-01'), -1))).toMatchObject({ code: 'INVALID_DATE' });
  });

  it('rejects a fractional number of days', () => {
    expect(caught(() => addDays(d('2025-01-01'), 1.5))).toMatchObject({ code: 'INVALID_DATE', field: 'days' });
    expect(caught(() => addDays(d('2025-01-01'), Number.NaN))).toMatchObject({ code: 'INVALID_DATE' });
  });

  it('agrees with UTC Date arithmetic, and daysBetween undoes it (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2200, 11, 31) / 86_400_000 }),
        fc.integer({ min: -40_000, max: 40_000 }),
        (start, offset) => {
          const from = d(isoOf(new Date(start * 86_400_000)));
          const to = addDays(from, offset);
          expect(to).toBe(isoOf(new Date((start + offset) * 86_400_000)));
          expect(daysBetween(from, to)).toBe(offset);
        },
      ),
    );
  });
});

describe('compare', () => {
  it('orders dates chronologically and works as a sort comparator', () => {
    expect(compare(d('2025-01-01'), d('2025-01-02'))).toBe(-1);
    expect(compare(d('2025-01-02'), d('2025-01-01'))).toBe(1);
    expect(compare(d('2025-01-01'), d('2025-01-01'))).toBe(0);
    expect(compare(d('0999-12-31'), d('1000-01-01'))).toBe(-1);
    expect([d('2026-01-01'), d('2024-02-29'), d('2025-12-31')].sort(compare)).toEqual(['2024-02-29', '2025-12-31', '2026-01-01']);
  });
});

describe('dayOfWeek', () => {
  it('numbers days 0 = Sunday … 6 = Saturday', () => {
    expect(dayOfWeek(d('2025-10-01'))).toBe(3); // 周三, as the 2025 notice says
    expect(dayOfWeek(d('2025-09-28'))).toBe(0); // 周日
    expect(dayOfWeek(d('2025-10-11'))).toBe(6); // 周六
    expect(dayOfWeek(d('2024-02-29'))).toBe(4);
    expect(dayOfWeek(d('1970-01-01'))).toBe(4);
    expect(dayOfWeek(d('2000-01-01'))).toBe(6);
    expect(dayOfWeek(d('0001-01-01'))).toBe(1);
  });

  it('treats Saturday and Sunday, and only they, as the weekend', () => {
    expect(isWeekend(d('2025-10-11'))).toBe(true);
    expect(isWeekend(d('2025-10-12'))).toBe(true);
    expect(isWeekend(d('2025-10-10'))).toBe(false);
    expect(isWeekend(d('2025-10-13'))).toBe(false);
  });

  it('agrees with Date#getUTCDay on every date (property)', () => {
    fc.assert(
      fc.property(utcDate, (date) => {
        expect(dayOfWeek(d(isoOf(date)))).toBe(date.getUTCDay());
      }),
    );
  });

  it('does not depend on the process time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const zone of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Shanghai', 'UTC']) {
        process.env.TZ = zone;
        expect(dayOfWeek(d('2025-10-01'))).toBe(3);
        expect(addDays(d('2025-03-29'), 2)).toBe('2025-03-31');
        expect(toShanghaiDate(new Date('2025-03-30T16:30:00Z'))).toBe('2025-03-31');
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('toShanghaiDate', () => {
  it('puts an instant after 16:00 UTC on the next Shanghai day (UTC+8)', () => {
    expect(toShanghaiDate(new Date('2024-12-31T15:59:59.999Z'))).toBe('2024-12-31');
    expect(toShanghaiDate(new Date('2024-12-31T16:00:00.000Z'))).toBe('2025-01-01');
    expect(toShanghaiDate(new Date('2024-02-28T16:00:00Z'))).toBe('2024-02-29');
  });

  it('uses another zone when asked', () => {
    const instant = new Date('2025-01-01T02:00:00Z');
    expect(toShanghaiDate(instant)).toBe('2025-01-01');
    expect(toShanghaiDate(instant, 'UTC')).toBe('2025-01-01');
    expect(toShanghaiDate(instant, 'America/New_York')).toBe('2024-12-31');
  });

  it('rejects an invalid Date with INVALID_DATE', () => {
    expect(caught(() => toShanghaiDate(new Date('not a date')))).toMatchObject({ code: 'INVALID_DATE', field: 'instant' });
  });

  it('rejects an unknown time zone with INVALID_DATE', () => {
    expect(caught(() => toShanghaiDate(new Date(), 'Mars/Olympus_Mons'))).toMatchObject({
      code: 'INVALID_DATE',
      field: 'timeZone',
    });
  });

  // China has had no daylight saving time since 1991, so since 1992 Shanghai is UTC+8 all year.
  it('is the UTC date of the instant shifted by eight hours since 1992 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        expect(toShanghaiDate(new Date(ms))).toBe(isoOf(new Date(ms + 8 * 3_600_000)));
      }),
    );
  });
});
