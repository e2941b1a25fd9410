import fc from 'fast-check';
import { DomainErrors } from '@app/common/domain-error';
import { Decimal, Money, Ratio } from '@app/money';
import {
  assertValidCostEntry,
  assertValidParcel,
  checkCostEntry,
  checkDistrict,
  checkParcel,
  checkParcelCode,
  checkPlannedUse,
  checkPlanningConditions,
  COST_KINDS,
  DEFAULT_TENURE_YEARS,
  PLANNED_USES,
  tenureYearsFor,
  totalCost,
  type CostEntry,
  type CostKind,
  type ParcelData,
  type TenureYearsTable,
} from './parcel-rules';

const codes = (violations: ReadonlyArray<{ code: string }>): string[] => violations.map((v) => v.code);

function caughtErrors(fn: () => unknown): DomainErrors {
  try {
    fn();
  } catch (error: unknown) {
    if (error instanceof DomainErrors) return error;
    throw error;
  }
  throw new Error('expected DomainErrors');
}

const cost = (kind: CostKind, amount: string, date = '2024-03-15', description = '征收补偿款'): CostEntry => ({
  kind,
  amount: Money.of(amount),
  date,
  description,
});

const VALID: ParcelData = {
  code: 'SG2024-05',
  district: '圣城街道',
  plannedUse: 'residential',
  planningConditions: {
    plotRatioMin: Ratio.of('1.0000'),
    plotRatioMax: Ratio.of('2.5000'),
    buildingDensity: Ratio.fromPercentString('30'),
    greenRatio: Ratio.fromPercentString('35'),
    heightLimitMetres: new Decimal('54'),
  },
  costEntries: [cost('acquisition', '12500000.00'), cost('development', '3200000.50', '2024-06-01', '场地平整')],
};

describe('parcel code (宗地编号)', () => {
  it.each(['SG2024-05', '370783001001GB00001', '寿光2024_05', '现代中学南-1', 'a'])('accepts %p', (code) => {
    expect(checkParcelCode(code)).toEqual([]);
  });

  it('requires a code', () => {
    expect(codes(checkParcelCode(''))).toEqual(['PARCEL_CODE_REQUIRED']);
    expect(codes(checkParcelCode(undefined))).toEqual(['PARCEL_CODE_REQUIRED']);
  });

  it('allows at most 40 characters, counting Chinese characters as one each', () => {
    expect(checkParcelCode('A'.repeat(40))).toEqual([]);
    expect(checkParcelCode('宗'.repeat(40))).toEqual([]);
    expect(codes(checkParcelCode('A'.repeat(41)))).toEqual(['PARCEL_CODE_TOO_LONG']);
    expect(codes(checkParcelCode('𠀀'.repeat(40)))).toEqual([]); // outside the BMP: 2 UTF-16 units each
  });

  it.each(['SG 2024', ' SG2024', 'SG/2024', 'SG(2024)05', 'ＳＧ２０２４', 'SG2024.05', 'SGДом', 'SG#1'])(
    'refuses characters other than letters, digits, - _ and Chinese in %p',
    (code) => {
      expect(codes(checkParcelCode(code))).toEqual(['PARCEL_CODE_INVALID_CHARACTERS']);
    },
  );
});

describe('district and planned use', () => {
  it('requires a non-blank district', () => {
    expect(checkDistrict('文家街道')).toEqual([]);
    expect(codes(checkDistrict('  '))).toEqual(['DISTRICT_REQUIRED']);
  });

  it('accepts exactly the six planned uses', () => {
    for (const use of PLANNED_USES) expect(checkPlannedUse(use)).toEqual([]);
    expect(codes(checkPlannedUse('Residential'))).toEqual(['PLANNED_USE_INVALID']);
    expect(codes(checkPlannedUse('farmland'))).toEqual(['PLANNED_USE_INVALID']);
  });
});

describe('tenure by planned use', () => {
  it('defaults to the statutory maxima: residential 70, commercial 40, industrial 50, mixed 50', () => {
    expect(DEFAULT_TENURE_YEARS).toEqual({
      residential: 70,
      commercial: 40,
      industrial: 50,
      mixed: 50,
      public_service: 50,
      other: 50,
    });
    expect(tenureYearsFor('commercial')).toBe(40);
  });

  it('reads the tenure from the settings table it is given', () => {
    const local: TenureYearsTable = { ...DEFAULT_TENURE_YEARS, industrial: 20 };
    expect(tenureYearsFor('industrial', local)).toBe(20);
  });

  it('treats a tenure setting that is not a whole number of 1..70 years as a setting error', () => {
    expect(() => tenureYearsFor('mixed', { ...DEFAULT_TENURE_YEARS, mixed: 0 })).toThrow(RangeError);
    expect(() => tenureYearsFor('mixed', { ...DEFAULT_TENURE_YEARS, mixed: 40.5 })).toThrow(RangeError);
  });
});

describe('planning conditions (规划条件)', () => {
  it('accepts ordinary residential conditions', () => {
    expect(checkPlanningConditions(VALID.planningConditions!)).toEqual([]);
  });

  it('refuses a minimum plot ratio above the maximum', () => {
    const violations = checkPlanningConditions({ plotRatioMin: Ratio.of('3.0000'), plotRatioMax: Ratio.of('2.5000') });
    expect(violations).toEqual([expect.objectContaining({ code: 'PLOT_RATIO_MIN_ABOVE_MAX', field: 'planningConditions.plotRatioMin' })]);
  });

  it('allows a minimum equal to the maximum', () => {
    expect(checkPlanningConditions({ plotRatioMin: Ratio.of('2.0000'), plotRatioMax: Ratio.of('2.0000') })).toEqual([]);
  });

  it('keeps plot ratios above 0 and at most 20', () => {
    expect(checkPlanningConditions({ plotRatioMax: Ratio.of('20.0000') })).toEqual([]);
    expect(codes(checkPlanningConditions({ plotRatioMax: Ratio.of('20.0001') }))).toEqual(['PLOT_RATIO_OUT_OF_RANGE']);
    expect(checkPlanningConditions({ plotRatioMin: Ratio.zero() })).toEqual([
      expect.objectContaining({ code: 'PLOT_RATIO_OUT_OF_RANGE', field: 'planningConditions.plotRatioMin' }),
    ]);
  });

  it('does not also compare min and max when one of them is already out of range', () => {
    expect(codes(checkPlanningConditions({ plotRatioMin: Ratio.of('25.0000'), plotRatioMax: Ratio.of('2.0000') }))).toEqual([
      'PLOT_RATIO_OUT_OF_RANGE',
    ]);
  });

  it('keeps building density and green ratio between 0% and 100%', () => {
    expect(checkPlanningConditions({ buildingDensity: Ratio.one(), greenRatio: Ratio.zero() })).toEqual([]);
    const violations = checkPlanningConditions({
      buildingDensity: Ratio.fromPercentString('100.01'),
      greenRatio: Ratio.of('-0.0100'),
    });
    expect(codes(violations)).toEqual(['BUILDING_DENSITY_OUT_OF_RANGE', 'GREEN_RATIO_OUT_OF_RANGE']);
    expect(violations[0].message).toContain('100.01%');
  });

  it('requires a height limit above 0 m', () => {
    expect(codes(checkPlanningConditions({ heightLimitMetres: new Decimal('0') }))).toEqual(['HEIGHT_LIMIT_NOT_POSITIVE']);
    expect(codes(checkPlanningConditions({ heightLimitMetres: new Decimal('-3') }))).toEqual(['HEIGHT_LIMIT_NOT_POSITIVE']);
    expect(checkPlanningConditions({ heightLimitMetres: new Decimal('0.5') })).toEqual([]);
  });
});

describe('cost entries (储备成本)', () => {
  it('accepts a complete entry', () => {
    expect(checkCostEntry(cost('compensation', '0.01'))).toEqual([]);
  });

  it('requires a positive amount', () => {
    expect(codes(checkCostEntry(cost('other', '0.00')))).toEqual(['COST_AMOUNT_NOT_POSITIVE']);
    expect(codes(checkCostEntry(cost('other', '-5.00')))).toEqual(['COST_AMOUNT_NOT_POSITIVE']);
  });

  it('requires a known kind, a real date and a description', () => {
    const entry = { kind: 'bribe' as CostKind, amount: Money.of('1.00'), date: '2023-02-29', description: ' ' };
    expect(checkCostEntry(entry, 'costEntries[3]')).toEqual([
      expect.objectContaining({ code: 'COST_KIND_INVALID', field: 'costEntries[3].kind' }),
      expect.objectContaining({ code: 'COST_DATE_INVALID', field: 'costEntries[3].date' }),
      expect.objectContaining({ code: 'COST_DESCRIPTION_REQUIRED', field: 'costEntries[3].description' }),
    ]);
    expect(checkCostEntry(cost('other', '1.00', '2024-02-29'))).toEqual([]);
    expect(codes(checkCostEntry(cost('other', '1.00', '2024-13-01')))).toEqual(['COST_DATE_INVALID']);
    expect(codes(checkCostEntry(cost('other', '1.00', '2024-1-01')))).toEqual(['COST_DATE_INVALID']);
  });

  it('refuses a date after today when today is given', () => {
    expect(codes(checkCostEntry(cost('other', '1.00', '2025-01-02'), 'costEntry', { today: '2025-01-01' }))).toEqual([
      'COST_DATE_IN_FUTURE',
    ]);
    expect(checkCostEntry(cost('other', '1.00', '2025-01-01'), 'costEntry', { today: '2025-01-01' })).toEqual([]);
  });

  it('limits the description to 500 characters', () => {
    expect(codes(checkCostEntry(cost('other', '1.00', '2024-01-01', '费'.repeat(501))))).toEqual(['COST_DESCRIPTION_TOO_LONG']);
  });

  it('throws every violation of one entry together as COST_ENTRY_INVALID', () => {
    const error = caughtErrors(() => assertValidCostEntry(cost('other', '0.00', 'yesterday', '')));
    expect(error.code).toBe('COST_ENTRY_INVALID');
    expect(error.errors).toHaveLength(3);
  });
});

describe('totalCost', () => {
  it('adds acquisition and compensation as acquisition cost, development apart, all in the total', () => {
    const totals = totalCost([
      cost('acquisition', '12500000.00'),
      cost('compensation', '3000000.10'),
      cost('development', '800000.20'),
      cost('financing', '150000.30'),
      cost('other', '20000.40'),
    ]);
    expect(totals.acquisition.toString()).toBe('15500000.10');
    expect(totals.development.toString()).toBe('800000.20');
    expect(totals.financing.toString()).toBe('150000.30');
    expect(totals.other.toString()).toBe('20000.40');
    expect(totals.total.toString()).toBe('16470001.00');
  });

  it('is exact to the fen where floats are not (0.10 + 0.20)', () => {
    expect(totalCost([cost('other', '0.10'), cost('other', '0.20')]).total.toString()).toBe('0.30');
  });

  it('refuses an entry of an unknown kind rather than dropping it from the total', () => {
    expect(() => totalCost([{ kind: 'constructor' as CostKind, amount: Money.of('1.00') }])).toThrow('unknown cost kind');
  });

  it('is zero for no entries', () => {
    expect(totalCost([]).total.isZero()).toBe(true);
  });

  it('always has the total equal to the sum of its parts and of the entries, in fen', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...COST_KINDS), fc.bigInt({ min: 1n, max: 10n ** 15n })), { maxLength: 50 }),
        (rows) => {
          const totals = totalCost(rows.map(([kind, fen]) => ({ kind, amount: Money.fromFen(fen) })));
          const sumFen = rows.reduce((s, [, fen]) => s + fen, 0n);
          expect(totals.total.toFen()).toBe(sumFen);
          const parts = [totals.acquisition, totals.development, totals.financing, totals.other];
          expect(Money.sum(parts).eq(totals.total)).toBe(true);
        },
      ),
    );
  });
});

describe('assertValidParcel', () => {
  it('accepts a valid parcel', () => {
    expect(checkParcel(VALID)).toEqual([]);
    expect(() => assertValidParcel(VALID)).not.toThrow();
  });

  it('reports every violation at once as PARCEL_INVALID, each naming its field', () => {
    const error = caughtErrors(() =>
      assertValidParcel({
        code: 'SG 2024',
        district: '',
        plannedUse: 'farm',
        planningConditions: { plotRatioMin: Ratio.of('3.0000'), plotRatioMax: Ratio.of('2.0000'), greenRatio: Ratio.of('1.5000') },
        costEntries: [cost('development', '100.00'), cost('development', '0.00')],
      }),
    );
    expect(error.code).toBe('PARCEL_INVALID');
    expect(error.errors.map((e) => e.field)).toEqual([
      'code',
      'district',
      'plannedUse',
      'planningConditions.plotRatioMin',
      'planningConditions.greenRatio',
      'costEntries[1].amount',
    ]);
    expect(error.field).toBe('code');
    expect(error.message).toContain('6 problems');
  });

  it('accepts a parcel still without planning conditions or costs (just taken into the reserve)', () => {
    expect(checkParcel({ code: 'SG-1', district: '古城街道', plannedUse: 'industrial' })).toEqual([]);
  });
});
