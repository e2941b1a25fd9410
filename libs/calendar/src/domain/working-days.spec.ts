import fc from 'fast-check';
import { DomainError } from '@app/common/domain-error';
import { addDays, daysBetween, parseIsoDate, type IsoDate } from './calendar-day';
import { officialDayOverrides } from './official-holidays';
import {
  MAX_CONSECUTIVE_NON_WORKING_DAYS,
  NO_DAY_OVERRIDES,
  addWorkingDays,
  dayOverridesFrom,
  isWorkingDay,
  listWorkingDaysAfter,
  nextWorkingDay,
  previousWorkingDay,
  subtractWorkingDays,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
  workingDaysBetween,
  type DayKind,
  type DayOverrides,
} from './working-days';

const d = (value: string): IsoDate => parseIsoDate(value);
const official = officialDayOverrides();
const plain = NO_DAY_OVERRIDES;

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error: unknown) {
    return error;
  }
  throw new Error('expected a throw');
}

/** A small hand-made table, independent of the official data. */
const sample = new Map<IsoDate, DayKind>([
  [d('2030-03-06'), 'holiday'], // Wednesday off
  [d('2030-03-09'), 'workday'], // Saturday worked
  [d('2030-03-10'), 'workday'], // Sunday worked
]);

describe('isWorkingDay', () => {
  it('counts Monday to Friday as working days', () => {
    for (const day of ['2030-03-04', '2030-03-05', '2030-03-07', '2030-03-08', '2030-03-11']) {
      expect(isWorkingDay(d(day), sample)).toBe(true);
    }
  });

  it('skips Saturdays and Sundays', () => {
    expect(isWorkingDay(d('2030-03-02'), sample)).toBe(false);
    expect(isWorkingDay(d('2030-03-03'), sample)).toBe(false);
  });

  it('skips a public holiday that falls on a weekday', () => {
    expect(isWorkingDay(d('2030-03-06'), sample)).toBe(false);
    expect(isWorkingDay(d('2025-10-01'), official)).toBe(false);
  });

  it('counts a make-up Saturday as a working day', () => {
    expect(isWorkingDay(d('2030-03-09'), sample)).toBe(true);
    expect(isWorkingDay(d('2025-10-11'), official)).toBe(true);
  });

  it('counts a make-up Sunday as a working day', () => {
    expect(isWorkingDay(d('2030-03-10'), sample)).toBe(true);
    expect(isWorkingDay(d('2025-09-28'), official)).toBe(true);
  });

  it('keeps a weekend day inside a holiday period off', () => {
    expect(isWorkingDay(d('2025-10-04'), official)).toBe(false);
  });

  it('takes any object with get(): a plain function-backed lookup works like a Map', () => {
    const lookup: DayOverrides = { get: (date) => (date === '2030-03-04' ? 'holiday' : undefined) };
    expect(isWorkingDay(d('2030-03-04'), lookup)).toBe(false);
    expect(isWorkingDay(d('2030-03-05'), lookup)).toBe(true);
  });
});

describe('addWorkingDays', () => {
  it('a deadline of 1 working day from Monday lands on Tuesday', () => {
    expect(addWorkingDays(d('2025-03-03'), 1, plain)).toBe('2025-03-04');
  });

  it('a deadline of 2 working days from Friday lands on Tuesday', () => {
    expect(addWorkingDays(d('2025-03-07'), 2, plain)).toBe('2025-03-11');
  });

  it('a deadline of 5 working days from Wednesday lands on the next Wednesday', () => {
    expect(addWorkingDays(d('2025-03-05'), 5, plain)).toBe('2025-03-12');
  });

  it('does not count the start day, even when it is a working day', () => {
    expect(addWorkingDays(d('2025-03-03'), 1, plain)).not.toBe('2025-03-03');
  });

  it('1 working day after a Saturday or a Sunday is the Monday', () => {
    expect(addWorkingDays(d('2025-03-08'), 1, plain)).toBe('2025-03-10');
    expect(addWorkingDays(d('2025-03-09'), 1, plain)).toBe('2025-03-10');
  });

  it('0 working days from a working day is that day', () => {
    expect(addWorkingDays(d('2025-03-05'), 0, plain)).toBe('2025-03-05');
    expect(addWorkingDays(d('2025-09-28'), 0, official)).toBe('2025-09-28');
  });

  it('0 working days from a day off rolls forward to the next working day', () => {
    expect(addWorkingDays(d('2025-03-08'), 0, plain)).toBe('2025-03-10');
    expect(addWorkingDays(d('2025-10-01'), 0, official)).toBe('2025-10-09');
  });

  it('skips a weekday holiday', () => {
    expect(addWorkingDays(d('2030-03-05'), 1, sample)).toBe('2030-03-07');
  });

  it('counts the make-up weekend days', () => {
    // Thu 7, Fri 8, Sat 9 (worked), Sun 10 (worked), Mon 11.
    expect(addWorkingDays(d('2030-03-06'), 3, sample)).toBe('2030-03-09');
    expect(addWorkingDays(d('2030-03-06'), 4, sample)).toBe('2030-03-10');
    expect(addWorkingDays(d('2030-03-06'), 5, sample)).toBe('2030-03-11');
  });

  it('skips the Spring Festival week (2025: 除夕 28 Jan to 4 Feb off)', () => {
    expect(addWorkingDays(d('2025-01-27'), 1, official)).toBe('2025-02-05');
  });

  it('counts the make-up Sunday before the Spring Festival (2025-01-26)', () => {
    expect(addWorkingDays(d('2025-01-24'), 1, official)).toBe('2025-01-26');
    expect(addWorkingDays(d('2025-01-24'), 2, official)).toBe('2025-01-27');
    expect(addWorkingDays(d('2025-01-24'), 3, official)).toBe('2025-02-05');
  });

  it('skips the 9-day Spring Festival of 2026 and counts the make-up Saturdays around it', () => {
    // 2026-02-13 Fri → Sat 14 (worked) → 15..23 off → Tue 24.
    expect(listWorkingDaysAfter(d('2026-02-13'), 2, official)).toEqual(['2026-02-14', '2026-02-24']);
    // Fri 27 → Sat 28 (worked) → Mon 2 March.
    expect(listWorkingDaysAfter(d('2026-02-27'), 2, official)).toEqual(['2026-02-28', '2026-03-02']);
  });

  it('crosses a year boundary into a holiday and a make-up Sunday (2025-12-31 → 2026-01-04)', () => {
    expect(addWorkingDays(d('2025-12-31'), 1, official)).toBe('2026-01-04');
    expect(addWorkingDays(d('2025-12-31'), 2, official)).toBe('2026-01-05');
  });

  it('crosses a year boundary on plain weekends', () => {
    expect(addWorkingDays(d('2027-12-30'), 3, plain)).toBe('2028-01-04'); // Thu → Fri 31, Mon 3, Tue 4
  });

  it('crosses the New Year break that starts on 2022-12-31', () => {
    expect(addWorkingDays(d('2022-12-30'), 1, official)).toBe('2023-01-03');
  });

  it('counts 29 February as an ordinary working day in a leap year', () => {
    expect(addWorkingDays(d('2024-02-28'), 1, official)).toBe('2024-02-29'); // Wed → Thu
    expect(addWorkingDays(d('2024-02-28'), 2, official)).toBe('2024-03-01');
    expect(addWorkingDays(d('2023-02-28'), 1, official)).toBe('2023-03-01');
  });

  it('going back: -1 working day from a Monday is the Friday', () => {
    expect(addWorkingDays(d('2025-03-10'), -1, plain)).toBe('2025-03-07');
  });

  it('going back: -2 working days from a Saturday is the Thursday', () => {
    expect(addWorkingDays(d('2025-03-08'), -2, plain)).toBe('2025-03-06');
  });

  it('going back skips the 国庆节 holidays and counts the make-up Sunday', () => {
    expect(addWorkingDays(d('2025-10-09'), -1, official)).toBe('2025-09-30');
    expect(addWorkingDays(d('2025-09-29'), -1, official)).toBe('2025-09-28');
    expect(addWorkingDays(d('2025-09-28'), -1, official)).toBe('2025-09-26');
  });

  it('rejects a fractional or non-finite number of working days with INVALID_WORKING_DAYS', () => {
    expect(caught(() => addWorkingDays(d('2025-03-03'), 1.5, plain))).toMatchObject({ code: 'INVALID_WORKING_DAYS', field: 'n' });
    expect(caught(() => addWorkingDays(d('2025-03-03'), Number.NaN, plain))).toMatchObject({ code: 'INVALID_WORKING_DAYS' });
    expect(caught(() => addWorkingDays(d('2025-03-03'), Infinity, plain))).toMatchObject({ code: 'INVALID_WORKING_DAYS' });
  });
});

describe('subtractWorkingDays', () => {
  it('is addWorkingDays with a negative count', () => {
    expect(subtractWorkingDays(d('2025-10-09'), 3, official)).toBe(addWorkingDays(d('2025-10-09'), -3, official));
    expect(subtractWorkingDays(d('2025-10-09'), 3, official)).toBe('2025-09-28');
  });

  it('0 working days back from a day off rolls back to the previous working day', () => {
    expect(subtractWorkingDays(d('2025-03-09'), 0, plain)).toBe('2025-03-07');
    expect(subtractWorkingDays(d('2025-10-05'), 0, official)).toBe('2025-09-30');
    expect(subtractWorkingDays(d('2025-03-05'), 0, plain)).toBe('2025-03-05');
  });

  it('rejects a negative count', () => {
    expect(caught(() => subtractWorkingDays(d('2025-03-05'), -1, plain))).toMatchObject({ code: 'INVALID_WORKING_DAYS' });
  });
});

describe('nextWorkingDay and previousWorkingDay', () => {
  it('the next working day after Friday is Monday', () => {
    expect(nextWorkingDay(d('2025-03-07'), plain)).toBe('2025-03-10');
  });

  it('the next working day is strictly after the date, even when the date is worked', () => {
    expect(nextWorkingDay(d('2025-03-04'), plain)).toBe('2025-03-05');
  });

  it('the next working day after the 2025 National Day eve is 9 October', () => {
    expect(nextWorkingDay(d('2025-09-30'), official)).toBe('2025-10-09');
  });

  it('the next working day after a Friday before a make-up Saturday is that Saturday', () => {
    expect(nextWorkingDay(d('2025-10-10'), official)).toBe('2025-10-11');
  });

  it('the previous working day before Monday is Friday, or a make-up Sunday', () => {
    expect(previousWorkingDay(d('2025-03-10'), plain)).toBe('2025-03-07');
    expect(previousWorkingDay(d('2025-09-29'), official)).toBe('2025-09-28');
  });

  it('workingDayOnOrAfter / OnOrBefore keep a working day and roll a day off', () => {
    expect(workingDayOnOrAfter(d('2025-03-05'), plain)).toBe('2025-03-05');
    expect(workingDayOnOrAfter(d('2025-03-08'), plain)).toBe('2025-03-10');
    expect(workingDayOnOrBefore(d('2025-03-05'), plain)).toBe('2025-03-05');
    expect(workingDayOnOrBefore(d('2025-03-08'), plain)).toBe('2025-03-07');
  });
});

describe('workingDaysBetween', () => {
  it('counts the half-open interval (from, to]: Friday to Monday is 1', () => {
    expect(workingDaysBetween(d('2025-03-07'), d('2025-03-10'), plain)).toBe(1);
  });

  it('is 0 from a day to itself', () => {
    expect(workingDaysBetween(d('2025-03-05'), d('2025-03-05'), plain)).toBe(0);
  });

  it('is 0 from Friday to Sunday', () => {
    expect(workingDaysBetween(d('2025-03-07'), d('2025-03-09'), plain)).toBe(0);
  });

  it('counts a full plain week as 5', () => {
    expect(workingDaysBetween(d('2025-03-03'), d('2025-03-10'), plain)).toBe(5);
  });

  it('is negative when to is before from, and antisymmetric', () => {
    expect(workingDaysBetween(d('2025-03-10'), d('2025-03-07'), plain)).toBe(-1);
    expect(workingDaysBetween(d('2025-03-09'), d('2025-03-07'), plain)).toBe(0); // (Fri, Sun]: none, and not -0
    expect(workingDaysBetween(d('2025-10-15'), d('2025-09-26'), official)).toBe(
      -workingDaysBetween(d('2025-09-26'), d('2025-10-15'), official),
    );
  });

  it('counts 5 working days across the 2025 National Day break (make-up days included)', () => {
    // (2025-09-27, 2025-10-10]: 28 (Sun, worked), 29, 30, then 1–8 off, 9, 10 → 5.
    expect(workingDaysBetween(d('2025-09-27'), d('2025-10-10'), official)).toBe(5);
    // (2025-09-30, 2025-10-08]: all off.
    expect(workingDaysBetween(d('2025-09-30'), d('2025-10-08'), official)).toBe(0);
  });

  it('counts 251 working days in 2024 (a leap year) and 248 in 2025 under the official calendar', () => {
    // 2024: 262 weekdays − 19 weekday holidays + 8 make-up weekend days.
    expect(workingDaysBetween(d('2023-12-31'), d('2024-12-31'), official)).toBe(262 - 19 + 8);
    // 2025: 261 weekdays − 18 weekday holidays + 5 make-up weekend days.
    expect(workingDaysBetween(d('2024-12-31'), d('2025-12-31'), official)).toBe(261 - 18 + 5);
  });
});

describe('a 10-working-day listing across 国庆节 2025', () => {
  // 2025-10-01..08 off; Sunday 2025-09-28 and Saturday 2025-10-11 worked.
  const expected = [
    '2025-09-28', // Sun, 调休上班
    '2025-09-29',
    '2025-09-30',
    '2025-10-09',
    '2025-10-10',
    '2025-10-11', // Sat, 调休上班
    '2025-10-13',
    '2025-10-14',
    '2025-10-15',
    '2025-10-16',
  ];

  it('lists the 10 working days after Friday 2025-09-26, skipping 1–8 October and counting both make-up days', () => {
    expect(listWorkingDaysAfter(d('2025-09-26'), 10, official)).toEqual(expected);
  });

  it('agrees with addWorkingDays for every n from 1 to 10', () => {
    expected.forEach((day, index) => {
      expect(addWorkingDays(d('2025-09-26'), index + 1, official)).toBe(day);
    });
  });

  it('a deadline of 10 working days from Friday 2025-09-26 lands on Thursday 2025-10-16', () => {
    expect(addWorkingDays(d('2025-09-26'), 10, official)).toBe('2025-10-16');
    expect(workingDaysBetween(d('2025-09-26'), d('2025-10-16'), official)).toBe(10);
  });

  it('lists nothing for a count of 0 and rejects a negative count', () => {
    expect(listWorkingDaysAfter(d('2025-09-26'), 0, official)).toEqual([]);
    expect(caught(() => listWorkingDaysAfter(d('2025-09-26'), -1, official))).toMatchObject({ code: 'INVALID_WORKING_DAYS' });
  });
});

describe('runaway guard', () => {
  const everyDayOff: DayOverrides = { get: () => 'holiday' };

  it('throws CALENDAR_UNBOUNDED when no working day follows for more than 3,660 days', () => {
    const error = caught(() => addWorkingDays(d('2025-01-01'), 1, everyDayOff));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'CALENDAR_UNBOUNDED' });
    expect(caught(() => nextWorkingDay(d('2025-01-01'), everyDayOff))).toMatchObject({ code: 'CALENDAR_UNBOUNDED' });
    expect(caught(() => addWorkingDays(d('2025-01-01'), 0, everyDayOff))).toMatchObject({ code: 'CALENDAR_UNBOUNDED' });
    expect(caught(() => addWorkingDays(d('2025-01-01'), -1, everyDayOff))).toMatchObject({ code: 'CALENDAR_UNBOUNDED' });
  });

  /** Every day in (start, start + length] is a holiday. */
  const offFor = (start: IsoDate, length: number): DayOverrides => ({
    get: (date) => {
      const offset = daysBetween(start, date);
      return offset >= 1 && offset <= length ? 'holiday' : 'workday';
    },
  });

  it('walks through exactly 3,660 days off in a row', () => {
    const start = d('2025-01-01');
    expect(nextWorkingDay(start, offFor(start, MAX_CONSECUTIVE_NON_WORKING_DAYS))).toBe(
      addDays(start, MAX_CONSECUTIVE_NON_WORKING_DAYS + 1),
    );
  });

  it('stops at 3,661 days off in a row', () => {
    const start = d('2025-01-01');
    expect(caught(() => nextWorkingDay(start, offFor(start, MAX_CONSECUTIVE_NON_WORKING_DAYS + 1)))).toMatchObject({
      code: 'CALENDAR_UNBOUNDED',
    });
  });

  it('still counts (0) over a long stretch of days off: counting always terminates', () => {
    expect(workingDaysBetween(d('2025-01-01'), d('2040-01-01'), everyDayOff)).toBe(0);
  });
});

describe('dayOverridesFrom', () => {
  it('builds a lookup from table rows', () => {
    const lookup = dayOverridesFrom([
      { date: '2030-03-06', kind: 'holiday', name: '地方节日' },
      { date: '2030-03-09', kind: 'workday' },
    ]);
    expect(lookup.get(d('2030-03-06'))).toBe('holiday');
    expect(lookup.get(d('2030-03-09'))).toBe('workday');
    expect(lookup.get(d('2030-03-07'))).toBeUndefined();
  });

  it('rejects an invalid date naming the row', () => {
    expect(caught(() => dayOverridesFrom([{ date: '2030-03-06', kind: 'holiday' }, { date: '2023-02-29', kind: 'holiday' }]))).toMatchObject({
      code: 'INVALID_DATE',
      field: 'rows[1].date',
    });
  });

  it('rejects the same date as both a holiday and a workday, but tolerates an exact repeat', () => {
    expect(caught(() => dayOverridesFrom([{ date: '2030-03-09', kind: 'holiday' }, { date: '2030-03-09', kind: 'workday' }]))).toMatchObject({
      code: 'CALENDAR_CONFLICT',
    });
    expect(dayOverridesFrom([{ date: '2030-03-09', kind: 'workday' }, { date: '2030-03-09', kind: 'workday' }]).size).toBe(1);
  });
});

describe('properties', () => {
  const FIRST = d('2019-07-01');
  const SPAN = daysBetween(FIRST, d('2027-06-30'));
  const anyDay = fc.integer({ min: 0, max: SPAN }).map((offset) => addDays(FIRST, offset));
  const aWorkingDay = (overrides: DayOverrides) => anyDay.map((day) => workingDayOnOrAfter(day, overrides));

  /** Random staff tables: a few hundred random days marked off or worked around 2030. */
  const randomTable = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 900 }), fc.constantFrom<DayKind>('holiday', 'workday')), { maxLength: 300 })
    .map((entries) => new Map(entries.map(([offset, kind]) => [addDays(d('2029-06-01'), offset), kind] as const)));
  const randomWorkingDayIn = (table: Map<IsoDate, DayKind>) =>
    fc.integer({ min: 0, max: 900 }).map((offset) => workingDayOnOrAfter(addDays(d('2029-06-01'), offset), table));

  it('workingDaysBetween(d, addWorkingDays(d, n)) === n for every working day d and n in 0..400 (official calendar)', () => {
    fc.assert(
      fc.property(aWorkingDay(official), fc.integer({ min: 0, max: 400 }), (day, n) => {
        expect(workingDaysBetween(day, addWorkingDays(day, n, official), official)).toBe(n);
      }),
      { numRuns: 300 },
    );
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) === n for every working day d and n in 0..400 (random tables)', () => {
    fc.assert(
      fc.property(
        randomTable.chain((table) => fc.tuple(fc.constant(table), randomWorkingDayIn(table), fc.integer({ min: 0, max: 400 }))),
        ([table, day, n]) => {
          expect(workingDaysBetween(day, addWorkingDays(day, n, table), table)).toBe(n);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the same holds going backwards: workingDaysBetween(d, addWorkingDays(d, -n)) === -n', () => {
    fc.assert(
      fc.property(aWorkingDay(official), fc.integer({ min: 0, max: 400 }), (day, n) => {
        expect(workingDaysBetween(day, addWorkingDays(day, -n, official), official)).toBe(0 - n);
      }),
      { numRuns: 300 },
    );
  });

  it('the result of addWorkingDays is always a working day, from any start and for any n in -400..400', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -400, max: 400 }), (day, n) => {
        expect(isWorkingDay(addWorkingDays(day, n, official), official)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('for n ≥ 1 the result is after the start and every day strictly between start and result that is worked was counted', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 60 }), (day, n) => {
        const result = addWorkingDays(day, n, official);
        expect(daysBetween(day, result)).toBeGreaterThan(0);
        expect(workingDaysBetween(day, result, official)).toBe(n);
        expect(workingDaysBetween(day, addDays(result, -1), official)).toBe(n - 1);
      }),
      { numRuns: 300 },
    );
  });

  it('adding working days in two steps equals adding them at once, from a working day', () => {
    fc.assert(
      fc.property(aWorkingDay(official), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), (day, a, b) => {
        expect(addWorkingDays(addWorkingDays(day, a, official), b, official)).toBe(addWorkingDays(day, a + b, official));
      }),
      { numRuns: 200 },
    );
  });

  it('workingDaysBetween is additive over adjacent intervals and antisymmetric', () => {
    fc.assert(
      fc.property(anyDay, anyDay, anyDay, (a, b, c) => {
        const ab = workingDaysBetween(a, b, official);
        expect(ab + workingDaysBetween(b, c, official)).toBe(workingDaysBetween(a, c, official));
        expect(workingDaysBetween(b, a, official)).toBe(0 - ab);
      }),
      { numRuns: 200 },
    );
  });
});
