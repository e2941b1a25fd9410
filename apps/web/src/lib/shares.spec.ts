import { describe, expect, it } from 'vitest';
import { isShare, sumShares } from './shares';

describe('joint-bid shares', () => {
  it('takes percentages with at most two places, up to 100', () => {
    expect(['60', '33.34', '100', '100.00', '0.5'].every(isShare)).toBe(true);
    expect(['101', '33.345', '-5', 'abc', ''].some(isShare)).toBe(false);
  });

  it('sums exactly, ignoring what is not a share yet', () => {
    expect(sumShares(['33.33', '33.33', '33.34'])).toBe('100.00');
    expect(sumShares(['0.1', '0.2', undefined, 'x'])).toBe('0.30');
  });
});
