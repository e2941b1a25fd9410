import fc from 'fast-check';
import { DomainError } from '@app/common/domain-error';
import { Area } from './area';
import { Decimal } from './decimal';
import { floorAreaOf, floorPrice, premiumRate, saleFigures, totalPriceOf, unitPrice, type PriceUnit, type SaleParcel } from './derived-figures';
import { Money } from './money';
import { Ratio } from './ratio';

const m = (s: string): Money => Money.parse(s);
const a = (s: string): Area => Area.parse(s);
const r = (s: string): Ratio => Ratio.parse(s);

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('unitPrice = price ÷ area, 2 places ROUND_HALF_UP', () => {
  it.each([
    ['12500000.00', '35000.00', '357.14'],
    ['1000.00', '3.00', '333.33'],
    ['2000.00', '3.00', '666.67'],
    ['0.01', '2.00', '0.01'],
    ['0.01', '2.01', '0.00'],
    ['1.00', '0.01', '100.00'],
  ])('%s元 over %s㎡ is %s元/㎡', (price, area, expected) => {
    expect(unitPrice(m(price), a(area)).toString()).toBe(expected);
  });

  it('is within half a fen per ㎡ of the exact quotient', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 18n - 1n }),
        fc.bigInt({ min: 1n, max: 10n ** 16n - 1n }),
        (fen, hundredths) => {
          const price = Money.fromFen(fen);
          const area = Area.of(new Decimal(hundredths.toString()).div('100'));
          const unit = unitPrice(price, area).toDecimal();
          const exact = price.toDecimal().div(area.toDecimal());
          expect(unit.minus(exact).abs().lte('0.005')).toBe(true);
        },
      ),
    );
  });

  it('throws DIVISION_BY_ZERO for a zero area', () => {
    const e = errorOf(() => unitPrice(m('1.00'), a('0')));
    expect(e.code).toBe('DIVISION_BY_ZERO');
    expect(e.field).toBe('area');
  });
});

describe('floorPrice = price ÷ (area × plot ratio), 2 places ROUND_HALF_UP', () => {
  it.each([
    ['12500000.00', '35000.00', '2.5000', '142.86'],
    ['100.00', '1.00', '0.3000', '333.33'],
    ['300000000.00', '50000.00', '2.0000', '3000.00'],
    ['1000.00', '3.00', '1.0000', '333.33'],
  ])('%s元 over %s㎡ at plot ratio %s is %s元/㎡', (price, area, ratio, expected) => {
    expect(floorPrice(m(price), a(area), r(ratio)).toString()).toBe(expected);
  });

  it('equals the unit price when the plot ratio is 1', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 16n }), fc.bigInt({ min: 1n, max: 10n ** 10n }), (fen, hs) => {
        const price = Money.fromFen(fen);
        const area = Area.of(new Decimal(hs.toString()).div('100'));
        expect(floorPrice(price, area, Ratio.one()).eq(unitPrice(price, area))).toBe(true);
      }),
    );
  });

  it('throws DIVISION_BY_ZERO for a zero plot ratio or area', () => {
    expect(errorOf(() => floorPrice(m('1.00'), a('100'), r('0'))).field).toBe('plotRatio');
    expect(errorOf(() => floorPrice(m('1.00'), a('0'), r('2.5'))).code).toBe('DIVISION_BY_ZERO');
  });
});

describe('premiumRate = price ÷ start − 1, 4 places ROUND_HALF_UP', () => {
  it.each([
    ['15625000.00', '12500000.00', '0.2500', '25.00'],
    ['12500000.00', '12500000.00', '0.0000', '0.00'],
    ['400.00', '300.00', '0.3333', '33.33'],
    ['500.00', '300.00', '0.6667', '66.67'],
    ['20001.00', '20000.00', '0.0001', '0.01'],
    ['20000.99', '20000.00', '0.0000', '0.00'],
    ['200.00', '300.00', '-0.3333', '-33.33'],
    ['37500000.00', '12500000.00', '2.0000', '200.00'],
  ])('%s over a start of %s is %s (%s%%)', (price, start, expected, percent) => {
    const rate = premiumRate(m(price), m(start));
    expect(rate.toString()).toBe(expected);
    expect(rate.scale).toBe(4);
    expect(rate.toPercentString()).toBe(percent);
  });

  it('throws DIVISION_BY_ZERO for a zero start price', () => {
    const e = errorOf(() => premiumRate(m('1.00'), m('0')));
    expect(e.code).toBe('DIVISION_BY_ZERO');
    expect(e.field).toBe('startPrice');
  });
});

describe('saleFigures: one function for every figure of a sale, in the lot’s price unit', () => {
  // Two parcels: 17,800.00㎡ at 容积率 1.0–2.5 and 19,800.33㎡ at ≤ 3.0.
  const parcels: SaleParcel[] = [
    { area: a('17800.00'), plotRatioMax: r('2.5000') },
    { area: a('19800.33'), plotRatioMax: r('3.0000') },
  ];
  // land 37,600.33㎡; floor 17,800 × 2.5 + 19,800.33 × 3 = 44,500 + 59,400.99 = 103,900.99㎡

  it('a total price is the total; unit and floor price divide it by Σ area and Σ area × maximum plot ratio', () => {
    const f = saleFigures({ priceUnit: 'total', bidPrice: m('300000000.00'), startPrice: m('250000000.00'), parcels });
    expect(f.totalPrice.toString()).toBe('300000000.00');
    expect(f.startTotal.toString()).toBe('250000000.00');
    expect(f.landArea.toString()).toBe('37600.33');
    expect(f.floorArea?.toFixed(2)).toBe('103900.99');
    expect(f.unitPrice?.toString()).toBe('7978.65'); // 300,000,000 ÷ 37,600.33 = 7978.6533…
    expect(f.floorPrice?.toString()).toBe('2887.36'); // 300,000,000 ÷ 103,900.99 = 2887.3584…
    expect(f.premiumRate.toString()).toBe('0.2000');
  });

  it('a price per ㎡ of land is multiplied by Σ area, rounded half up once; its unit price is the bid', () => {
    const f = saleFigures({ priceUnit: 'per_square_metre', bidPrice: m('6422.50'), startPrice: m('5000.00'), parcels });
    // 6,422.50 × 37,600.33 = 241,488,119.425 → 241,488,119.43 (half up)
    expect(f.totalPrice.toString()).toBe('241488119.43');
    expect(f.startTotal.toString()).toBe('188001650.00');
    expect(f.unitPrice?.toString()).toBe('6422.50');
    expect(f.floorPrice?.toString()).toBe('2324.21'); // 241,488,119.43 ÷ 103,900.99 = 2324.2110…
    expect(f.premiumRate.toString()).toBe('0.2845'); // 6422.5 ÷ 5000 − 1 = 0.2845
  });

  it('a price per ㎡ of floor area is multiplied by Σ area × maximum plot ratio; its floor price is the bid', () => {
    const f = saleFigures({ priceUnit: 'per_floor_area', bidPrice: m('2888.88'), startPrice: m('2400.00'), parcels });
    // 2,888.88 × 103,900.99 = 300,157,491.9891… → 300,157,491.99
    expect(f.totalPrice.toString()).toBe('300157491.99');
    expect(f.startTotal.toString()).toBe('249362376.00');
    expect(f.floorPrice?.toString()).toBe('2888.88');
    expect(f.unitPrice?.toString()).toBe('7982.84'); // 300,157,491.99 ÷ 37,600.33 = 7982.84…
    expect(f.premiumRate.toString()).toBe('0.2037'); // 2888.88 ÷ 2400 − 1 = 0.2037
  });

  it('the floor area counts every parcel (not the first one’s ratio) and uses the maximum plot ratio', () => {
    expect(floorAreaOf(parcels)?.toFixed(2)).toBe('103900.99');
    expect(floorAreaOf([parcels[1], parcels[0]])?.toFixed(2)).toBe('103900.99');
  });

  it('a parcel without a maximum plot ratio leaves the floor price unknown, never computed with a ratio of 1', () => {
    const open = [parcels[0], { area: a('19800.33'), plotRatioMax: null }];
    const f = saleFigures({ priceUnit: 'total', bidPrice: m('300000000.00'), startPrice: m('250000000.00'), parcels: open });
    expect(f.floorArea).toBeNull();
    expect(f.floorPrice).toBeNull();
    expect(f.unitPrice?.toString()).toBe('7978.65');
    const e = errorOf(() => saleFigures({ priceUnit: 'per_floor_area', bidPrice: m('3000.00'), startPrice: m('2400.00'), parcels: open }));
    expect([e.code, e.field]).toEqual(['FLOOR_AREA_UNKNOWN', 'plotRatioMax']);
  });

  it('refuses a total beyond NUMERIC(18,2) and an unknown unit, naming the field', () => {
    const e = errorOf(() => totalPriceOf(m('9999999999999.99'), 'per_square_metre', parcels));
    expect([e.code, e.field]).toEqual(['OUT_OF_RANGE', 'price']);
    expect(errorOf(() => totalPriceOf(m('1.00'), 'per_mu' as PriceUnit, parcels)).field).toBe('priceUnit');
  });

  it('the total is the exact product rounded half up once, for any bid and parcels', () => {
    const units: PriceUnit[] = ['total', 'per_square_metre', 'per_floor_area'];
    fc.assert(
      fc.property(
        fc.constantFrom(...units),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        fc.array(fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 8n }), fc.bigInt({ min: 1n, max: 99_999n })), { minLength: 1, maxLength: 4 }),
        (unit, fen, list) => {
          const ps = list.map(([hundredths, ratio]) => ({ area: Area.of(new Decimal(hundredths.toString()).div('100')), plotRatioMax: Ratio.of(new Decimal(ratio.toString()).div('10000')) }));
          const bid = Money.fromFen(fen);
          const measure =
            unit === 'total' ? new Decimal('1') : unit === 'per_square_metre' ? ps.reduce((s, p) => s.plus(p.area.toDecimal()), new Decimal('0')) : ps.reduce((s, p) => s.plus(p.area.toDecimal().times(p.plotRatioMax.toDecimal())), new Decimal('0'));
          const exact = bid.toDecimal().times(measure);
          const total = totalPriceOf(bid, unit, ps).toDecimal();
          // within half a fen of the exact product, and a whole number of fen
          expect(total.minus(exact).abs().lte('0.005')).toBe(true);
          expect(total.decimalPlaces()).toBeLessThanOrEqual(2);
          // the premium rate compares like with like: it does not depend on the unit's measure
          const f = saleFigures({ priceUnit: unit, bidPrice: bid, startPrice: Money.fromFen(fen), parcels: ps });
          expect(f.premiumRate.toString()).toBe('0.0000');
        },
      ),
    );
  });
});
