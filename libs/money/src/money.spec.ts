import BaseDecimal from 'decimal.js';
import fc from 'fast-check';
import { DomainError } from '@app/common/domain-error';
import { Decimal } from './decimal';
import { Money } from './money';
import { Ratio } from './ratio';

/** Fen amounts anywhere in NUMERIC(18,2). */
const fenArb = fc.bigInt({ min: -(10n ** 18n - 1n), max: 10n ** 18n - 1n });
const nonNegativeFenArb = fc.bigInt({ min: 0n, max: 10n ** 18n - 1n });

/** Independent formatter for the expected string: fen → "-123.45". */
function fenToString(fen: bigint): string {
  const negative = fen < 0n;
  const digits = (negative ? -fen : fen).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

function domainError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('Money parsing and printing', () => {
  it('toString always has exactly 2 places', () => {
    expect(Money.parse('1250').toString()).toBe('1250.00');
    expect(Money.parse('1250.5').toString()).toBe('1250.50');
    expect(Money.parse('0').toString()).toBe('0.00');
    expect(Money.of('-0.5').toString()).toBe('-0.50');
  });

  it('toString/parse round-trips for every amount in NUMERIC(18,2)', () => {
    fc.assert(
      fc.property(fenArb, (fen) => {
        const text = fenToString(fen);
        const money = Money.parse(text, 'amount', { allowNegative: true });
        expect(money.toString()).toBe(text);
        expect(Money.parse(money.toString(), 'amount', { allowNegative: true }).eq(money)).toBe(true);
        expect(money.toFen()).toBe(fen);
      }),
    );
  });

  it('parse(format(x)) round-trips through JSON as a string', () => {
    fc.assert(
      fc.property(nonNegativeFenArb, (fen) => {
        const money = Money.fromFen(fen);
        const json = JSON.stringify({ price: money });
        expect(json).toBe(`{"price":"${fenToString(fen)}"}`);
        const back = Money.parse((JSON.parse(json) as { price: unknown }).price, 'price');
        expect(back.eq(money)).toBe(true);
      }),
    );
  });

  it('serialises to JSON as a string, never as a number', () => {
    expect(JSON.stringify({ price: Money.parse('12500000.00') })).toBe('{"price":"12500000.00"}');
    expect(Money.parse('12500000').toJSON()).toBe('12500000.00');
  });

  it('names the field in parse errors', () => {
    const e = domainError(() => Money.parse('1.005', 'price'));
    expect(e.code).toBe('TOO_MANY_DECIMAL_PLACES');
    expect(e.field).toBe('price');
    expect(e.message).toContain('price must be a decimal string with at most 2 places, like "12500000.00"');
  });

  it('rejects negative amounts from outside unless allowed', () => {
    expect(domainError(() => Money.parse('-0.01', 'deposit')).code).toBe('NEGATIVE_NOT_ALLOWED');
    expect(domainError(() => Money.parse('-0', 'deposit')).code).toBe('NEGATIVE_NOT_ALLOWED');
    expect(Money.parse('-0.01', 'refund', { allowNegative: true }).toString()).toBe('-0.01');
  });

  it('rejects amounts beyond NUMERIC(18,2)', () => {
    expect(Money.parse('9999999999999999.99').toString()).toBe('9999999999999999.99');
    expect(domainError(() => Money.parse('10000000000000000', 'price')).code).toBe('OUT_OF_RANGE');
  });

  it('applies min and max', () => {
    expect(domainError(() => Money.parse('0.00', 'price', { min: '0.01' })).code).toBe('OUT_OF_RANGE');
    expect(domainError(() => Money.parse('5.01', 'price', { max: '5' })).code).toBe('OUT_OF_RANGE');
  });
});

describe('Money never accepts a JS number', () => {
  it('in parse, of and multiply', () => {
    expect(domainError(() => Money.parse(1250)).code).toBe('INVALID_DECIMAL');
    expect(domainError(() => Money.of(1250 as unknown as string)).code).toBe('INVALID_DECIMAL');
    expect(domainError(() => Money.parse('1').multiply(2 as unknown as Decimal)).code).toBe('INVALID_DECIMAL');
  });

  it('for any number at all, including integers and NaN', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.constant(Number.NaN)), (n) => {
        expect(() => Money.parse(n)).toThrow(DomainError);
        expect(() => Money.of(n as unknown as string)).toThrow(DomainError);
      }),
    );
  });
});

describe('Money.of', () => {
  it('accepts a Decimal with at most 2 places, from any decimal.js constructor', () => {
    expect(Money.of(new Decimal('12.3')).toString()).toBe('12.30');
    expect(Money.of(new BaseDecimal('12.34')).toString()).toBe('12.34');
  });

  it('rejects a Decimal with more than 2 places instead of rounding silently', () => {
    expect(domainError(() => Money.of(new Decimal('1.005'))).code).toBe('TOO_MANY_DECIMAL_PLACES');
  });

  it('rejects a non-finite Decimal', () => {
    expect(domainError(() => Money.of(new Decimal('NaN'))).code).toBe('INVALID_DECIMAL');
    expect(domainError(() => Money.of(new Decimal('Infinity'))).code).toBe('INVALID_DECIMAL');
  });

  it('rejects a string in exponent notation', () => {
    expect(domainError(() => Money.of('1e3')).code).toBe('INVALID_DECIMAL');
  });

  it('normalises negative zero to zero', () => {
    const m = Money.of(new Decimal('-0'));
    expect(m.toString()).toBe('0.00');
    expect(m.isNegative()).toBe(false);
  });
});

describe('Money arithmetic', () => {
  it('0.1 + 0.2 === 0.3 exactly', () => {
    expect(Money.parse('0.1').add(Money.parse('0.2')).eq(Money.parse('0.3'))).toBe(true);
    expect(Money.parse('0.1').add(Money.parse('0.2')).toString()).toBe('0.30');
  });

  it('sums are exact for any list of amounts', () => {
    fc.assert(
      fc.property(fc.array(fenArb, { maxLength: 50 }), (fens) => {
        const total = Money.sum(fens.map((f) => Money.fromFen(f)));
        expect(total.toFen()).toBe(fens.reduce((a, b) => a + b, 0n));
      }),
    );
  });

  it('the sum of an empty list is zero', () => {
    expect(Money.sum([]).toString()).toBe('0.00');
  });

  it('subtract undoes add', () => {
    fc.assert(
      fc.property(fenArb, fenArb, (a, b) => {
        const x = Money.fromFen(a);
        const y = Money.fromFen(b);
        expect(x.add(y).subtract(y).eq(x)).toBe(true);
      }),
    );
  });

  it('is immutable: operations return new values and leave the operands unchanged', () => {
    const a = Money.parse('100.00');
    const b = a.add(Money.parse('1.00'));
    expect(a.toString()).toBe('100.00');
    expect(b.toString()).toBe('101.00');
    expect(Object.isFrozen(a)).toBe(true);
  });

  it('negate and abs', () => {
    expect(Money.parse('1.50').negate().toString()).toBe('-1.50');
    expect(Money.of('-1.50').abs().toString()).toBe('1.50');
    expect(Money.zero().negate().toString()).toBe('0.00');
  });
});

describe('Money.multiply rounds the product ROUND_HALF_UP to the fen', () => {
  it.each([
    ['100.00', '0.3333', '33.33'],
    ['0.05', '0.5', '0.03'],
    ['-0.05', '0.5', '-0.03'],
    ['0.01', '0.4999', '0.00'],
    ['12500000.00', '0.2', '2500000.00'],
    ['1.00', '2.5', '2.50'],
  ])('%s × %s = %s', (amount, factor, expected) => {
    expect(Money.of(amount).multiply(new Decimal(factor)).toString()).toBe(expected);
  });

  it('accepts a Ratio, e.g. a 20% deposit', () => {
    expect(Money.parse('12500000.00').multiply(Ratio.fromPercentString('20')).toString()).toBe('2500000.00');
  });
});

describe('Money.allocate and Money.split', () => {
  it('split(3) of 100.00 gives 33.34, 33.33, 33.33 (the extra fen goes to the first part)', () => {
    expect(
      Money.parse('100.00')
        .split(3)
        .map((m) => m.toString()),
    ).toEqual(['33.34', '33.33', '33.33']);
  });

  it('split of a negative amount mirrors the positive one', () => {
    expect(
      Money.of('-100.00')
        .split(3)
        .map((m) => m.toString()),
    ).toEqual(['-33.34', '-33.33', '-33.33']);
  });

  it('split parts always add back exactly to the total and differ by at most 1 fen', () => {
    fc.assert(
      fc.property(fenArb, fc.integer({ min: 1, max: 200 }), (fen, n) => {
        const total = Money.fromFen(fen);
        const parts = total.split(n);
        expect(parts).toHaveLength(n);
        expect(Money.sum(parts).eq(total)).toBe(true);
        const fens = parts.map((p) => p.toFen());
        const max = fens.reduce((a, b) => (a > b ? a : b));
        const min = fens.reduce((a, b) => (a < b ? a : b));
        expect(max - min <= 1n).toBe(true);
      }),
    );
  });

  it('allocate by ratios 0.5/0.3/0.2', () => {
    const parts = Money.parse('100.01').allocate([Ratio.of('0.5'), Ratio.of('0.3'), Ratio.of('0.2')]);
    expect(parts.map((p) => p.toString())).toEqual(['50.01', '30.00', '20.00']);
  });

  it('allocate by three equal thirds (0.3333 each) still adds up', () => {
    const third = Ratio.of('0.3333');
    const parts = Money.parse('0.10').allocate([third, third, third]);
    expect(parts.map((p) => p.toString())).toEqual(['0.04', '0.03', '0.03']);
  });

  it('allocate parts always add back exactly and stay within 1 fen of the exact share', () => {
    fc.assert(
      fc.property(
        fenArb,
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: 4 }),
        (fen, rawWeights, places) => {
          fc.pre(rawWeights.some((w) => w > 0n));
          // weights with `places` decimals: 123456 with places 2 → 1234.56
          const weights = rawWeights.map((w) => new Decimal(w.toString()).div(new Decimal('10').pow(places)));
          const total = Money.fromFen(fen);
          const parts = total.allocate(weights);
          expect(Money.sum(parts).eq(total)).toBe(true);
          const sumW = rawWeights.reduce((a, b) => a + b, 0n);
          parts.forEach((part, i) => {
            // |part × Σw − total × wᵢ| < Σw, all in fen
            const diff = part.toFen() * sumW - fen * rawWeights[i];
            expect((diff < 0n ? -diff : diff) < sumW).toBe(true);
          });
        },
      ),
    );
  });

  it('allocate is deterministic: the same input gives the same parts', () => {
    fc.assert(
      fc.property(fenArb, fc.array(fc.bigInt({ min: 1n, max: 1000n }), { minLength: 1, maxLength: 10 }), (fen, ws) => {
        const weights = ws.map((w) => new Decimal(w.toString()));
        const a = Money.fromFen(fen).allocate(weights).map(String);
        const b = Money.fromFen(fen).allocate(weights).map(String);
        expect(a).toEqual(b);
      }),
    );
  });

  it('accepts Money amounts as weights (e.g. pro rata to deposits)', () => {
    const parts = Money.parse('10.00').allocate([Money.parse('300.00'), Money.parse('100.00')]);
    expect(parts.map(String)).toEqual(['7.50', '2.50']);
  });

  it('gives a zero-weight part nothing', () => {
    const parts = Money.parse('1.00').allocate([new Decimal('0'), new Decimal('1')]);
    expect(parts.map(String)).toEqual(['0.00', '1.00']);
  });

  it.each([
    ['an empty list', []],
    ['all-zero weights', [new Decimal('0'), new Decimal('0')]],
    ['a negative weight', [new Decimal('-1'), new Decimal('2')]],
  ])('rejects %s with INVALID_ALLOCATION', (_label, weights) => {
    expect(domainError(() => Money.parse('1.00').allocate(weights)).code).toBe('INVALID_ALLOCATION');
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects split(%s)', (n) => {
    expect(domainError(() => Money.parse('1.00').split(n)).code).toBe('INVALID_ALLOCATION');
  });
});

describe('Money comparisons', () => {
  const small = Money.parse('99.99');
  const big = Money.parse('100.00');

  it('eq, lt, lte, gt, gte compare values numerically (not as strings)', () => {
    expect(Money.parse('100').eq(Money.parse('100.00'))).toBe(true);
    expect(small.lt(big)).toBe(true);
    expect(small.lte(big)).toBe(true);
    expect(big.lte(big)).toBe(true);
    expect(big.gt(small)).toBe(true);
    expect(big.gte(big)).toBe(true);
    expect(Money.parse('9.00').lt(Money.parse('10.00'))).toBe(true);
  });

  it('compare sorts amounts', () => {
    const sorted = ['10.00', '9.00', '100.00', '0.01'].map((s) => Money.parse(s)).sort((a, b) => a.compare(b));
    expect(sorted.map(String)).toEqual(['0.01', '9.00', '10.00', '100.00']);
  });

  it('isZero, isNegative, isPositive', () => {
    expect(Money.zero().isZero()).toBe(true);
    expect(Money.zero().isNegative()).toBe(false);
    expect(Money.zero().isPositive()).toBe(false);
    expect(Money.of('-0.01').isNegative()).toBe(true);
    expect(Money.of('0.01').isPositive()).toBe(true);
  });
});

describe('Money formatting', () => {
  it.each([
    ['12500000.00', '12,500,000.00元'],
    ['0.00', '0.00元'],
    ['999.5', '999.50元'],
    ['-1234.56', '-1,234.56元'],
  ])('formatYuan: %s → %s', (amount, expected) => {
    expect(Money.of(amount).formatYuan()).toBe(expected);
  });

  it.each([
    ['12500000.00', 4, '1250.0000万元'],
    ['12500000.00', 2, '1250.00万元'],
    ['12345.67', 4, '1.2346万元'],
    ['12350.00', 2, '1.24万元'],
    ['12349.99', 2, '1.23万元'],
    ['-12350.00', 2, '-1.24万元'],
    ['0.49', 4, '0.0000万元'],
  ])('formatWanYuan rounds ROUND_HALF_UP: %s to %i places → %s', (amount, places, expected) => {
    expect(Money.of(amount).formatWanYuan(places)).toBe(expected);
  });

  it('formatWanYuan defaults to 4 places', () => {
    expect(Money.of('12500000.00').formatWanYuan()).toBe('1250.0000万元');
  });
});
