import { addDays, daysBetween, toShanghaiDate, type IsoDate } from '@app/calendar/domain/calendar-day';
import { subtractWorkingDays, workingDaysBetween, type DayOverrides } from '@app/calendar/domain/working-days';
import {
  fieldPath,
  resolveListingSettings,
  type ListingSettings,
  type ListingSettingsOverrides,
  type RuleViolation,
} from './listing-settings';
import type { TradingMethod } from './lot-terms';

/**
 * The schedule of a lot (DOMAIN.md §3) and the checks run when its announcement is published.
 *
 * Instants are `Date`s (the server's clock rules, DESIGN.md §4); every rule that speaks of *days* looks
 * at the calendar date of the instant in Asia/Shanghai ({@link toShanghaiDate}), and working days come
 * from the editable holiday table (`DayOverrides`). China has kept UTC+8 without daylight saving since
 * 1991, so "the same wall-clock time N days earlier" is exactly N × 24 h earlier.
 *
 * How each rule counts (decisions):
 * - **Lead time** (公告期, default 20): calendar dates from the Shanghai date of publication to the
 *   Shanghai date of the trading start, `daysBetween(pubDate, startDate) ≥ 20` — the notice goes out
 *   at least 20 days "before the start day" (开始日前20日): published on 1 Sept, the earliest start is
 *   21 Sept, at any hour. The trading start is the listing start, the auction start, or the tender's
 *   submission start.
 * - **Listing period** (挂牌期, default ≥ 10 working days): the number of working days from the
 *   listing start date through the listing end date, *both included* (a day counts when the board
 *   is open for part of it, as notices print "2025年9月25日9时至2025年10月14日15时"). With
 *   `listingDaysAreWorkingDays: false` the same inclusive count is taken over calendar dates.
 * - **Registration close** (default 3 working days before the end): on the date that is N working days
 *   before the Shanghai date of the reference moment, at the reference's wall-clock time. The
 *   reference is the listing end (listing), the auction start (auction) or the submission deadline
 *   (tender). A schedule may set an earlier close, never a later one.
 * - **Reserve sealing** (default 60 minutes): that many minutes before the same reference moment. A
 *   schedule may set an earlier moment, never a later one.
 * - **Order**: application start < deposit deadline ≤ application end ≤ registration close;
 *   listing start < listing end; tender submission start < submission deadline ≤ opening; no instant
 *   before the publication.
 */
export interface LotSchedule {
  readonly applicationStart: Date;
  readonly applicationEnd: Date;
  /** Money must have *arrived* by this instant. */
  readonly depositDeadline: Date;
  /** Listing only. */
  readonly listingStart?: Date;
  readonly listingEnd?: Date;
  /** Auction only. */
  readonly auctionStart?: Date;
  /** Tender only. */
  readonly tenderSubmissionStart?: Date;
  readonly tenderSubmissionDeadline?: Date;
  readonly tenderOpening?: Date;
  /** Optional, earlier than the derived moment only; by default derived ({@link reserveSealingMomentOf}). */
  readonly reserveSealingAt?: Date;
  /** Optional, earlier than the derived close only; by default derived ({@link registrationCloseOf}). */
  readonly registrationCloseAt?: Date;
}

export type ScheduleField = keyof LotSchedule;

const METHOD_FIELDS: Readonly<Record<TradingMethod, readonly ScheduleField[]>> = Object.freeze({
  listing: ['listingStart', 'listingEnd'],
  auction: ['auctionStart'],
  tender: ['tenderSubmissionStart', 'tenderSubmissionDeadline', 'tenderOpening'],
});

const ALL_FIELDS: readonly ScheduleField[] = [
  'applicationStart',
  'applicationEnd',
  'depositDeadline',
  'listingStart',
  'listingEnd',
  'auctionStart',
  'tenderSubmissionStart',
  'tenderSubmissionDeadline',
  'tenderOpening',
  'reserveSealingAt',
  'registrationCloseAt',
];

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/** The field the trading starts at: listing start, auction start or the tender's submission start. */
export function tradingStartField(method: TradingMethod): ScheduleField {
  return method === 'listing' ? 'listingStart' : method === 'auction' ? 'auctionStart' : 'tenderSubmissionStart';
}

/**
 * The field registration close and reserve sealing count back from: listing end (listing), auction
 * start (auction), submission deadline (tender).
 */
export function referenceEndField(method: TradingMethod): ScheduleField {
  return method === 'listing' ? 'listingEnd' : method === 'auction' ? 'auctionStart' : 'tenderSubmissionDeadline';
}

/** The instant `reference` shows on the wall clock, moved to the Shanghai date `date`. */
function sameShanghaiTimeOn(reference: Date, date: IsoDate): Date {
  const shift = daysBetween(toShanghaiDate(reference), date);
  return new Date(reference.getTime() + shift * MS_PER_DAY);
}

/** The default registration close: N working days before `reference`'s Shanghai date, same time of day. */
export function defaultRegistrationClose(reference: Date, overrides: DayOverrides, settings: ListingSettingsOverrides = {}): Date {
  const n = resolveListingSettings(settings).registrationCloseWorkingDays;
  return sameShanghaiTimeOn(reference, subtractWorkingDays(toShanghaiDate(reference), n, overrides));
}

/** The schedule's registration close: its own if set, else the default; undefined without a reference moment. */
export function registrationCloseOf(
  schedule: LotSchedule,
  method: TradingMethod,
  overrides: DayOverrides,
  settings: ListingSettingsOverrides = {},
): Date | undefined {
  if (schedule.registrationCloseAt !== undefined) return schedule.registrationCloseAt;
  const reference = schedule[referenceEndField(method)];
  return isValidDate(reference) ? defaultRegistrationClose(reference, overrides, settings) : undefined;
}

/** The default sealing moment: settings.reserveSealMinutesBeforeEnd (60) before the reference moment. */
export function defaultReserveSealingMoment(reference: Date, settings: ListingSettingsOverrides = {}): Date {
  const minutes = resolveListingSettings(settings).reserveSealMinutesBeforeEnd;
  return new Date(reference.getTime() - minutes * MS_PER_MINUTE);
}

/** The moment the reserve must be sealed by: the schedule's own if set, else the default. */
export function reserveSealingMomentOf(
  schedule: LotSchedule,
  method: TradingMethod,
  settings: ListingSettingsOverrides = {},
): Date | undefined {
  if (schedule.reserveSealingAt !== undefined) return schedule.reserveSealingAt;
  const reference = schedule[referenceEndField(method)];
  return isValidDate(reference) ? defaultReserveSealingMoment(reference, settings) : undefined;
}

/**
 * The length of a listing period as the minimum-length rule counts it: the working days (or, with
 * `listingDaysAreWorkingDays: false`, the calendar days) from the Shanghai date of `start` through the
 * Shanghai date of `end`, both included. 0 when `end` is before `start`.
 */
export function countListingDays(start: Date, end: Date, overrides: DayOverrides, settings: ListingSettingsOverrides = {}): number {
  const s = resolveListingSettings(settings);
  const first = toShanghaiDate(start);
  const last = toShanghaiDate(end);
  if (daysBetween(first, last) < 0) return 0;
  if (!s.listingDaysAreWorkingDays) return daysBetween(first, last) + 1;
  // workingDaysBetween counts (from, to]; start the half-open interval the day before.
  return workingDaysBetween(addDays(first, -1), last, overrides);
}

/**
 * Every rule the schedule of a lot breaks if its announcement is published at `publishAt`, as
 * `{ code, message, field }` (fields under `fieldPrefix`). Empty when the schedule may be published.
 * Codes: SCHEDULE_FIELD_REQUIRED, SCHEDULE_FIELD_NOT_FOR_METHOD, INVALID_INSTANT, SCHEDULE_IN_PAST,
 * SCHEDULE_ORDER, LEAD_TIME_TOO_SHORT, LISTING_TOO_SHORT, DEPOSIT_DEADLINE_AFTER_APPLICATION_END,
 * APPLICATION_END_AFTER_REGISTRATION_CLOSE, REGISTRATION_CLOSE_TOO_LATE, RESERVE_SEALING_TOO_LATE.
 */
export function checkPublication(
  schedule: LotSchedule,
  method: TradingMethod,
  publishAt: Date,
  overrides: DayOverrides,
  settingsOverrides: ListingSettingsOverrides = {},
  fieldPrefix = '',
): RuleViolation[] {
  const settings: ListingSettings = resolveListingSettings(settingsOverrides);
  const out: RuleViolation[] = [];
  const add = (code: string, field: string, message: string): void => {
    out.push({ code, message, field: field === 'publishAt' ? field : fieldPath(fieldPrefix, field) });
  };

  if (!isValidDate(publishAt)) {
    add('INVALID_INSTANT', 'publishAt', 'the publication time is not a valid instant');
    return out;
  }

  // Presence and validity.
  const required: ScheduleField[] = ['applicationStart', 'applicationEnd', 'depositDeadline', ...METHOD_FIELDS[method]];
  const others = (Object.keys(METHOD_FIELDS) as TradingMethod[]).filter((m) => m !== method).flatMap((m) => METHOD_FIELDS[m]);
  const ok = new Map<ScheduleField, Date>();
  for (const field of ALL_FIELDS) {
    const value = schedule[field];
    if (value === undefined || value === null) {
      if (required.includes(field)) add('SCHEDULE_FIELD_REQUIRED', field, `${field} is required for ${method === 'auction' ? 'an' : 'a'} ${method}`);
      continue;
    }
    if (others.includes(field)) {
      add('SCHEDULE_FIELD_NOT_FOR_METHOD', field, `${field} does not belong to the schedule of ${method === 'auction' ? 'an' : 'a'} ${method}`);
      continue;
    }
    if (!isValidDate(value)) {
      add('INVALID_INSTANT', field, `${field} is not a valid instant`);
      continue;
    }
    ok.set(field, value);
    if (value.getTime() < publishAt.getTime()) {
      add('SCHEDULE_IN_PAST', field, `${field} is before the publication of the announcement`);
    }
  }
  const t = (field: ScheduleField): number | undefined => ok.get(field)?.getTime();
  /** Adds a violation (blamed on `blame`, by default the later field) unless earlier < later (or ≤ when not strict). */
  const ordered = (
    earlier: ScheduleField,
    later: ScheduleField,
    strict: boolean,
    code = 'SCHEDULE_ORDER',
    message = `${later} must be ${strict ? 'after' : 'no earlier than'} ${earlier}`,
    blame: ScheduleField = later,
  ): void => {
    const a = t(earlier);
    const b = t(later);
    if (a === undefined || b === undefined) return;
    if (strict ? a >= b : a > b) add(code, blame, message);
  };

  // Order of the application window.
  ordered('applicationStart', 'applicationEnd', true);
  ordered('applicationStart', 'depositDeadline', true);
  ordered(
    'depositDeadline',
    'applicationEnd',
    false,
    'DEPOSIT_DEADLINE_AFTER_APPLICATION_END',
    'the deposit deadline must not be after the end of the application window',
    'depositDeadline',
  );

  // Order of the trading instants.
  if (method === 'listing') ordered('listingStart', 'listingEnd', true);
  if (method === 'tender') {
    ordered('tenderSubmissionStart', 'tenderSubmissionDeadline', true);
    ordered('tenderSubmissionDeadline', 'tenderOpening', false);
  }

  // Lead time, in Shanghai calendar dates.
  const startField = tradingStartField(method);
  const start = ok.get(startField);
  if (start) {
    const days = daysBetween(toShanghaiDate(publishAt), toShanghaiDate(start));
    if (days < settings.leadTimeCalendarDays) {
      add(
        'LEAD_TIME_TOO_SHORT',
        startField,
        `the announcement must be published at least ${settings.leadTimeCalendarDays} calendar days before ${startField}; ` +
          `publishing on ${toShanghaiDate(publishAt)} gives ${days}`,
      );
    }
  }

  // Listing length.
  const listingStart = ok.get('listingStart');
  const listingEnd = ok.get('listingEnd');
  if (method === 'listing' && listingStart && listingEnd && listingStart < listingEnd) {
    const days = countListingDays(listingStart, listingEnd, overrides, settings);
    if (days < settings.minListingDays) {
      const unit = settings.listingDaysAreWorkingDays ? 'working days' : 'calendar days';
      add(
        'LISTING_TOO_SHORT',
        'listingEnd',
        `the listing must run at least ${settings.minListingDays} ${unit} (start and end dates included); ` +
          `${toShanghaiDate(listingStart)} to ${toShanghaiDate(listingEnd)} gives ${days}`,
      );
    }
  }

  // Registration close and reserve sealing, counted back from the reference moment.
  const reference = ok.get(referenceEndField(method));
  if (reference) {
    const derivedClose = defaultRegistrationClose(reference, overrides, settings);
    const ownClose = ok.get('registrationCloseAt');
    if (ownClose && ownClose.getTime() > derivedClose.getTime()) {
      add(
        'REGISTRATION_CLOSE_TOO_LATE',
        'registrationCloseAt',
        `registration must close at least ${settings.registrationCloseWorkingDays} working days before ${referenceEndField(method)}, ` +
          `i.e. by ${derivedClose.toISOString()}`,
      );
    }
    const close = ownClose ?? derivedClose;
    const applicationEnd = ok.get('applicationEnd');
    if (applicationEnd && applicationEnd.getTime() > close.getTime()) {
      add(
        'APPLICATION_END_AFTER_REGISTRATION_CLOSE',
        'applicationEnd',
        `the application window must end no later than the registration close (${close.toISOString()})`,
      );
    }
    const derivedSeal = defaultReserveSealingMoment(reference, settings);
    const ownSeal = ok.get('reserveSealingAt');
    if (ownSeal && ownSeal.getTime() > derivedSeal.getTime()) {
      add(
        'RESERVE_SEALING_TOO_LATE',
        'reserveSealingAt',
        `the reserve must be sealed at least ${settings.reserveSealMinutesBeforeEnd} minutes before ${referenceEndField(method)}`,
      );
    }
  }
  return out;
}

/**
 * The schedule with its derived instants filled in: the registration close (its own, else derived)
 * and, only for a lot with a reserve price, the reserve sealing moment (its own, else derived). A lot
 * without a reserve has no sealing moment. `derived` names the fields that were computed.
 */
export function completeSchedule(
  schedule: LotSchedule,
  method: TradingMethod,
  hasReserve: boolean,
  overrides: DayOverrides,
  settings: ListingSettingsOverrides = {},
): { schedule: LotSchedule; derived: ScheduleField[] } {
  const derived: ScheduleField[] = [];
  const registrationCloseAt = registrationCloseOf(schedule, method, overrides, settings);
  if (schedule.registrationCloseAt === undefined && registrationCloseAt !== undefined) derived.push('registrationCloseAt');
  const reserveSealingAt = hasReserve ? reserveSealingMomentOf(schedule, method, settings) : undefined;
  if (hasReserve && schedule.reserveSealingAt === undefined && reserveSealingAt !== undefined) derived.push('reserveSealingAt');
  return { schedule: { ...schedule, registrationCloseAt, reserveSealingAt }, derived };
}

/**
 * Every instant of the schedule that is already past at `now` (the database clock), entered or
 * derived, one SCHEDULE_IN_PAST each, so a lot that can never be published is refused when it is
 * drafted, not weeks later at publication.
 */
export function instantsInPast(schedule: LotSchedule, now: Date, derived: readonly ScheduleField[] = [], fieldPrefix = ''): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const field of ALL_FIELDS) {
    const value = schedule[field];
    if (!isValidDate(value) || value.getTime() >= now.getTime()) continue;
    const how = derived.includes(field) ? ' (derived from the schedule)' : '';
    out.push({
      code: 'SCHEDULE_IN_PAST',
      field: fieldPath(fieldPrefix, field),
      message: `${field}${how} is already past: ${value.toISOString()} is before ${now.toISOString()}`,
      params: { at: value.toISOString(), ...(how ? { derived: '由时间安排推算' } : {}) },
    });
  }
  return out;
}
