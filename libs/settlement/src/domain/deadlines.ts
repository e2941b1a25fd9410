import { DomainError } from '@app/common/domain-error';
import { parseIsoDate, toShanghaiDate, type IsoDate } from '@app/calendar/domain/calendar-day';
import { addWorkingDays, type DayOverrides } from '@app/calendar/domain/working-days';
import type { SettlementSettings } from './settlement-settings';

/**
 * The working-day deadlines that start at the close of a sale (DOMAIN.md §7, §8).
 *
 * How they count (decisions):
 * - Day 0 is the calendar date of the close instant **in Asia/Shanghai** ({@link toShanghaiDate}); it is
 *   never counted, whether or not it is worked. "Within N working days" is the N-th working day after
 *   it ({@link addWorkingDays}): closed on a Friday, 5 working days is the next Friday (no holidays).
 * - A deadline holds for the whole of its day: it is the last millisecond of that Shanghai day,
 *   23:59:59.999+08:00 ({@link endOfShanghaiDay}). So `toShanghaiDate(deadline.endsAt) === deadline.date`,
 *   and something done at any time on the deadline day is in time ({@link isOverdue}).
 * - The working-day table (`DayOverrides`) is data: pass the region's holidays and make-up workdays.
 */

/** A deadline: the last day (Shanghai calendar date) and the instant it ends. */
export interface Deadline {
  readonly date: IsoDate;
  /** 23:59:59.999 Asia/Shanghai on `date`. */
  readonly endsAt: Date;
}

/** Every deadline of DOMAIN §7 counted from one close. */
export interface SettlementDeadlines {
  /** The Shanghai calendar date of the close (day 0, not counted). */
  readonly closeDate: IsoDate;
  /** The 成交确认书 is signed by then (default 5 working days). */
  readonly confirmation: Deadline;
  /** The 出让合同 is signed by then (default 10 working days), else the deposit is forfeited. */
  readonly contract: Deadline;
  /** The other bidders' deposits are refunded by then (default 5 working days). */
  readonly refund: Deadline;
  /** The result is published by then (default 10 working days). */
  readonly publication: Deadline;
  /** Service-time target for the whole sale (default 40 working days). */
  readonly serviceTarget: Deadline;
}

const SHANGHAI_OFFSET = '+08:00';

/**
 * The last millisecond of `date` in Asia/Shanghai (23:59:59.999+08:00). China has kept UTC+8 without
 * daylight saving since 1991, so the offset is fixed.
 */
export function endOfShanghaiDay(date: IsoDate): Date {
  const checked = parseIsoDate(date, 'date');
  return new Date(`${checked}T23:59:59.999${SHANGHAI_OFFSET}`);
}

/** The first millisecond of `date` in Asia/Shanghai (00:00:00.000+08:00). */
export function startOfShanghaiDay(date: IsoDate): Date {
  const checked = parseIsoDate(date, 'date');
  return new Date(`${checked}T00:00:00.000${SHANGHAI_OFFSET}`);
}

/** A {@link Deadline} ending on `date`. */
export function deadlineOn(date: IsoDate): Deadline {
  return Object.freeze({ date, endsAt: endOfShanghaiDay(date) });
}

/**
 * The end of the `n`-th working day after the calendar date `start` (start not counted; `n = 0` is
 * `start` itself if worked, else the next working day).
 */
export function endOfNthWorkingDay(start: IsoDate, n: number, calendar: DayOverrides): Deadline {
  return deadlineOn(addWorkingDays(start, n, calendar));
}

/**
 * The end of the `n`-th working day after the Shanghai date of the instant `from` — "N 个工作日内" counted
 * from an event such as the close.
 */
export function workingDayDeadline(from: Date, n: number, calendar: DayOverrides): Deadline {
  return endOfNthWorkingDay(shanghaiDateOf(from, 'from'), n, calendar);
}

/** The Shanghai calendar date of `instant`; an invalid Date throws `INVALID_DATE` naming `field`. */
export function shanghaiDateOf(instant: Date, field = 'instant'): IsoDate {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new DomainError('INVALID_DATE', `${field} must be a valid instant`, field);
  }
  return toShanghaiDate(instant);
}

/** All deadlines of DOMAIN §7 from the close instant, with the settings' numbers of working days. */
export function settlementDeadlines(closedAt: Date, calendar: DayOverrides, settings: SettlementSettings): SettlementDeadlines {
  const closeDate = shanghaiDateOf(closedAt, 'closedAt');
  const after = (n: number): Deadline => endOfNthWorkingDay(closeDate, n, calendar);
  return Object.freeze({
    closeDate,
    confirmation: after(settings.confirmationWorkingDays),
    contract: after(settings.contractWorkingDays),
    refund: after(settings.refundWorkingDays),
    publication: after(settings.publicationWorkingDays),
    serviceTarget: after(settings.serviceTargetWorkingDays),
  });
}

/**
 * True when `now` is past the deadline. A {@link Deadline} or its `endsAt` instant; the deadline
 * instant itself is still in time (`now > endsAt`).
 */
export function isOverdue(deadline: Deadline | Date, now: Date): boolean {
  const endsAt = deadline instanceof Date ? deadline : deadline.endsAt;
  if (Number.isNaN(endsAt.getTime()) || !(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new DomainError('INVALID_DATE', 'isOverdue needs a valid deadline and a valid now', 'now');
  }
  return now.getTime() > endsAt.getTime();
}
