import { DomainErrors } from '@app/common/domain-error';
import { isDescendingPositiveIntegers, LISTING_DEFAULTS, minDepositRatioOf, resolveListingSettings } from './listing-settings';

function errorsOf(fn: () => unknown): DomainErrors {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainErrors) return e;
    throw e;
  }
  throw new Error('expected DomainErrors');
}

describe('LISTING_DEFAULTS', () => {
  it('carries the numbers of the handbook as defaults', () => {
    expect(LISTING_DEFAULTS).toMatchObject({
      leadTimeCalendarDays: 20,
      minListingDays: 10,
      listingDaysAreWorkingDays: true,
      minDepositRatio: '0.2000',
      registrationCloseWorkingDays: 3,
      reserveSealMinutesBeforeEnd: 60,
      minCommitteeSize: 3,
      auctionCountdownSeconds: 60,
      timedRoundCountdownSeconds: 240,
      countdownWarningSeconds: [60, 30, 10],
      resumptionNoticeDays: 5,
      freezeDirectResumeMinutes: 60,
      freezeResumptionNoticeHours: 24,
      protectedFinalMinutes: 60,
      minBiddersListing: 1,
      minBiddersAuction: 3,
      minBiddersTender: 3,
      minEvaluationPanelSize: 5,
    });
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(LISTING_DEFAULTS)).toBe(true);
    expect(Object.isFrozen(LISTING_DEFAULTS.countdownWarningSeconds)).toBe(true);
  });
});

describe('resolveListingSettings', () => {
  it('returns the defaults when nothing is overridden', () => {
    expect(resolveListingSettings()).toEqual(LISTING_DEFAULTS);
  });

  it('merges partial overrides over the defaults, an undefined value keeping the default', () => {
    const s = resolveListingSettings({ timedRoundCountdownSeconds: 300, minListingDays: undefined });
    expect(s.timedRoundCountdownSeconds).toBe(300);
    expect(s.minListingDays).toBe(10);
  });

  it('reports every invalid setting at once, each naming settings.<key>', () => {
    const e = errorsOf(() =>
      resolveListingSettings({
        minListingDays: 0,
        leadTimeCalendarDays: 2.5,
        minDepositRatio: '1.5',
        countdownWarningSeconds: [10, 30],
        minEvaluationPanelSize: 6,
      }),
    );
    expect(e.code).toBe('LISTING_SETTINGS_INVALID');
    expect(e.errors.map((x) => x.field).sort()).toEqual(
      [
        'settings.countdownWarningSeconds',
        'settings.leadTimeCalendarDays',
        'settings.minDepositRatio',
        'settings.minEvaluationPanelSize',
        'settings.minListingDays',
      ].sort(),
    );
  });

  it('refuses keys that are not listing settings', () => {
    const e = errorsOf(() => resolveListingSettings({ nonsense: 1 } as never));
    expect(e.errors[0].field).toBe('settings.nonsense');
  });

  it('reads the deposit ratio as a Ratio, never a float', () => {
    expect(minDepositRatioOf(resolveListingSettings()).toString()).toBe('0.2000');
  });
});

describe('isDescendingPositiveIntegers', () => {
  it('accepts strictly descending whole seconds and the empty list', () => {
    expect(isDescendingPositiveIntegers([60, 30, 10])).toBe(true);
    expect(isDescendingPositiveIntegers([])).toBe(true);
  });

  it('refuses repeats, zero, fractions and ascending order', () => {
    expect(isDescendingPositiveIntegers([30, 30])).toBe(false);
    expect(isDescendingPositiveIntegers([10, 0])).toBe(false);
    expect(isDescendingPositiveIntegers([1.5])).toBe(false);
    expect(isDescendingPositiveIntegers([10, 30])).toBe(false);
  });
});
