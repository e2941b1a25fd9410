import { describe, expect, it } from 'vitest';
import { sumByDistrict, toPercent, toWan } from './statistics';

const row = (period: string, district: string, sold: number, revenue: string, rate: string | null, soldArea = '0.00') => ({
  period,
  district,
  offered: sold + 1,
  sold,
  unsold: 1,
  soldArea,
  revenue,
  averagePremiumRate: rate,
  depositsHeld: '0.00',
});

describe('public statistics groupings', () => {
  it('converts 元 to 万元 and ratios to percentages exactly', () => {
    expect(toWan('123456789.01')).toBe('12345.68');
    expect(toWan('0.10')).toBe('0.00');
    expect(toWan('17800.00')).toBe('1.78');
    expect(toPercent('0.1523')).toBe('15.23');
    expect(toPercent(null)).toBeNull();
  });

  it('sums each district over the months (sold area exactly), weighting the premium rate by lots sold, richest first', () => {
    const out = sumByDistrict([
      row('2026-01', '圣城街道', 1, '10000000.10', '0.1000', '17800.10'),
      row('2026-02', '圣城街道', 3, '30000000.20', '0.2000', '0.20'),
      row('2026-02', '文家街道', 0, '0.00', null),
      row('2026-03', '文家街道', 1, '50000000.00', '0.0500', '19800.00'),
    ]);
    expect(out).toEqual([
      { district: '文家街道', offered: 3, sold: 1, unsold: 2, soldArea: '19800.00', revenue: '50000000.00', depositsHeld: '0.00', averagePremiumRate: '0.0500' },
      { district: '圣城街道', offered: 6, sold: 4, unsold: 2, soldArea: '17800.30', revenue: '40000000.30', depositsHeld: '0.00', averagePremiumRate: '0.1750' },
    ]);
  });
});
