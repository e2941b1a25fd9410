import fc from 'fast-check';
import { DomainError } from '@app/common/domain-error';
import { parseIsoDate, toShanghaiDate } from '@app/calendar/domain/calendar-day';
import { officialDayOverrides } from '@app/calendar/domain/official-holidays';
import { isWorkingDay, NO_DAY_OVERRIDES, workingDaysBetween } from '@app/calendar/domain/working-days';
import {
  deadlineOn,
  endOfNthWorkingDay,
  endOfShanghaiDay,
  isOverdue,
  settlementDeadlines,
  startOfShanghaiDay,
  workingDayDeadline,
} from './deadlines';
import { resolveSettlementSettings, SETTLEMENT_DEFAULTS } from './settlement-settings';

const d = (s: string) => parseIsoDate(s);
const official = officialDayOverrides();

describe('settlement deadlines', () => {
  it('closed on a Tuesday, every deadline counts working days after the close date (close day not counted)', () => {
    // 2026-03-10 is a Tuesday, 15:00 in Shanghai; no holidays in March 2026
    const deadlines = settlementDeadlines(new Date('2026-03-10T07:00:00Z'), official, SETTLEMENT_DEFAULTS);
    expect(deadlines.closeDate).toBe('2026-03-10');
    expect(deadlines.confirmation.date).toBe('2026-03-17'); // 5 working days
    expect(deadlines.refund.date).toBe('2026-03-17'); // 5 working days
    expect(deadlines.contract.date).toBe('2026-03-24'); // 10 working days
    expect(deadlines.publication.date).toBe('2026-03-24'); // 10 working days
    // 40 working days: past 清明 (Mon 04-06 off) and 劳动节 (05-01..05 off), landing on the
    // make-up Saturday 05-09 (劳动节调休上班), which counts
    expect(workingDaysBetween(deadlines.closeDate, deadlines.serviceTarget.date, official)).toBe(40);
    expect(deadlines.serviceTarget.date).toBe('2026-05-09');
  });

  it('the close date is the Shanghai date of the close instant', () => {
    // 17:30 UTC on 9 March is 01:30 on 10 March in Shanghai
    expect(settlementDeadlines(new Date('2026-03-09T17:30:00Z'), NO_DAY_OVERRIDES, SETTLEMENT_DEFAULTS).closeDate).toBe('2026-03-10');
    expect(settlementDeadlines(new Date('2026-03-09T15:59:59.999Z'), NO_DAY_OVERRIDES, SETTLEMENT_DEFAULTS).closeDate).toBe('2026-03-09');
  });

  it('holidays are skipped and make-up workdays count (春节 2026)', () => {
    // Friday 13 Feb 2026; Sat 14 Feb is a make-up workday; 15–23 Feb are off
    const confirmation = workingDayDeadline(new Date('2026-02-13T08:00:00Z'), 5, official);
    expect(confirmation.date).toBe('2026-02-27'); // 14, 24, 25, 26, 27
    expect(endOfNthWorkingDay(d('2026-02-13'), 1, official).date).toBe('2026-02-14');
  });

  it('a close on a day off counts from that day: the first working day after it is day 1', () => {
    // Sunday 2026-03-08
    expect(endOfNthWorkingDay(d('2026-03-08'), 1, official).date).toBe('2026-03-09');
    expect(endOfNthWorkingDay(d('2026-03-08'), 5, official).date).toBe('2026-03-13');
  });

  it('the settings decide the numbers of working days', () => {
    const s = resolveSettlementSettings({ confirmationWorkingDays: 3, contractWorkingDays: 15 });
    const deadlines = settlementDeadlines(new Date('2026-03-10T07:00:00Z'), official, s);
    expect(deadlines.confirmation.date).toBe('2026-03-13');
    expect(deadlines.contract.date).toBe('2026-03-31');
  });

  it('a deadline ends at 23:59:59.999 Shanghai time on its day', () => {
    expect(endOfShanghaiDay(d('2026-03-17')).toISOString()).toBe('2026-03-17T15:59:59.999Z');
    expect(startOfShanghaiDay(d('2026-03-17')).toISOString()).toBe('2026-03-16T16:00:00.000Z');
    expect(deadlineOn(d('2026-03-17')).endsAt.toISOString()).toBe('2026-03-17T15:59:59.999Z');
  });

  it('something done at any time on the deadline day is in time; a millisecond later it is overdue', () => {
    const deadline = deadlineOn(d('2026-03-17'));
    expect(isOverdue(deadline, new Date('2026-03-17T00:00:00+08:00'))).toBe(false);
    expect(isOverdue(deadline, new Date('2026-03-17T23:59:59.999+08:00'))).toBe(false);
    expect(isOverdue(deadline, new Date('2026-03-18T00:00:00.000+08:00'))).toBe(true);
    expect(isOverdue(deadline.endsAt, new Date('2026-03-18T00:00:00.000+08:00'))).toBe(true);
  });

  it('an invalid close instant is refused naming closedAt', () => {
    try {
      settlementDeadlines(new Date('nope'), NO_DAY_OVERRIDES, SETTLEMENT_DEFAULTS);
      throw new Error('expected a DomainError');
    } catch (e) {
      expect((e as DomainError).code).toBe('INVALID_DATE');
      expect((e as DomainError).field).toBe('closedAt');
    }
  });

  it('every deadline falls on a working day, ends on its own Shanghai date, and is N working days after the close', () => {
    const start = new Date('2020-01-01T00:00:00Z').getTime();
    const end = new Date('2026-10-31T00:00:00Z').getTime();
    fc.assert(
      fc.property(fc.integer({ min: start, max: end }), fc.integer({ min: 1, max: 60 }), (ms, n) => {
        const closedAt = new Date(ms);
        const deadline = workingDayDeadline(closedAt, n, official);
        expect(isWorkingDay(deadline.date, official)).toBe(true);
        expect(toShanghaiDate(deadline.endsAt)).toBe(deadline.date);
        expect(workingDaysBetween(toShanghaiDate(closedAt), deadline.date, official)).toBe(n);
        expect(isOverdue(deadline, closedAt)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
