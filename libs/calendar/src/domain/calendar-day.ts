import { DomainError } from '@app/common/domain-error';

/**
 * A calendar day with no time and no zone, written `YYYY-MM-DD` (years 0001–9999).
 *
 * It is a branded string: it sorts, compares, serialises and keys a Map like a string, but only
 * {@link parseIsoDate}, {@link addDays} and {@link toShanghaiDate} hand one out, so a value typed
 * `IsoDate` has always been checked to be a real date (2024-02-29 yes, 2023-02-29 no).
 *
 * All arithmetic is on whole day numbers (days since 1970-01-01 in the proleptic Gregorian
 * calendar), never on `Date` in local time, so no time zone or DST rule can shift a day.
 */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

/** 0 = Sunday, 1 = Monday … 6 = Saturday (the same numbering as `Date#getUTCDay`). */
export type DayOfWeek = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

function invalidDate(message: string, field?: string): DomainError {
  return new DomainError('INVALID_DATE', message, field);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 (H. Hinnant's `days_from_civil`); exact integer arithmetic. */
function toDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Inverse of {@link toDayNumber} (`civil_from_days`). */
function fromDayNumber(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

function format(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate;
}

function parts(date: IsoDate): { year: number; month: number; day: number } {
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

function dayNumberOf(date: IsoDate): number {
  const { year, month, day } = parts(date);
  return toDayNumber(year, month, day);
}

const MIN_DAY_NUMBER = toDayNumber(MIN_YEAR, 1, 1);
const MAX_DAY_NUMBER = toDayNumber(MAX_YEAR, 12, 31);

/**
 * Checks that `value` is a `YYYY-MM-DD` string naming a real Gregorian date between 0001-01-01
 * and 9999-12-31 and returns it as an {@link IsoDate}. Anything else — another format, a time
 * part, month 13, 31 April, 29 February of a common year, a non-string — throws
 * `DomainError('INVALID_DATE', …, field)`.
 */
export function parseIsoDate(value: unknown, field?: string): IsoDate {
  const label = field ?? 'date';
  if (typeof value !== 'string') {
    throw invalidDate(`${label} must be a date written YYYY-MM-DD`, field);
  }
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) {
    throw invalidDate(`${label} must be a date written YYYY-MM-DD, got "${value}"`, field);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw invalidDate(`${label} "${value}" is outside the years 0001–9999`, field);
  }
  if (month < 1 || month > 12) {
    throw invalidDate(`${label} "${value}" has no month ${month}`, field);
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    throw invalidDate(`${label} "${value}" is not a day of ${match[1]}-${match[2]}`, field);
  }
  return value as IsoDate;
}

/** True when `value` is a string that {@link parseIsoDate} would accept. */
export function isIsoDate(value: unknown): value is IsoDate {
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * The date `days` calendar days after `date` (before it when negative). `days` must be an integer;
 * a result outside 0001-01-01..9999-12-31 throws `INVALID_DATE`.
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isSafeInteger(days)) {
    throw invalidDate(`cannot add ${days} days to a date: the number of days must be an integer`, 'days');
  }
  const target = dayNumberOf(date) + days;
  if (target < MIN_DAY_NUMBER || target > MAX_DAY_NUMBER) {
    throw invalidDate(`${date} plus ${days} days falls outside the years 0001–9999`);
  }
  const { year, month, day } = fromDayNumber(target);
  return format(year, month, day);
}

/** Whole calendar days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

/** -1 if `a` is before `b`, 0 if the same day, 1 if after (usable as an `Array#sort` comparator). */
export function compare(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  // Four-digit years, two-digit months and days: string order is date order.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The day of the week, 0 = Sunday … 6 = Saturday, from the date alone (no zone involved). */
export function dayOfWeek(date: IsoDate): DayOfWeek {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumberOf(date) + 4) % 7) + 7) % 7) as DayOfWeek;
}

/** Saturday or Sunday. */
export function isWeekend(date: IsoDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        calendar: 'gregory',
        numberingSystem: 'latn',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    } catch {
      throw invalidDate(`unknown time zone "${timeZone}"`, 'timeZone');
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The calendar day that `instant` falls on in `timeZone` (by default Asia/Shanghai, UTC+8 all
 * year): 2024-12-31T16:30:00Z is 2025-01-01 in Shanghai. An invalid `Date` or an unknown zone
 * throws `INVALID_DATE`.
 */
export function toShanghaiDate(instant: Date, timeZone = 'Asia/Shanghai'): IsoDate {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw invalidDate('cannot take the calendar day of an invalid instant', 'instant');
  }
  const formatter = formatterFor(timeZone);
  let year = '';
  let month = '';
  let day = '';
  for (const part of formatter.formatToParts(instant)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return parseIsoDate(`${year.padStart(4, '0')}-${month}-${day}`, 'instant');
}
