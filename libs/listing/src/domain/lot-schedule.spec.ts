import fc from 'fast-check';
import { addDays, parseIsoDate, type IsoDate } from '@app/calendar/domain/calendar-day';
import { officialDayOverrides } from '@app/calendar/domain/official-holidays';
import { addWorkingDays, NO_DAY_OVERRIDES, workingDayOnOrAfter, type DayKind } from '@app/calendar/domain/working-days';
import {
  checkPublication,
  completeSchedule,
  countListingDays,
  defaultRegistrationClose,
  instantsInPast,
  registrationCloseOf,
  reserveSealingMomentOf,
  type LotSchedule,
} from './lot-schedule';

/** An instant written as Shanghai wall-clock time. */
const sh = (local: string): Date => new Date(`${local}:00+08:00`);

/** 国庆节 2025 as the State Council notice has it: 1–8 October off; Sunday 28 Sept and Saturday 11 Oct worked. */
function guoqing2025(): Map<IsoDate, DayKind> {
  const map = new Map<IsoDate, DayKind>();
  for (let day = 1; day <= 8; day++) map.set(parseIsoDate(`2025-10-0${day}`), 'holiday');
  map.set(parseIsoDate('2025-09-28'), 'workday');
  map.set(parseIsoDate('2025-10-11'), 'workday');
  return map;
}

const HOLIDAYS = guoqing2025();
const PUBLISH = sh('2025-09-01T10:00');

/**
 * A listing that is exactly right: 25 Sept 09:00 to 14 Oct 15:00 is 10 working days with the holiday
 * (25, 26, 28*, 29, 30 Sept; 9, 10, 11*, 13, 14 Oct — * make-up days); registration closes 3 working
 * days before 14 Oct, i.e. 10 Oct 15:00 (13, 11*, 10).
 */
function listing(overrides: Partial<LotSchedule> = {}): LotSchedule {
  return {
    applicationStart: sh('2025-09-22T09:00'),
    depositDeadline: sh('2025-10-10T14:00'),
    applicationEnd: sh('2025-10-10T15:00'),
    listingStart: sh('2025-09-25T09:00'),
    listingEnd: sh('2025-10-14T15:00'),
    ...overrides,
  };
}

const codes = (schedule: LotSchedule, publishAt = PUBLISH): string[] =>
  checkPublication(schedule, 'listing', publishAt, HOLIDAYS).map((v) => v.code);

describe('checkPublication — listing', () => {
  it('accepts a schedule that meets every rule', () => {
    expect(checkPublication(listing(), 'listing', PUBLISH, HOLIDAYS)).toEqual([]);
  });

  it('a listing of 9 working days across a holiday (国庆 2025) is refused', () => {
    const nine = listing({
      listingEnd: sh('2025-10-13T15:00'),
      applicationEnd: sh('2025-10-09T15:00'),
      depositDeadline: sh('2025-10-09T14:00'),
    });
    expect(checkPublication(nine, 'listing', PUBLISH, HOLIDAYS)).toEqual([
      expect.objectContaining({ code: 'LISTING_TOO_SHORT', field: 'listingEnd' }),
    ]);
    // The same dates without the holiday table would be 13 working days: the holiday decides.
    expect(countListingDays(nine.listingStart!, nine.listingEnd!, NO_DAY_OVERRIDES)).toBe(13);
    expect(checkPublication(nine, 'listing', PUBLISH, NO_DAY_OVERRIDES).map((v) => v.code)).not.toContain('LISTING_TOO_SHORT');
  });

  it('make-up working days (调休) on weekends count toward the listing period', () => {
    expect(countListingDays(sh('2025-09-25T09:00'), sh('2025-10-14T15:00'), HOLIDAYS)).toBe(10);
    const withoutMakeUp = new Map([...HOLIDAYS].filter(([, kind]) => kind === 'holiday'));
    expect(countListingDays(sh('2025-09-25T09:00'), sh('2025-10-14T15:00'), withoutMakeUp)).toBe(8);
  });

  it('the listing period counts the start date and the end date, both included', () => {
    // Monday 9:00 to Friday 15:00 of one week is 5 working days.
    expect(countListingDays(sh('2025-06-09T09:00'), sh('2025-06-13T15:00'), NO_DAY_OVERRIDES)).toBe(5);
    expect(countListingDays(sh('2025-06-09T09:00'), sh('2025-06-09T15:00'), NO_DAY_OVERRIDES)).toBe(1);
    expect(countListingDays(sh('2025-06-13T09:00'), sh('2025-06-09T15:00'), NO_DAY_OVERRIDES)).toBe(0);
  });

  it('days are Shanghai calendar days, not UTC ones', () => {
    // 2025-06-08T16:30Z is Monday 9 June 00:30 in Shanghai (still Sunday in UTC).
    expect(countListingDays(new Date('2025-06-08T16:30:00Z'), sh('2025-06-09T15:00'), NO_DAY_OVERRIDES)).toBe(1);
  });

  it('counts n working days for a listing from a working day to the n-th working day, on the official calendar (property)', () => {
    const official = officialDayOverrides();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 * 365 }), fc.integer({ min: 1, max: 40 }), (offset, n) => {
        const first = workingDayOnOrAfter(addDays(parseIsoDate('2020-01-01'), offset), official);
        const last = addWorkingDays(first, n - 1, official);
        expect(countListingDays(sh(`${first}T09:00`), sh(`${last}T15:00`), official)).toBe(n);
      }),
    );
  });

  it('with the calendar-day option, 10 calendar days (inclusive) suffice even across the holiday', () => {
    const settings = { listingDaysAreWorkingDays: false };
    const ten = listing({
      listingEnd: sh('2025-10-04T15:00'),
      applicationEnd: sh('2025-09-26T15:00'),
      depositDeadline: sh('2025-09-26T14:00'),
    });
    expect(checkPublication(ten, 'listing', PUBLISH, HOLIDAYS, settings)).toEqual([]);
    const nine = { ...ten, listingEnd: sh('2025-10-03T15:00') };
    expect(checkPublication(nine, 'listing', PUBLISH, HOLIDAYS, settings).map((v) => v.code)).toEqual(['LISTING_TOO_SHORT']);
  });

  it('the minimum listing length is a setting', () => {
    expect(checkPublication(listing(), 'listing', PUBLISH, HOLIDAYS, { minListingDays: 11 }).map((v) => v.code)).toEqual([
      'LISTING_TOO_SHORT',
    ]);
  });

  it('publication must be at least 20 calendar days (Shanghai dates) before the listing starts', () => {
    expect(codes(listing(), sh('2025-09-05T23:59'))).toEqual([]); // 5 → 25 Sept: 20 days
    expect(codes(listing(), sh('2025-09-06T00:30'))).toEqual(['LEAD_TIME_TOO_SHORT']); // 19 days
    // 16:30 UTC on 5 Sept is already 6 Sept in Shanghai.
    const v = checkPublication(listing(), 'listing', new Date('2025-09-05T16:30:00Z'), HOLIDAYS);
    expect(v).toEqual([expect.objectContaining({ code: 'LEAD_TIME_TOO_SHORT', field: 'listingStart' })]);
  });

  it('the lead time is a setting', () => {
    expect(checkPublication(listing(), 'listing', PUBLISH, HOLIDAYS, { leadTimeCalendarDays: 30 }).map((v) => v.code)).toEqual([
      'LEAD_TIME_TOO_SHORT',
    ]);
  });

  it('the application window ends no later than the registration close (3 working days before the listing end)', () => {
    expect(codes(listing({ applicationEnd: sh('2025-10-10T15:01') }))).toEqual(['APPLICATION_END_AFTER_REGISTRATION_CLOSE']);
  });

  it('the deposit deadline is no later than the end of the application window', () => {
    expect(checkPublication(listing({ depositDeadline: sh('2025-10-10T15:00') }), 'listing', PUBLISH, HOLIDAYS)).toEqual([]);
    expect(checkPublication(listing({ depositDeadline: sh('2025-10-10T15:30') }), 'listing', PUBLISH, HOLIDAYS)).toEqual([
      expect.objectContaining({ code: 'DEPOSIT_DEADLINE_AFTER_APPLICATION_END', field: 'depositDeadline' }),
    ]);
  });

  it('instants must be in a sane order', () => {
    expect(codes(listing({ listingEnd: sh('2025-09-24T15:00') }))).toContain('SCHEDULE_ORDER');
    const v = checkPublication(listing({ applicationStart: sh('2025-10-10T15:00') }), 'listing', PUBLISH, HOLIDAYS);
    expect(v.map((x) => [x.code, x.field])).toEqual([
      ['SCHEDULE_ORDER', 'applicationEnd'],
      ['SCHEDULE_ORDER', 'depositDeadline'],
    ]);
  });

  it('no instant may lie before the publication', () => {
    const v = checkPublication(listing({ applicationStart: sh('2025-08-31T09:00') }), 'listing', PUBLISH, HOLIDAYS);
    expect(v).toEqual([expect.objectContaining({ code: 'SCHEDULE_IN_PAST', field: 'applicationStart' })]);
  });

  it('returns ALL violations in one list, under the field prefix', () => {
    const bad = listing({
      applicationStart: sh('2025-08-01T09:00'),
      listingEnd: sh('2025-10-13T15:00'),
      depositDeadline: sh('2025-10-11T09:00'),
    });
    const v = checkPublication(bad, 'listing', sh('2025-09-10T10:00'), HOLIDAYS, {}, 'lots[0].schedule');
    expect(v.map((x) => x.code).sort()).toEqual(
      [
        'APPLICATION_END_AFTER_REGISTRATION_CLOSE',
        'DEPOSIT_DEADLINE_AFTER_APPLICATION_END',
        'LEAD_TIME_TOO_SHORT',
        'LISTING_TOO_SHORT',
        'SCHEDULE_IN_PAST',
      ].sort(),
    );
    expect(v.every((x) => x.field.startsWith('lots[0].schedule.'))).toBe(true);
  });

  it('names missing, foreign and invalid instants', () => {
    const v = checkPublication(
      { ...listing({ listingEnd: undefined, auctionStart: sh('2025-10-14T09:00') }), depositDeadline: new Date('nope') },
      'listing',
      PUBLISH,
      HOLIDAYS,
    );
    expect(v.map((x) => [x.code, x.field])).toEqual([
      ['INVALID_INSTANT', 'depositDeadline'],
      ['SCHEDULE_FIELD_REQUIRED', 'listingEnd'],
      ['SCHEDULE_FIELD_NOT_FOR_METHOD', 'auctionStart'],
    ]);
  });

  it('refuses an invalid publication instant', () => {
    expect(checkPublication(listing(), 'listing', new Date(Number.NaN), HOLIDAYS)).toEqual([
      expect.objectContaining({ code: 'INVALID_INSTANT', field: 'publishAt' }),
    ]);
  });
});

describe('registration close and reserve sealing', () => {
  it('registration closes 3 working days before the listing end, at the same time of day, counting make-up days', () => {
    expect(defaultRegistrationClose(sh('2025-10-14T15:00'), HOLIDAYS)).toEqual(sh('2025-10-10T15:00'));
    expect(defaultRegistrationClose(sh('2025-10-14T15:00'), HOLIDAYS, { registrationCloseWorkingDays: 5 })).toEqual(
      sh('2025-09-30T15:00'),
    );
    expect(registrationCloseOf(listing(), 'listing', HOLIDAYS)).toEqual(sh('2025-10-10T15:00'));
  });

  it('a schedule may close registration earlier, never later', () => {
    const earlier = listing({ registrationCloseAt: sh('2025-10-09T17:00'), applicationEnd: sh('2025-10-09T17:00'), depositDeadline: sh('2025-10-09T16:00') });
    expect(codes(earlier)).toEqual([]);
    expect(codes(listing({ applicationEnd: sh('2025-10-10T15:00'), registrationCloseAt: sh('2025-10-09T17:00') }))).toEqual([
      'APPLICATION_END_AFTER_REGISTRATION_CLOSE',
    ]);
    expect(codes(listing({ registrationCloseAt: sh('2025-10-13T09:00') }))).toEqual(['REGISTRATION_CLOSE_TOO_LATE']);
  });

  it('the reserve is sealed 60 minutes before the listing end by default, or earlier if the schedule says so', () => {
    expect(reserveSealingMomentOf(listing(), 'listing')).toEqual(sh('2025-10-14T14:00'));
    expect(reserveSealingMomentOf(listing(), 'listing', { reserveSealMinutesBeforeEnd: 120 })).toEqual(sh('2025-10-14T13:00'));
    expect(codes(listing({ reserveSealingAt: sh('2025-10-14T10:00') }))).toEqual([]);
    expect(codes(listing({ reserveSealingAt: sh('2025-10-14T14:30') }))).toEqual(['RESERVE_SEALING_TOO_LATE']);
  });
});

describe('checkPublication — auction and tender', () => {
  const auction: LotSchedule = {
    applicationStart: sh('2025-09-22T09:00'),
    depositDeadline: sh('2025-10-09T16:00'),
    applicationEnd: sh('2025-10-09T17:00'),
    auctionStart: sh('2025-10-15T10:00'),
  };

  it('an auction is published 20 days before it starts; registration closes 3 working days and the reserve 60 minutes before the start', () => {
    expect(checkPublication(auction, 'auction', PUBLISH, HOLIDAYS)).toEqual([]);
    expect(registrationCloseOf(auction, 'auction', HOLIDAYS)).toEqual(sh('2025-10-11T10:00')); // 14, 13, 11 (make-up Saturday)
    expect(reserveSealingMomentOf(auction, 'auction')).toEqual(sh('2025-10-15T09:00'));
    expect(checkPublication(auction, 'auction', sh('2025-09-26T10:00'), HOLIDAYS).map((v) => v.code)).toContain('LEAD_TIME_TOO_SHORT');
    const late = { ...auction, applicationEnd: sh('2025-10-13T17:00') };
    expect(checkPublication(late, 'auction', PUBLISH, HOLIDAYS).map((v) => v.code)).toEqual(['APPLICATION_END_AFTER_REGISTRATION_CLOSE']);
  });

  it('an auction has no listing period and needs its start', () => {
    const v = checkPublication({ ...auction, auctionStart: undefined, listingEnd: sh('2025-10-20T15:00') }, 'auction', PUBLISH, HOLIDAYS);
    expect(v.map((x) => x.code)).toEqual(['SCHEDULE_FIELD_NOT_FOR_METHOD', 'SCHEDULE_FIELD_REQUIRED']);
  });

  it('a tender takes sealed bids from its submission start to the deadline, then opens them', () => {
    const tender: LotSchedule = {
      applicationStart: sh('2025-09-22T09:00'),
      depositDeadline: sh('2025-10-09T16:00'),
      applicationEnd: sh('2025-10-09T17:00'),
      tenderSubmissionStart: sh('2025-09-25T09:00'),
      tenderSubmissionDeadline: sh('2025-10-15T10:00'),
      tenderOpening: sh('2025-10-15T10:00'),
    };
    expect(checkPublication(tender, 'tender', PUBLISH, HOLIDAYS)).toEqual([]);
    const wrong = { ...tender, tenderOpening: sh('2025-10-15T09:59') };
    expect(checkPublication(wrong, 'tender', PUBLISH, HOLIDAYS)).toEqual([
      expect.objectContaining({ code: 'SCHEDULE_ORDER', field: 'tenderOpening' }),
    ]);
  });
});

describe('derived instants and instants already past', () => {
  const schedule = {
    applicationStart: new Date('2027-01-04T01:00:00Z'),
    applicationEnd: new Date('2027-01-12T04:00:00Z'),
    depositDeadline: new Date('2027-01-12T04:00:00Z'),
    auctionStart: new Date('2027-01-25T02:00:00Z'),
  };

  it('derives a reserve sealing moment only for a lot with a reserve', () => {
    expect(completeSchedule(schedule, 'auction', false, NO_DAY_OVERRIDES).schedule.reserveSealingAt).toBeUndefined();
    const withReserve = completeSchedule(schedule, 'auction', true, NO_DAY_OVERRIDES);
    expect(withReserve.schedule.reserveSealingAt).toEqual(new Date('2027-01-25T01:00:00Z'));
    expect(withReserve.derived).toEqual(['registrationCloseAt', 'reserveSealingAt']);
  });

  it('names every instant already past, saying which were derived', () => {
    const { schedule: full, derived } = completeSchedule(schedule, 'auction', true, NO_DAY_OVERRIDES);
    const v = instantsInPast(full, new Date('2027-01-21T00:00:00Z'), derived, 'schedule');
    expect(v.map((x) => x.field)).toEqual(['schedule.applicationStart', 'schedule.applicationEnd', 'schedule.depositDeadline', 'schedule.registrationCloseAt']);
    expect(v.every((x) => x.code === 'SCHEDULE_IN_PAST')).toBe(true);
    expect(v[3]!.message).toContain('derived');
    expect(instantsInPast(full, new Date('2027-01-01T00:00:00Z'), derived)).toEqual([]);
  });
});
