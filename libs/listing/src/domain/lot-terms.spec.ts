import fc from 'fast-check';
import { DomainErrors } from '@app/common/domain-error';
import { Area } from '@app/money/area';
import { Money } from '@app/money/money';
import { Ratio } from '@app/money/ratio';
import {
  effectiveCountdowns,
  effectiveMinBidders,
  lotTermsViolations,
  minimumDeposit,
  validateAnnouncementLotTerms,
  validateLotTerms,
  type CapRule,
  type LotTerms,
} from './lot-terms';

const m = (s: string): Money => Money.of(s);

function listingTerms(overrides: Partial<LotTerms> = {}): LotTerms {
  return {
    method: 'listing',
    startPrice: m('12000000.00'),
    increment: m('100000.00'),
    incrementPolicy: 'at_least_one',
    deposit: m('2400000.00'),
    priceUnit: 'total',
    hasReserve: true,
    reserveRoundingUnit: m('10000.00'),
    eligibility: { jointBidsAllowed: true, review: 'post_review', exclusions: '' },
    timedFinalRound: { enabled: true, entry: 'opt_in', startAt: 'listing_high', preparationGapMinutes: 15 },
    ...overrides,
  };
}

function errorsOf(fn: () => unknown): DomainErrors {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainErrors) return e;
    throw e;
  }
  throw new Error('expected DomainErrors');
}

const codes = (terms: LotTerms): string[] => lotTermsViolations(terms).map((v) => v.code);

describe('validateLotTerms', () => {
  it('accepts well-formed listing terms with a timed final round', () => {
    expect(() => validateLotTerms(listingTerms())).not.toThrow();
  });

  it('accepts an auction without a timed round and a tender without an increment', () => {
    expect(codes(listingTerms({ method: 'auction', timedFinalRound: undefined }))).toEqual([]);
    expect(
      codes(
        listingTerms({
          method: 'tender',
          increment: undefined,
          incrementPolicy: undefined,
          timedFinalRound: undefined,
          evaluation: { method: 'highest_price' },
        }),
      ),
    ).toEqual([]);
  });

  it('lists EVERY violation in one LOT_TERMS_INVALID error, each with its field path under the prefix', () => {
    const bad = listingTerms({
      startPrice: m('0.00'),
      increment: m('-1.00'),
      deposit: m('0.00'),
      maxJumpIncrements: 0,
      hasReserve: true,
      reserveRoundingUnit: undefined,
      minBidders: 0,
    });
    const e = errorsOf(() => validateLotTerms(bad, {}, 'lots[1]'));
    expect(e.code).toBe('LOT_TERMS_INVALID');
    expect(e.errors.map((x) => [x.code, x.field])).toEqual([
      ['START_PRICE_NOT_POSITIVE', 'lots[1].startPrice'],
      ['INCREMENT_NOT_POSITIVE', 'lots[1].increment'],
      ['INVALID_MAX_JUMP', 'lots[1].maxJumpIncrements'],
      ['DEPOSIT_NOT_POSITIVE', 'lots[1].deposit'],
      ['ROUNDING_UNIT_REQUIRED', 'lots[1].reserveRoundingUnit'],
      ['INVALID_MIN_BIDDERS', 'lots[1].minBidders'],
    ]);
  });

  it('uses bare field names when there is no prefix', () => {
    expect(lotTermsViolations(listingTerms({ deposit: m('1.00') }))[0].field).toBe('deposit');
  });

  it('the start price and the increment must be greater than zero', () => {
    expect(codes(listingTerms({ startPrice: m('-5.00') }))).toContain('START_PRICE_NOT_POSITIVE');
    expect(codes(listingTerms({ increment: m('0.00') }))).toContain('INCREMENT_NOT_POSITIVE');
  });

  it('an auction or a listing needs an increment and an increment policy', () => {
    for (const method of ['auction', 'listing'] as const) {
      const c = codes(listingTerms({ method, increment: undefined, incrementPolicy: undefined, timedFinalRound: undefined }));
      expect(c).toEqual(['INCREMENT_REQUIRED', 'INCREMENT_POLICY_REQUIRED']);
    }
  });

  it('the increment policy is at_least_one or whole_multiple', () => {
    expect(codes(listingTerms({ incrementPolicy: 'whole_multiple' }))).toEqual([]);
    expect(codes(listingTerms({ incrementPolicy: 'double' as never }))).toEqual(['INVALID_INCREMENT_POLICY']);
  });

  it('the maximum jump is a whole number of increments ≥ 1', () => {
    expect(codes(listingTerms({ maxJumpIncrements: 5 }))).toEqual([]);
    expect(codes(listingTerms({ maxJumpIncrements: 1.5 }))).toEqual(['INVALID_MAX_JUMP']);
  });

  it('the deposit is at least 20% of the start price by default', () => {
    expect(codes(listingTerms({ deposit: m('2400000.00') }))).toEqual([]);
    expect(codes(listingTerms({ deposit: m('2399999.99') }))).toEqual(['DEPOSIT_TOO_LOW']);
  });

  it('the minimum deposit ratio is a setting (e.g. 30%)', () => {
    expect(lotTermsViolations(listingTerms({ deposit: m('2400000.00') }), { minDepositRatio: '0.3000' })[0].code).toBe('DEPOSIT_TOO_LOW');
    expect(lotTermsViolations(listingTerms({ deposit: m('3600000.00') }), { minDepositRatio: '0.3000' })).toEqual([]);
  });

  it('the deposit cannot exceed the start price', () => {
    expect(codes(listingTerms({ deposit: m('12000000.00') }))).toEqual([]);
    expect(codes(listingTerms({ deposit: m('12000000.01') }))).toEqual(['DEPOSIT_ABOVE_START_PRICE']);
  });

  it('deposit ≥ start × ratio (fen-rounded) holds exactly at the boundary for any start price (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 15n }), (fen) => {
        const start = Money.fromFen(fen);
        const min = minimumDeposit(start);
        const terms = listingTerms({ startPrice: start, deposit: min, priceCap: undefined, capRule: undefined });
        expect(lotTermsViolations(terms).filter((v) => v.field === 'deposit')).toEqual(
          min.isPositive() ? [] : [expect.objectContaining({ code: 'DEPOSIT_NOT_POSITIVE' })],
        );
        if (min.toFen() > 1n) {
          const below = listingTerms({ startPrice: start, deposit: Money.fromFen(min.toFen() - 1n) });
          expect(codes(below)).toContain('DEPOSIT_TOO_LOW');
        }
      }),
    );
  });

  it('the price unit is total, per_square_metre or per_floor_area', () => {
    expect(codes(listingTerms({ priceUnit: 'per_floor_area' }))).toEqual([]);
    expect(codes(listingTerms({ priceUnit: 'per_mu' as never }))).toEqual(['INVALID_PRICE_UNIT']);
  });

  it('a lot with a reserve needs a positive rounding unit; a lot without one does not', () => {
    expect(codes(listingTerms({ hasReserve: false, reserveRoundingUnit: undefined }))).toEqual([]);
    expect(codes(listingTerms({ reserveRoundingUnit: m('0.00') }))).toEqual(['INVALID_ROUNDING_UNIT']);
  });

  describe('price cap', () => {
    const lottery: CapRule = { mode: 'lottery', optInWindowMinutes: 30 };

    it('a cap above the start price with a cap mode is accepted', () => {
      expect(codes(listingTerms({ priceCap: m('15000000.00'), capRule: lottery }))).toEqual([]);
    });

    it('a cap requires a cap mode, and a cap mode requires a cap', () => {
      expect(codes(listingTerms({ priceCap: m('15000000.00') }))).toEqual(['CAP_MODE_REQUIRED']);
      expect(codes(listingTerms({ capRule: lottery }))).toEqual(['CAP_REQUIRED']);
    });

    it('the cap must be higher than the start price', () => {
      expect(codes(listingTerms({ priceCap: m('12000000.00'), capRule: lottery }))).toEqual(['CAP_NOT_ABOVE_START_PRICE']);
    });

    it('a tender has no price cap', () => {
      const tender = listingTerms({
        method: 'tender',
        timedFinalRound: undefined,
        evaluation: { method: 'highest_price' },
        priceCap: m('15000000.00'),
        capRule: lottery,
      });
      expect(codes(tender)).toEqual(['CAP_NOT_FOR_TENDER']);
    });

    it('竞配建 needs a start area ≥ 0 and a positive area step', () => {
      const ok: CapRule = { mode: 'build_in_area', startArea: Area.of('0.00'), areaStep: Area.of('100.00') };
      expect(codes(listingTerms({ priceCap: m('15000000.00'), capRule: ok }))).toEqual([]);
      const bad: CapRule = { mode: 'build_in_area', startArea: Area.of('-1.00'), areaStep: Area.of('0.00'), countdownSeconds: 0 };
      expect(lotTermsViolations(listingTerms({ priceCap: m('15000000.00'), capRule: bad })).map((v) => v.field)).toEqual([
        'capRule.startArea',
        'capRule.areaStep',
        'capRule.countdownSeconds',
      ]);
    });

    it('竞自持 needs a start share in [0, 100%) and a positive step that stays within 100%', () => {
      const ok: CapRule = { mode: 'self_held_share', startShare: Ratio.of('0.0500'), shareStep: Ratio.of('0.0100') };
      expect(codes(listingTerms({ priceCap: m('15000000.00'), capRule: ok }))).toEqual([]);
      const full: CapRule = { mode: 'self_held_share', startShare: Ratio.of('1'), shareStep: Ratio.of('0.0100') };
      expect(codes(listingTerms({ priceCap: m('15000000.00'), capRule: full }))).toEqual(['INVALID_START_SHARE']);
      const over: CapRule = { mode: 'self_held_share', startShare: Ratio.of('0.9950'), shareStep: Ratio.of('0.0100') };
      expect(codes(listingTerms({ priceCap: m('15000000.00'), capRule: over }))).toEqual(['INVALID_SHARE_STEP']);
      const zero: CapRule = { mode: 'self_held_share', startShare: Ratio.of('0'), shareStep: Ratio.of('0') };
      expect(codes(listingTerms({ priceCap: m('15000000.00'), capRule: zero }))).toEqual(['INVALID_SHARE_STEP']);
    });

    it('摇号 needs an opt-in window of whole minutes ≥ 1', () => {
      expect(codes(listingTerms({ priceCap: m('15000000.00'), capRule: { mode: 'lottery', optInWindowMinutes: 0 } }))).toEqual([
        'INVALID_OPT_IN_WINDOW',
      ]);
    });

    it('一次报价 needs a positive guide price and a band whose upper edge is above its lower edge', () => {
      const ok: CapRule = {
        mode: 'one_sealed_price',
        guidePrice: m('14000000.00'),
        bandLower: Ratio.fromPercentString('25'),
        bandUpper: Ratio.fromPercentString('50'),
      };
      expect(codes(listingTerms({ priceCap: m('15000000.00'), capRule: ok }))).toEqual([]);
      const bad: CapRule = { ...ok, guidePrice: m('0.00'), bandUpper: Ratio.fromPercentString('25') };
      expect(lotTermsViolations(listingTerms({ priceCap: m('15000000.00'), capRule: bad })).map((v) => v.field)).toEqual([
        'capRule.guidePrice',
        'capRule.bandUpper',
      ]);
    });

    it('an unknown cap mode is named', () => {
      const rule = { mode: 'auction_again' } as unknown as CapRule;
      expect(codes(listingTerms({ priceCap: m('15000000.00'), capRule: rule }))).toEqual(['INVALID_CAP_MODE']);
    });
  });

  describe('timed final round', () => {
    it('belongs to a listing only', () => {
      const auction = listingTerms({ method: 'auction' });
      expect(lotTermsViolations(auction)).toEqual([
        expect.objectContaining({ code: 'TIMED_ROUND_LISTING_ONLY', field: 'timedFinalRound' }),
      ]);
      const disabled = listingTerms({
        method: 'auction',
        timedFinalRound: { enabled: false, entry: 'all_qualified', startAt: 'listing_high', preparationGapMinutes: 0 },
      });
      expect(codes(disabled)).toEqual([]);
    });

    it('checks entry, start, preparation gap, countdown and warnings', () => {
      const terms = listingTerms({
        timedFinalRound: {
          enabled: true,
          entry: 'everyone' as never,
          startAt: 'zero' as never,
          preparationGapMinutes: -1,
          countdownSeconds: 0,
          warningSeconds: [10, 30],
        },
      });
      expect(lotTermsViolations(terms).map((v) => v.field)).toEqual([
        'timedFinalRound.entry',
        'timedFinalRound.startAt',
        'timedFinalRound.preparationGapMinutes',
        'timedFinalRound.countdownSeconds',
        'timedFinalRound.warningSeconds',
      ]);
    });

    it('a warning cannot be longer than the countdown it warns about', () => {
      const terms = listingTerms({
        timedFinalRound: { enabled: true, entry: 'opt_in', startAt: 'listing_high', preparationGapMinutes: 0, countdownSeconds: 45 },
      });
      expect(codes(terms)).toEqual(['INVALID_WARNINGS']);
    });
  });

  describe('tender evaluation', () => {
    const tender = (evaluation: LotTerms['evaluation']): LotTerms =>
      listingTerms({ method: 'tender', increment: undefined, incrementPolicy: undefined, timedFinalRound: undefined, evaluation });

    it('a tender needs an evaluation method', () => {
      expect(codes(tender(undefined))).toEqual(['EVALUATION_REQUIRED']);
    });

    it('a weighted score needs an odd panel of at least 5', () => {
      expect(codes(tender({ method: 'weighted_score', panelSize: 5 }))).toEqual([]);
      expect(codes(tender({ method: 'weighted_score', panelSize: 7 }))).toEqual([]);
      expect(codes(tender({ method: 'weighted_score', panelSize: 6 }))).toEqual(['INVALID_PANEL_SIZE']);
      expect(codes(tender({ method: 'weighted_score', panelSize: 3 }))).toEqual(['INVALID_PANEL_SIZE']);
      expect(codes(tender({ method: 'weighted_score' }))).toEqual(['INVALID_PANEL_SIZE']);
    });

    it('only a tender has an evaluation method', () => {
      expect(codes(listingTerms({ evaluation: { method: 'highest_price' } }))).toEqual(['EVALUATION_TENDER_ONLY']);
    });
  });

  it('eligibility states joint bids, review mode and exclusions', () => {
    const terms = listingTerms({ eligibility: { jointBidsAllowed: 'yes' as never, review: 'none' as never, exclusions: 'x'.repeat(4001) } });
    expect(lotTermsViolations(terms).map((v) => v.field)).toEqual([
      'eligibility.jointBidsAllowed',
      'eligibility.review',
      'eligibility.exclusions',
    ]);
  });

  it('countdown lengths are whole seconds ≥ 1', () => {
    expect(codes(listingTerms({ countdownSeconds: 0 }))).toEqual(['INVALID_COUNTDOWN']);
    expect(codes(listingTerms({ countdownSeconds: 90, warningSeconds: [30, 10] }))).toEqual([]);
  });
});

describe('validateAnnouncementLotTerms', () => {
  it('prefixes each lot\'s violations with lots[i]', () => {
    const e = errorsOf(() => validateAnnouncementLotTerms([listingTerms(), listingTerms({ deposit: m('1.00') })]));
    expect(e.errors).toEqual([expect.objectContaining({ code: 'DEPOSIT_TOO_LOW', field: 'lots[1].deposit' })]);
  });

  it('an announcement sells at least one lot', () => {
    expect(errorsOf(() => validateAnnouncementLotTerms([])).errors[0].code).toBe('LOTS_REQUIRED');
  });
});

describe('effective values', () => {
  it('min bidders default to 1 for a listing and 3 for an auction or a tender, unless the lot says otherwise', () => {
    expect(effectiveMinBidders({ method: 'listing' })).toBe(1);
    expect(effectiveMinBidders({ method: 'auction' })).toBe(3);
    expect(effectiveMinBidders({ method: 'tender' })).toBe(3);
    expect(effectiveMinBidders({ method: 'auction', minBidders: 2 })).toBe(2);
    expect(effectiveMinBidders({ method: 'auction' }, { minBiddersAuction: 2 })).toBe(2);
  });

  it('countdowns default to 60 s (auction) and 240 s (timed round); a cap round inherits the round it came from', () => {
    const auction = effectiveCountdowns(
      listingTerms({ method: 'auction', timedFinalRound: undefined, priceCap: m('15000000.00'), capRule: { mode: 'build_in_area', startArea: Area.of('0.00'), areaStep: Area.of('50.00') } }),
    );
    expect(auction).toMatchObject({ auctionRoundSeconds: 60, capRoundSeconds: 60, warningSeconds: [60, 30, 10] });
    const listing = effectiveCountdowns(
      listingTerms({ priceCap: m('15000000.00'), capRule: { mode: 'self_held_share', startShare: Ratio.of('0'), shareStep: Ratio.of('0.0100') } }),
    );
    expect(listing).toMatchObject({ timedRoundSeconds: 240, capRoundSeconds: 240, timedRoundWarningSeconds: [60, 30, 10] });
    expect(effectiveCountdowns(listingTerms(), { timedRoundCountdownSeconds: 300 }).timedRoundSeconds).toBe(300);
  });
});
