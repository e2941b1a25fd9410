import fc from 'fast-check';
import { DomainError } from '@app/common/domain-error';
import { drawBidderNumber, formatBidderNumber, isBidderNumber, secureRandomInt } from './bidder-number';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const first = (): number => 0;
const last = (max: number): number => max - 1;

describe('drawBidderNumber', () => {
  it('is zero-padded to 3 digits by default: "001" … "999"', () => {
    expect(drawBidderNumber(new Set(), first)).toBe('001');
    expect(drawBidderNumber(new Set(), last)).toBe('999');
    expect(drawBidderNumber(new Set(), () => 36)).toBe('037');
  });

  it('never issues the all-zero number', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 999; i++) seen.add(drawBidderNumber(new Set(), () => i));
    expect(seen.size).toBe(999);
    expect(seen.has('000')).toBe(false);
  });

  it('never returns a number already taken in the lot', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { maxLength: 98 }), fc.nat(), (takenNumbers, seed) => {
        const taken = new Set(takenNumbers.map((n) => formatBidderNumber(n, 2)));
        const n = drawBidderNumber(taken, (max) => seed % max, 2);
        expect(taken.has(n)).toBe(false);
        expect(isBidderNumber(n, 2)).toBe(true);
      }),
    );
  });

  it('chooses among the free numbers only: random(n) is asked for n = the count of free numbers', () => {
    const asked: number[] = [];
    const taken = new Set(['001', '002', '500']);
    expect(
      drawBidderNumber(taken, (max) => {
        asked.push(max);
        return 0;
      }),
    ).toBe('003');
    expect(asked).toEqual([996]);
    expect(drawBidderNumber(taken, (max) => max - 1)).toBe('999');
    expect(drawBidderNumber(taken, () => 496)).toBe('499'); // 003…499 are picks 0…496
    expect(drawBidderNumber(taken, () => 497)).toBe('501'); // 500 is taken
  });

  it('is not sequential: with a real random source, consecutive draws are not in order', () => {
    const taken = new Set<string>();
    const drawn: string[] = [];
    for (let i = 0; i < 20; i++) {
      const n = drawBidderNumber(taken, secureRandomInt);
      taken.add(n);
      drawn.push(n);
    }
    expect(new Set(drawn).size).toBe(20);
    expect([...drawn].sort()).not.toEqual(drawn);
  });

  it('gives out the very last free number, then throws BIDDER_NUMBERS_EXHAUSTED', () => {
    const taken = new Set(Array.from({ length: 8 }, (_, i) => formatBidderNumber(i + 1, 1)));
    expect(drawBidderNumber(taken, first, 1)).toBe('9');
    taken.add('9');
    const e = errorOf(() => drawBidderNumber(taken, first, 1));
    expect(e).toMatchObject({ code: 'BIDDER_NUMBERS_EXHAUSTED', details: { digits: 1, taken: 9 } });
  });

  it('ignores entries of taken that are not numbers of the width', () => {
    expect(drawBidderNumber(new Set(['1', '01', 'abc', '000']), first)).toBe('001');
  });

  it('refuses a random source returning something outside [0, n)', () => {
    expect(() => drawBidderNumber(new Set(), (max) => max)).toThrow(RangeError);
    expect(() => drawBidderNumber(new Set(), () => -1)).toThrow(RangeError);
    expect(() => drawBidderNumber(new Set(), () => 0.5)).toThrow(RangeError);
  });

  it('refuses a width outside 1–6 digits', () => {
    expect(errorOf(() => drawBidderNumber(new Set(), first, 0)).code).toBe('INVALID_SETTING_VALUE');
    expect(errorOf(() => drawBidderNumber(new Set(), first, 7)).code).toBe('INVALID_SETTING_VALUE');
  });

  it('draws uniformly among free numbers', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 9000; i++) {
      const n = drawBidderNumber(new Set(['5']), secureRandomInt, 1);
      counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(['1', '2', '3', '4', '6', '7', '8', '9']);
    for (const c of counts.values()) expect(Math.abs(c - 1125)).toBeLessThan(200);
  });
});

describe('isBidderNumber', () => {
  it('accepts zero-padded numbers of the width except all zeros', () => {
    expect(isBidderNumber('037')).toBe(true);
    expect(isBidderNumber('37')).toBe(false);
    expect(isBidderNumber('000')).toBe(false);
    expect(isBidderNumber(37)).toBe(false);
  });
});
