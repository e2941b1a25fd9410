import { randomBytes } from 'node:crypto';
import { isPaddedBase64 } from './base64';

describe('isPaddedBase64', () => {
  it('accepts what Buffer encodes, for every length of the last group', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 64, 1000]) {
      expect(isPaddedBase64(randomBytes(length).toString('base64'))).toBe(true);
    }
  });

  it('refuses a wrong length, misplaced padding, URL-safe letters, spaces and non-strings', () => {
    for (const bad of ['abc', 'a=bc', 'ab=c', 'a===', '=abc', 'ab==cd==', 'ab-_', 'ab c', 'abcd\n', 'Zm9v４', 42, null, undefined, ['Zm9v']]) {
      expect({ bad, ok: isPaddedBase64(bad) }).toEqual({ bad, ok: false });
    }
  });

  it('checks a 30 MB upload without overflowing any stack (validator.js’s pattern threw a RangeError on a few MB)', () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(22 * 1024 * 1024, 7)]).toString('base64');
    expect(big.length).toBeGreaterThan(29 * 1024 * 1024);
    expect(isPaddedBase64(big)).toBe(true);
    expect(isPaddedBase64(`${big.slice(0, -4)}A=A=`)).toBe(false);
  });
});
