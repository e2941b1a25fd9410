import { describe, expect, it } from 'vitest';
import { hintOf } from './identity-code-hint';

describe('the hint of a joint-bid partner’s code (credit code or resident ID)', () => {
  it('accepts a credit code made of digits only, which is not a resident ID', () => {
    expect(hintOf('either', '913707831005151512')).toEqual({ state: 'valid' });
    expect(hintOf('residentId', '913707831005151512')).toMatchObject({ state: 'wrong_check' });
  });

  it('accepts a resident ID and a lettered credit code', () => {
    expect(hintOf('either', '11010519491231002X')).toEqual({ state: 'valid' });
    expect(hintOf('either', '91370783MA3C5X2Q14')).toEqual({ state: 'valid' });
  });

  it('explains the likelier kind when neither check passes', () => {
    expect(hintOf('either', '110105194912310021')).toEqual({ state: 'wrong_check', expected: 'X', actual: '1' });
    expect(hintOf('either', '91370783MA3C5X2Q15')).toEqual({ state: 'wrong_check', expected: '4', actual: '5' });
    expect(hintOf('either', '')).toBeNull();
  });
});
