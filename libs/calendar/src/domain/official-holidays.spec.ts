import { addDays, compare, dayOfWeek, isWeekend, parseIsoDate, type IsoDate } from './calendar-day';
import { OFFICIAL_DAY_OVERRIDES, OFFICIAL_HOLIDAY_NOTICES, officialDayOverrides } from './official-holidays';
import { isWorkingDay } from './working-days';

/**
 * Each notice as it reads: per holiday, the first and last day off, the "共N天" it states, and the
 * make-up working days ("…上班"). Written from the notice texts, independently of the table.
 */
interface NoticePeriod {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly days: number;
  readonly workdays: readonly string[];
}

const NOTICES: Readonly<Record<number, readonly NoticePeriod[]>> = {
  2020: [
    { name: '元旦', from: '2020-01-01', to: '2020-01-01', days: 1, workdays: [] },
    // 1月24日至30日 共7天, extended by 国办发明电〔2020〕1号 to 2月2日 (3 more days; 2月1日 no longer worked).
    { name: '春节', from: '2020-01-24', to: '2020-02-02', days: 7 + 3, workdays: ['2020-01-19'] },
    { name: '清明节', from: '2020-04-04', to: '2020-04-06', days: 3, workdays: [] },
    { name: '劳动节', from: '2020-05-01', to: '2020-05-05', days: 5, workdays: ['2020-04-26', '2020-05-09'] },
    { name: '端午节', from: '2020-06-25', to: '2020-06-27', days: 3, workdays: ['2020-06-28'] },
    { name: '国庆节、中秋节', from: '2020-10-01', to: '2020-10-08', days: 8, workdays: ['2020-09-27', '2020-10-10'] },
  ],
  2021: [
    { name: '元旦', from: '2021-01-01', to: '2021-01-03', days: 3, workdays: [] },
    { name: '春节', from: '2021-02-11', to: '2021-02-17', days: 7, workdays: ['2021-02-07', '2021-02-20'] },
    { name: '清明节', from: '2021-04-03', to: '2021-04-05', days: 3, workdays: [] },
    { name: '劳动节', from: '2021-05-01', to: '2021-05-05', days: 5, workdays: ['2021-04-25', '2021-05-08'] },
    { name: '端午节', from: '2021-06-12', to: '2021-06-14', days: 3, workdays: [] },
    { name: '中秋节', from: '2021-09-19', to: '2021-09-21', days: 3, workdays: ['2021-09-18'] },
    { name: '国庆节', from: '2021-10-01', to: '2021-10-07', days: 7, workdays: ['2021-09-26', '2021-10-09'] },
  ],
  2022: [
    { name: '元旦', from: '2022-01-01', to: '2022-01-03', days: 3, workdays: [] },
    { name: '春节', from: '2022-01-31', to: '2022-02-06', days: 7, workdays: ['2022-01-29', '2022-01-30'] },
    { name: '清明节', from: '2022-04-03', to: '2022-04-05', days: 3, workdays: ['2022-04-02'] },
    { name: '劳动节', from: '2022-04-30', to: '2022-05-04', days: 5, workdays: ['2022-04-24', '2022-05-07'] },
    { name: '端午节', from: '2022-06-03', to: '2022-06-05', days: 3, workdays: [] },
    { name: '中秋节', from: '2022-09-10', to: '2022-09-12', days: 3, workdays: [] },
    { name: '国庆节', from: '2022-10-01', to: '2022-10-07', days: 7, workdays: ['2022-10-08', '2022-10-09'] },
  ],
  2023: [
    { name: '元旦', from: '2022-12-31', to: '2023-01-02', days: 3, workdays: [] },
    { name: '春节', from: '2023-01-21', to: '2023-01-27', days: 7, workdays: ['2023-01-28', '2023-01-29'] },
    { name: '清明节', from: '2023-04-05', to: '2023-04-05', days: 1, workdays: [] },
    { name: '劳动节', from: '2023-04-29', to: '2023-05-03', days: 5, workdays: ['2023-04-23', '2023-05-06'] },
    { name: '端午节', from: '2023-06-22', to: '2023-06-24', days: 3, workdays: ['2023-06-25'] },
    { name: '中秋节、国庆节', from: '2023-09-29', to: '2023-10-06', days: 8, workdays: ['2023-10-07', '2023-10-08'] },
  ],
  2024: [
    // "1月1日放假，与周末连休" and "6月10日放假，与周末连休": the named day only.
    { name: '元旦', from: '2024-01-01', to: '2024-01-01', days: 1, workdays: [] },
    { name: '春节', from: '2024-02-10', to: '2024-02-17', days: 8, workdays: ['2024-02-04', '2024-02-18'] },
    { name: '清明节', from: '2024-04-04', to: '2024-04-06', days: 3, workdays: ['2024-04-07'] },
    { name: '劳动节', from: '2024-05-01', to: '2024-05-05', days: 5, workdays: ['2024-04-28', '2024-05-11'] },
    { name: '端午节', from: '2024-06-10', to: '2024-06-10', days: 1, workdays: [] },
    { name: '中秋节', from: '2024-09-15', to: '2024-09-17', days: 3, workdays: ['2024-09-14'] },
    { name: '国庆节', from: '2024-10-01', to: '2024-10-07', days: 7, workdays: ['2024-09-29', '2024-10-12'] },
  ],
  2025: [
    { name: '元旦', from: '2025-01-01', to: '2025-01-01', days: 1, workdays: [] },
    { name: '春节', from: '2025-01-28', to: '2025-02-04', days: 8, workdays: ['2025-01-26', '2025-02-08'] },
    { name: '清明节', from: '2025-04-04', to: '2025-04-06', days: 3, workdays: [] },
    { name: '劳动节', from: '2025-05-01', to: '2025-05-05', days: 5, workdays: ['2025-04-27'] },
    { name: '端午节', from: '2025-05-31', to: '2025-06-02', days: 3, workdays: [] },
    { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08', days: 8, workdays: ['2025-09-28', '2025-10-11'] },
  ],
  2026: [
    { name: '元旦', from: '2026-01-01', to: '2026-01-03', days: 3, workdays: ['2026-01-04'] },
    { name: '春节', from: '2026-02-15', to: '2026-02-23', days: 9, workdays: ['2026-02-14', '2026-02-28'] },
    { name: '清明节', from: '2026-04-04', to: '2026-04-06', days: 3, workdays: [] },
    { name: '劳动节', from: '2026-05-01', to: '2026-05-05', days: 5, workdays: ['2026-05-09'] },
    { name: '端午节', from: '2026-06-19', to: '2026-06-21', days: 3, workdays: [] },
    { name: '中秋节', from: '2026-09-25', to: '2026-09-27', days: 3, workdays: [] },
    { name: '国庆节', from: '2026-10-01', to: '2026-10-07', days: 7, workdays: ['2026-09-20', '2026-10-10'] },
  ],
};

/** Total days off each notice announces (sum of its "共N天"). */
const TOTAL_DAYS_OFF: Readonly<Record<number, number>> = {
  2020: 30, // 1 + 10 + 3 + 5 + 3 + 8
  2021: 31, // 3 + 7 + 3 + 5 + 3 + 3 + 7
  2022: 31, // 3 + 7 + 3 + 5 + 3 + 3 + 7
  2023: 27, // 3 + 7 + 1 + 5 + 3 + 8
  2024: 28, // 1 + 8 + 3 + 5 + 1 + 3 + 7
  2025: 28, // 1 + 8 + 3 + 5 + 3 + 8
  2026: 33, // 3 + 9 + 3 + 5 + 3 + 3 + 7
};

const YEARS = Object.keys(NOTICES).map(Number);

function datesFrom(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let day = parseIsoDate(from); compare(day, parseIsoDate(to)) <= 0; day = addDays(day, 1)) dates.push(day);
  return dates;
}

/** The rows that belong to one notice: from its first holiday or make-up day to its last. */
function rowsOfNotice(year: number) {
  const all = NOTICES[year].flatMap((period) => [period.from, period.to, ...period.workdays]).sort();
  const first = all[0];
  const last = all[all.length - 1];
  return OFFICIAL_DAY_OVERRIDES.filter((row) => row.date >= first && row.date <= last);
}

describe('the official holiday table', () => {
  it('has only real calendar dates', () => {
    for (const row of OFFICIAL_DAY_OVERRIDES) expect(() => parseIsoDate(row.date)).not.toThrow();
  });

  it('lists no date twice', () => {
    const dates = OFFICIAL_DAY_OVERRIDES.map((row) => row.date);
    expect(new Set(dates).size).toBe(dates.length);
  });

  it('keeps the notices in year order, each in a block of its own', () => {
    for (let i = 1; i < YEARS.length; i++) {
      const previous = rowsOfNotice(YEARS[i - 1]);
      const current = rowsOfNotice(YEARS[i]);
      expect(previous[previous.length - 1].date < current[0].date).toBe(true);
      expect(OFFICIAL_DAY_OVERRIDES.indexOf(previous[previous.length - 1]) + 1).toBe(OFFICIAL_DAY_OVERRIDES.indexOf(current[0]));
    }
  });

  it('puts every make-up working day (workday row) on a Saturday or a Sunday', () => {
    const offenders = OFFICIAL_DAY_OVERRIDES.filter((row) => row.kind === 'workday' && !isWeekend(parseIsoDate(row.date)));
    expect(offenders).toEqual([]);
  });

  it('names every make-up working day after its holiday, e.g. 春节调休上班', () => {
    const holidayNames = new Set(OFFICIAL_DAY_OVERRIDES.filter((row) => row.kind === 'holiday').map((row) => row.name));
    for (const row of OFFICIAL_DAY_OVERRIDES.filter((r) => r.kind === 'workday')) {
      expect(row.name).toMatch(/调休上班$/);
      expect(holidayNames.has(row.name.replace(/调休上班$/, ''))).toBe(true);
    }
  });

  it('uses only the statutory holiday names', () => {
    const allowed = new Set(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节', '国庆节、中秋节', '中秋节、国庆节']);
    for (const row of OFFICIAL_DAY_OVERRIDES.filter((r) => r.kind === 'holiday')) expect(allowed.has(row.name)).toBe(true);
  });

  it('covers 2020 through 2026, one source notice per year', () => {
    expect(OFFICIAL_HOLIDAY_NOTICES.map((notice) => notice.year)).toEqual(YEARS);
    for (const notice of OFFICIAL_HOLIDAY_NOTICES) {
      expect(notice.title).toBe(`国务院办公厅关于${notice.year}年部分节假日安排的通知`);
      // Each notice is issued the year before, under that year's 国办发明电 numbering.
      expect(notice.documentNumber).toMatch(new RegExp(`^国办发明电〔${notice.year - 1}〕\\d+号$`));
      expect(notice.issued.startsWith(String(notice.year - 1))).toBe(true);
    }
    const years = OFFICIAL_DAY_OVERRIDES.map((row) => Number(row.date.slice(0, 4)));
    expect(Math.min(...years)).toBe(2019 + 1);
    expect(Math.max(...years)).toBe(2026);
  });

  it('builds into a lookup without conflicts, once', () => {
    expect(officialDayOverrides().size).toBe(OFFICIAL_DAY_OVERRIDES.length);
    expect(officialDayOverrides()).toBe(officialDayOverrides());
  });

  it('holds exactly the rows of the notices, nothing more', () => {
    const expected = YEARS.flatMap((year) => NOTICES[year].flatMap((period) => datesFrom(period.from, period.to).length + period.workdays.length));
    expect(OFFICIAL_DAY_OVERRIDES.length).toBe(expected.reduce((sum, n) => sum + n, 0));
  });

  describe.each(YEARS)('the %i notice', (year) => {
    const periods = NOTICES[year];

    it.each(periods.map((period) => [period.name, period] as const))(
      'gives %s every day of its period off and matches the notice’s day count',
      (_name, period) => {
        const dates = datesFrom(period.from, period.to);
        expect(dates).toHaveLength(period.days);
        for (const date of dates) {
          expect(OFFICIAL_DAY_OVERRIDES).toContainEqual({ date, kind: 'holiday', name: period.name });
          expect(isWorkingDay(date as IsoDate, officialDayOverrides())).toBe(false);
        }
      },
    );

    it.each(periods.map((period) => [period.name, period] as const))('lists the make-up working days of %s', (_name, period) => {
      for (const date of period.workdays) {
        expect(OFFICIAL_DAY_OVERRIDES).toContainEqual({ date, kind: 'workday', name: `${period.name}调休上班` });
        expect(isWorkingDay(date as IsoDate, officialDayOverrides())).toBe(true);
      }
    });

    it('matches the total days off and the make-up days of the notice, with no stray rows', () => {
      const rows = rowsOfNotice(year);
      const holidays = rows.filter((row) => row.kind === 'holiday');
      const workdays = rows.filter((row) => row.kind === 'workday').map((row) => row.date);
      expect(holidays).toHaveLength(TOTAL_DAYS_OFF[year]);
      expect(holidays).toHaveLength(periods.reduce((sum, period) => sum + period.days, 0));
      expect(workdays.sort()).toEqual(periods.flatMap((period) => period.workdays).sort());
    });
  });

  describe('2025 (first year of the November 2024 rules)', () => {
    const lookup = officialDayOverrides();

    it('gives 8 days for 国庆节、中秋节: 2025-10-01 to 2025-10-08', () => {
      const days = OFFICIAL_DAY_OVERRIDES.filter((row) => row.name === '国庆节、中秋节' && row.date.startsWith('2025'));
      expect(days.map((row) => row.date)).toEqual(datesFrom('2025-10-01', '2025-10-08'));
    });

    it('starts the Spring Festival on New Year’s Eve (除夕, Tuesday 2025-01-28), 8 days', () => {
      expect(isWorkingDay(parseIsoDate('2025-01-27'), lookup)).toBe(true);
      expect(isWorkingDay(parseIsoDate('2025-01-28'), lookup)).toBe(false);
      expect(dayOfWeek(parseIsoDate('2025-01-28'))).toBe(2);
      expect(OFFICIAL_DAY_OVERRIDES.filter((row) => row.name === '春节' && row.date.startsWith('2025'))).toHaveLength(8);
    });

    it('gives 劳动节 5 days with a single make-up Sunday (2025-04-27)', () => {
      expect(OFFICIAL_DAY_OVERRIDES.filter((row) => row.name === '劳动节调休上班' && row.date.startsWith('2025'))).toEqual([
        { date: '2025-04-27', kind: 'workday', name: '劳动节调休上班' },
      ]);
    });

    it('before 2025 除夕 was a working day (2024-02-09, Friday)', () => {
      expect(isWorkingDay(parseIsoDate('2024-02-09'), lookup)).toBe(true);
    });
  });

  it('gives the 2026 Spring Festival 9 days, 2026-02-15 to 2026-02-23, with make-up Saturdays 14 and 28 February', () => {
    const rows = OFFICIAL_DAY_OVERRIDES.filter((row) => row.date >= '2026-02-01' && row.date <= '2026-02-28');
    expect(rows.filter((row) => row.kind === 'holiday').map((row) => row.date)).toEqual(datesFrom('2026-02-15', '2026-02-23'));
    expect(rows.filter((row) => row.kind === 'workday').map((row) => row.date)).toEqual(['2026-02-14', '2026-02-28']);
  });

  it('treats 2020-02-01 as a day off: the extended 2020 Spring Festival cancelled that make-up Saturday', () => {
    expect(isWorkingDay(parseIsoDate('2020-02-01'), officialDayOverrides())).toBe(false);
    expect(isWorkingDay(parseIsoDate('2020-02-03'), officialDayOverrides())).toBe(true);
  });
});
