import { describe, expect, it } from 'vitest';
import { addSteps, compareMoney, formatWanAmount, formatYuanAmount, parseMoneyInput, toChineseCapital } from './money';

describe('money in the browser', () => {
  it('formats yuan with separators and 万元 exactly to the fen, trailing zeros dropped', () => {
    expect(formatYuanAmount('13900000.00')).toBe('13,900,000.00');
    expect(formatWanAmount('13900000.00')).toBe('1,390');
    expect(formatWanAmount('13950050.00')).toBe('1,395.005');
    expect(formatWanAmount('0.01')).toBe('0.000001');
    expect(formatWanAmount('13950050.37')).toBe('1,395.005037');
  });

  it('spells amounts in 大写 with the server’s own rules', () => {
    expect(toChineseCapital('13900000.00')).toBe('壹仟叁佰玖拾万元整');
    expect(toChineseCapital('1002.05')).toBe('壹仟零贰元零伍分');
  });

  it('parses typed amounts strictly, accepting thousands separators people type', () => {
    expect(parseMoneyInput('13,900,000')).toEqual({ ok: true, value: '13900000.00' });
    expect(parseMoneyInput('13900000.5')).toEqual({ ok: true, value: '13900000.50' });
    expect(parseMoneyInput('1.005')).toMatchObject({ ok: false, code: 'TOO_MANY_DECIMAL_PLACES' });
    expect(parseMoneyInput('1e7')).toMatchObject({ ok: false, code: 'INVALID_DECIMAL' });
    expect(parseMoneyInput('-5')).toMatchObject({ ok: false, code: 'NEGATIVE_NOT_ALLOWED' });
    expect(parseMoneyInput('')).toMatchObject({ ok: false, code: 'REQUIRED' });
  });

  it('adds increments exactly, where floating point would drift', () => {
    expect(addSteps('0.10', '0.20', 1)).toBe('0.30');
    expect(addSteps('9999999999999990.00', '0.01', 3)).toBe('9999999999999990.03');
    expect(compareMoney('10000000.00', '9999999.99')).toBe(1);
  });
});

describe('areas in the browser', () => {
  it('groups thousands and keeps the decimals as sent', async () => {
    const { formatArea } = await import('./money');
    expect(formatArea('17800.00')).toBe('17,800.00');
  });
});
