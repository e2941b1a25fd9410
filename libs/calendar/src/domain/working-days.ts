import { DomainError } from '@app/common/domain-error';
import { addDays, compare, isWeekend, parseIsoDate, type IsoDate } from './calendar-day';

/**
 * Working days as China counts them: Monday to Friday are worked, Saturday and Sunday are not,
 * except where the calendar table says otherwise —
 *  - `holiday`: a day off (a public holiday on a weekday; a weekend day inside a holiday period
 *    may carry it too, which changes nothing);
 *  - `workday`: a make-up working day (调休上班) that falls on a Saturday or Sunday.
 * The table is data staff can edit, so every function takes it as an argument.
 */
export type DayKind = 'holiday' | 'workday';

/** Looks a date up in the override table. A `Map<IsoDate, DayKind>` is one. */
export interface DayOverrides {
  get(date: IsoDate): DayKind | undefined;
}

/** No overrides at all: plain Monday–Friday weeks. */
export const NO_DAY_OVERRIDES: DayOverrides = { get: () => undefined };

/**
 * How many non-working days in a row the functions below will walk through before deciding the
 * table is broken (e.g. every day marked `holiday`) and throwing `CALENDAR_UNBOUNDED` instead of
 * looping for ever. Ten years and change: no real calendar comes near it.
 */
export const MAX_CONSECUTIVE_NON_WORKING_DAYS = 3660;

/** Is `date` worked? The override wins; without one, Monday–Friday are and weekends are not. */
export function isWorkingDay(date: IsoDate, overrides: DayOverrides): boolean {
  const kind = overrides.get(date);
  if (kind === 'holiday') return false;
  if (kind === 'workday') return true;
  return !isWeekend(date);
}

function unbounded(from: IsoDate, direction: 1 | -1): DomainError {
  return new DomainError(
    'CALENDAR_UNBOUNDED',
    `no working day within ${MAX_CONSECUTIVE_NON_WORKING_DAYS} days ${direction === 1 ? 'after' : 'before'} ${from}: ` +
      'the calendar marks every day as a day off',
    undefined,
    { from, direction, limit: MAX_CONSECUTIVE_NON_WORKING_DAYS },
  );
}

/** The first working day strictly after (direction 1) or before (-1) `date`, with the runaway guard. */
function step(date: IsoDate, direction: 1 | -1, overrides: DayOverrides): IsoDate {
  let day = date;
  for (let skipped = 0; skipped <= MAX_CONSECUTIVE_NON_WORKING_DAYS; skipped++) {
    day = addDays(day, direction);
    if (isWorkingDay(day, overrides)) return day;
  }
  throw unbounded(date, direction);
}

/** The first working day strictly after `date` (whether or not `date` itself is worked). */
export function nextWorkingDay(date: IsoDate, overrides: DayOverrides): IsoDate {
  return step(date, 1, overrides);
}

/** The last working day strictly before `date` (whether or not `date` itself is worked). */
export function previousWorkingDay(date: IsoDate, overrides: DayOverrides): IsoDate {
  return step(date, -1, overrides);
}

/** `date` itself when it is worked, otherwise the next working day (rolls a day off forward). */
export function workingDayOnOrAfter(date: IsoDate, overrides: DayOverrides): IsoDate {
  return isWorkingDay(date, overrides) ? date : step(date, 1, overrides);
}

/** `date` itself when it is worked, otherwise the previous working day (rolls a day off back). */
export function workingDayOnOrBefore(date: IsoDate, overrides: DayOverrides): IsoDate {
  return isWorkingDay(date, overrides) ? date : step(date, -1, overrides);
}

function checkCount(n: number, field: string): void {
  if (!Number.isSafeInteger(n)) {
    throw new DomainError('INVALID_WORKING_DAYS', `the number of working days must be an integer, got ${n}`, field);
  }
}

/**
 * The date `n` working days after `start` — the deadline "n 个工作日内" counted from `start`.
 *
 *  - `start` itself is never counted: 1 working day after a Friday is the Monday, and 1 working day
 *    after a Saturday is also that Monday. The result is always a working day.
 *  - `n = 0` returns `start` if it is a working day, otherwise the next working day (a deadline
 *    "today" that falls on a day off rolls forward to the first day the office is open).
 *  - `n < 0` counts backwards: `addWorkingDays(start, -n)` is `subtractWorkingDays(start, n)`, the
 *    n-th working day before `start` (start not counted). `-0` behaves as `0`.
 *
 * For a working day `d` and any integer `n`, `workingDaysBetween(d, addWorkingDays(d, n)) === n`.
 * `n` must be an integer (`INVALID_WORKING_DAYS`); more than {@link MAX_CONSECUTIVE_NON_WORKING_DAYS}
 * days off in a row throws `CALENDAR_UNBOUNDED`.
 */
export function addWorkingDays(start: IsoDate, n: number, overrides: DayOverrides): IsoDate {
  checkCount(n, 'n');
  if (n < 0) return subtractWorkingDays(start, -n, overrides);
  if (n === 0) return workingDayOnOrAfter(start, overrides);
  let day = start;
  for (let counted = 0; counted < n; counted++) day = step(day, 1, overrides);
  return day;
}

/**
 * The date `n` working days before `start` (`n ≥ 0`; start not counted), the mirror image of
 * {@link addWorkingDays}: 1 working day before a Monday is the Friday. `n = 0` returns `start` if it
 * is a working day, otherwise the previous working day. A negative `n` throws `INVALID_WORKING_DAYS`
 * (use `addWorkingDays` to go forward).
 */
export function subtractWorkingDays(start: IsoDate, n: number, overrides: DayOverrides): IsoDate {
  checkCount(n, 'n');
  if (n < 0) {
    throw new DomainError('INVALID_WORKING_DAYS', `cannot subtract a negative number of working days (${n})`, 'n');
  }
  if (n === 0) return workingDayOnOrBefore(start, overrides);
  let day = start;
  for (let counted = 0; counted < n; counted++) day = step(day, -1, overrides);
  return day;
}

/**
 * The number of working days in the half-open interval (from, to]: `from` is not counted, `to` is.
 * So Friday → next Monday is 1, a day → the same day is 0, and Friday → Saturday is 0.
 *
 * When `to` is before `from` the answer is negative: minus the working days in (to, from], so
 * `workingDaysBetween(a, b) === -workingDaysBetween(b, a)` always holds.
 *
 * Walks the interval day by day (the override table can only be asked about single dates), so the
 * cost is proportional to the length of the interval; it always terminates.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, overrides: DayOverrides): number {
  const order = compare(from, to);
  if (order === 0) return 0;
  if (order > 0) {
    const backwards = workingDaysBetween(to, from, overrides);
    return backwards === 0 ? 0 : -backwards; // never -0
  }
  let count = 0;
  for (let day = addDays(from, 1); compare(day, to) <= 0; day = addDays(day, 1)) {
    if (isWorkingDay(day, overrides)) count++;
  }
  return count;
}

/**
 * The `count` working days that follow `start` (start not counted), in order — the listing a
 * notice shows as "第1个工作日 … 第n个工作日". Its last element is `addWorkingDays(start, count)`.
 */
export function listWorkingDaysAfter(start: IsoDate, count: number, overrides: DayOverrides): IsoDate[] {
  checkCount(count, 'count');
  if (count < 0) {
    throw new DomainError('INVALID_WORKING_DAYS', `cannot list a negative number of working days (${count})`, 'count');
  }
  const days: IsoDate[] = [];
  let day = start;
  while (days.length < count) {
    day = step(day, 1, overrides);
    days.push(day);
  }
  return days;
}

/** One row of the calendar table, as staff edit it or as `OFFICIAL_DAY_OVERRIDES` ships it. */
export interface DayOverrideRow {
  readonly date: string;
  readonly kind: DayKind;
  readonly name?: string;
}

/**
 * Builds the lookup the functions above take from table rows, checking each date
 * (`INVALID_DATE`, field `rows[i].date`). The same date twice with different kinds is a
 * contradiction and throws `CALENDAR_CONFLICT`; an exact repeat is harmless and kept once, so the
 * official table and a staff table can be concatenated only when they agree.
 */
export function dayOverridesFrom(rows: Iterable<DayOverrideRow>): ReadonlyMap<IsoDate, DayKind> {
  const map = new Map<IsoDate, DayKind>();
  let index = 0;
  for (const row of rows) {
    const date = parseIsoDate(row.date, `rows[${index}].date`);
    if (row.kind !== 'holiday' && row.kind !== 'workday') {
      throw new DomainError('INVALID_DAY_KIND', `kind must be "holiday" or "workday"`, `rows[${index}].kind`);
    }
    const existing = map.get(date);
    if (existing !== undefined && existing !== row.kind) {
      throw new DomainError(
        'CALENDAR_CONFLICT',
        `${date} is listed both as a ${existing} and as a ${row.kind}`,
        `rows[${index}].date`,
      );
    }
    map.set(date, row.kind);
    index++;
  }
  return map;
}
