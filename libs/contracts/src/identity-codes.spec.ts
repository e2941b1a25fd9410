import { residentIdHint, usccHint } from './identity-codes';

describe('typing hints of the identity codes', () => {
  it('a credit code: typing, a forbidden letter by position, the wrong check character with the right one, valid', () => {
    expect(usccHint('9137078')).toEqual({ state: 'typing', length: 7 });
    expect(usccHint('91350100M0001O0Y4')).toEqual({ state: 'bad_character', position: 14, character: 'O' });
    expect(usccHint('91350100M000100Y43')).toEqual({ state: 'valid' });
    expect(usccHint('91350100M000100Y44')).toEqual({ state: 'wrong_check', expected: '3', actual: '4' });
    // Full-width characters from a Chinese input method read as their ASCII twins.
    expect(usccHint('９１３５０１００M000100Y43')).toEqual({ state: 'valid' });
    expect(usccHint('91350100M000100Y431')).toEqual({ state: 'too_long', length: 19 });
  });

  it('a resident ID: digits, then a digit or X last', () => {
    expect(residentIdHint('11010519491231002X')).toEqual({ state: 'valid' });
    expect(residentIdHint('11010519491231002x')).toEqual({ state: 'valid' });
    expect(residentIdHint('110105194912310021')).toEqual({ state: 'wrong_check', expected: 'X', actual: '1' });
    expect(residentIdHint('1101X5')).toEqual({ state: 'bad_character', position: 5, character: 'X' });
    expect(residentIdHint('1101')).toEqual({ state: 'typing', length: 4 });
  });
});
