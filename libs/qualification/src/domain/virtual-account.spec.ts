import fc from 'fast-check';
import { DomainError } from '@app/common/domain-error';
import {
  generateSubAccount,
  isLuhnValid,
  isValidSubAccount,
  luhnCheckDigit,
  randomDigits,
  subAccountReusable,
  type RandomBytes,
} from './virtual-account';

const DAY = 86_400_000;

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

/** Returns the given bytes, then zeros. */
function fixedBytes(bytes: readonly number[]): RandomBytes {
  let used = false;
  return (size) => {
    const out = new Uint8Array(size);
    if (!used) out.set(bytes.slice(0, size));
    used = true;
    return out;
  };
}

describe('luhnCheckDigit', () => {
  it('gives 3 for 7992739871 (the textbook Luhn example 79927398713)', () => {
    expect(luhnCheckDigit('7992739871')).toBe('3');
    expect(isLuhnValid('79927398713')).toBe(true);
    expect(isLuhnValid('79927398710')).toBe(false);
  });

  it('gives 0 when the doubled sum is already a multiple of 10', () => {
    expect(luhnCheckDigit('0')).toBe('0');
    expect(luhnCheckDigit('5')).toBe('9'); // 5×2 = 10 → 1; 10 − 1 = 9
  });

  it('refuses non-digits', () => {
    expect(errorOf(() => luhnCheckDigit('12a4')).code).toBe('SUB_ACCOUNT_FORMAT');
  });

  it('catches every single-digit error', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{13,20}$/), fc.nat(), fc.integer({ min: 1, max: 9 }), (payload, at, delta) => {
        const valid = payload + luhnCheckDigit(payload);
        const i = at % valid.length;
        const typo = `${valid.slice(0, i)}${(Number(valid[i]) + delta) % 10}${valid.slice(i + 1)}`;
        expect(isLuhnValid(typo)).toBe(false);
      }),
    );
  });
});

describe('generateSubAccount', () => {
  it('is the prefix, 11 random digits and a Luhn check digit', () => {
    // bytes 0..10 give digits 0..9,0; 250–255 are skipped (they would bias the digits)
    const account = generateSubAccount('350102', fixedBytes([1, 2, 250, 3, 255, 4, 5, 6, 7, 8, 9, 10, 11]));
    expect(account).toBe(`35010212345678901${luhnCheckDigit('35010212345678901')}`);
    expect(account).toHaveLength(18);
    expect(isValidSubAccount(account, '350102')).toBe(true);
  });

  it('uses a cryptographic source by default and gives different numbers each time', () => {
    const numbers = new Set(Array.from({ length: 50 }, () => generateSubAccount('350102')));
    expect(numbers.size).toBe(50);
    for (const n of numbers) expect(isValidSubAccount(n, '350102')).toBe(true);
  });

  it('is not sequential: digits are uniform (each of 0–9 appears about 10% of the time)', () => {
    const digits = randomDigits(20_000);
    const counts = Array.from({ length: 10 }, (_, d) => digits.split('').filter((c) => c === String(d)).length);
    for (const c of counts) expect(Math.abs(c - 2000)).toBeLessThan(300);
  });

  it('refuses a prefix that is not 1–16 digits', () => {
    for (const prefix of ['', '35O102', '12345678901234567', ' 350102']) {
      expect(errorOf(() => generateSubAccount(prefix)).code).toBe('SUB_ACCOUNT_PREFIX_INVALID');
    }
  });

  it('refuses to issue a number from a broken random source instead of a predictable one', () => {
    expect(() => generateSubAccount('350102', (size) => new Uint8Array(size).fill(255))).toThrow(/random source/);
    expect(() => generateSubAccount('350102', () => new Uint8Array(0))).toThrow(/random source/);
  });
});

describe('isValidSubAccount', () => {
  const valid = `35010212345678901${luhnCheckDigit('35010212345678901')}`;

  it('accepts a generated number with or without its prefix', () => {
    expect(isValidSubAccount(valid)).toBe(true);
    expect(isValidSubAccount(valid, '350102')).toBe(true);
  });

  it('refuses a wrong check digit, non-digits, a wrong prefix or length, and non-strings', () => {
    const wrongCheck = valid.slice(0, -1) + String((Number(valid.slice(-1)) + 1) % 10);
    expect(isValidSubAccount(wrongCheck)).toBe(false);
    expect(isValidSubAccount(`${valid.slice(0, -2)}X${valid.slice(-1)}`)).toBe(false);
    expect(isValidSubAccount(valid, '350103')).toBe(false);
    expect(isValidSubAccount(valid, '35010')).toBe(false);
    expect(isValidSubAccount('79927398713')).toBe(false); // too short: 11 digits
    expect(isValidSubAccount(Number(valid))).toBe(false);
    expect(isValidSubAccount(undefined)).toBe(false);
  });
});

describe('subAccountReusable: never reused within half a year', () => {
  const issued = new Date('2025-04-01T02:00:00Z');

  it('is not reusable a moment before 183 days have passed, and is exactly at 183 days', () => {
    expect(subAccountReusable(issued, new Date(issued.getTime() + 183 * DAY - 1))).toBe(false);
    expect(subAccountReusable(issued, new Date(issued.getTime() + 183 * DAY))).toBe(true);
    expect(subAccountReusable(issued, new Date(issued.getTime() + 400 * DAY))).toBe(true);
  });

  it('is never reusable before it was issued (clock trouble)', () => {
    expect(subAccountReusable(issued, new Date(issued.getTime() - DAY), 0)).toBe(false);
  });

  it('takes the period as an argument', () => {
    expect(subAccountReusable(issued, new Date(issued.getTime() + 184 * DAY - 1), 184)).toBe(false);
    expect(subAccountReusable(issued, issued, 0)).toBe(true);
  });

  it('refuses a negative or fractional period and invalid dates', () => {
    expect(errorOf(() => subAccountReusable(issued, issued, -1)).code).toBe('INVALID_SETTING_VALUE');
    expect(errorOf(() => subAccountReusable(issued, issued, 1.5)).code).toBe('INVALID_SETTING_VALUE');
    expect(() => subAccountReusable(new Date('nope'), issued)).toThrow(RangeError);
  });
});
