import fc from 'fast-check';
import { DomainError } from '@app/common/domain-error';
import { Area } from './area';
import { Decimal } from './decimal';
import { floorPrice, premiumRate, unitPrice } from './derived-figures';
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
