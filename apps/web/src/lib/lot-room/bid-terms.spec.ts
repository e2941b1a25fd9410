import { describe, expect, it } from 'vitest';
import { addAreaSteps, addShareStepsAsPercent, checkPrice, formatShare, incrementInWan, parseAreaInput, parseShareInput, readBidTerms, type PriceContext } from './bid-terms';

const whole: PriceContext = { current: '10000000.00', minimum: '10500000.00', increment: '500000.00', policy: 'whole_multiple', maxJumpIncrements: 5, cap: null };

describe('bid terms', () => {
  it('reads the increment policy, the largest jump, the warning marks and the cap steps from a lot’s terms', () => {
    const terms = readBidTerms({
      incrementPolicy: 'whole_multiple',
      maxJumpIncrements: 5,
      timedFinalRound: { enabled: true, warningSeconds: [60, 30, 10] },
      capRule: { mode: 'build_in_area', startArea: '0.00', areaStep: '100.00' },
    });
    expect(terms).toEqual({ policy: 'whole_multiple', maxJumpIncrements: 5, warningSeconds: [60, 30, 10], areaStep: '100.00', shareStep: null });
  });

  it('falls back to the common defaults when the terms say nothing (or are not there yet)', () => {
    expect(readBidTerms(undefined, [30, 10])).toEqual({ policy: 'at_least_one', maxJumpIncrements: null, warningSeconds: [30, 10], areaStep: null, shareStep: null });
    expect(readBidTerms({ maxJumpIncrements: '5', warningSeconds: ['x', -1, 20] }).warningSeconds).toEqual([20]);
  });

  it('checks a price as the server would: the minimum, whole increments, the largest jump, the cap', () => {
    expect(checkPrice('10500000.00', whole)).toBeNull();
    expect(checkPrice('12500000.00', whole)).toBeNull();
    expect(checkPrice('10000000.00', whole)).toBe('PRICE_TOO_LOW');
    expect(checkPrice('10600000.00', whole)).toBe('NOT_MULTIPLE_OF_INCREMENT');
    expect(checkPrice('13000000.00', whole)).toBe('JUMP_TOO_LARGE');
    expect(checkPrice('10600000.00', { ...whole, policy: 'at_least_one' })).toBeNull();
    expect(checkPrice('11000000.00', { ...whole, cap: '10500000.00' })).toBe('ABOVE_CAP');
    // Before the first bid the grid starts at the start price (the minimum).
    expect(checkPrice('10000000.00', { ...whole, current: null, minimum: '10000000.00' })).toBeNull();
    expect(checkPrice('10250000.00', { ...whole, current: null, minimum: '10000000.00' })).toBe('NOT_MULTIPLE_OF_INCREMENT');
  });

  it('says the increment in 万元 and parses areas and shares exactly', () => {
    expect(incrementInWan('500000.00')).toBe('50');
    expect(incrementInWan('200000.00')).toBe('20');
    expect(parseAreaInput('1,200.5 ㎡')).toEqual({ ok: true, value: '1200.50' });
    expect(parseAreaInput('12.345')).toMatchObject({ ok: false });
    expect(parseShareInput('15.5%')).toEqual({ ok: true, value: '0.1550' });
    expect(formatShare('0.1550')).toBe('15.50%');
    expect(addAreaSteps('1200.00', '100.00', 2)).toBe('1400.00');
    expect(addShareStepsAsPercent('0.1500', '0.0100', 1)).toBe('16.00');
  });
});
