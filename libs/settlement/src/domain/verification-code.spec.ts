import fc from 'fast-check';
import { DomainError } from '@app/common/domain-error';
import {
  CROCKFORD_ALPHABET,
  crockfordBase32,
  formatVerificationCode,
  generateVerificationCode,
  normalizeVerificationCode,
  verificationUrl,
} from './verification-code';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('verification codes', () => {
  it('a code is 16 Crockford base32 characters from 80 random bits', () => {
    let asked = 0;
    const code = generateVerificationCode((n) => {
      asked = n;
      return new Uint8Array(n).fill(0xff);
    });
    expect(asked).toBe(10);
    expect(code).toBe('ZZZZZZZZZZZZZZZZ');
    expect(generateVerificationCode((n) => new Uint8Array(n))).toBe('0000000000000000');
    expect(generateVerificationCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
  });

  it('encodes bytes most significant bit first (RFC 4648 test vector in the Crockford alphabet)', () => {
    // "foobar" is MZXW6YTBOI in RFC 4648 base32; mapped to Crockford digits it is CSQPYRK1E8
    expect(crockfordBase32(Buffer.from('foobar'))).toBe('CSQPYRK1E8');
    expect(CROCKFORD_ALPHABET).toHaveLength(32);
  });

  it('two generated codes differ', () => {
    const codes = new Set(Array.from({ length: 200 }, () => generateVerificationCode()));
    expect(codes.size).toBe(200);
  });

  it('reading a typed code ignores case, hyphens and spaces, and reads I/L as 1 and O as 0', () => {
    expect(normalizeVerificationCode('7k3m-9qx2 b4tr-owzd')).toBe('7K3M9QX2B4TR0WZD');
    expect(normalizeVerificationCode('ilo0-0000-0000-0000')).toBe('1100000000000000');
  });

  it('a code with U, another length or not text is refused', () => {
    expect(codeOf(() => normalizeVerificationCode('7K3M9QX2B4TR0WZU'))).toBe('INVALID_VERIFICATION_CODE');
    expect(codeOf(() => normalizeVerificationCode('7K3M9QX2B4TR0WZ'))).toBe('INVALID_VERIFICATION_CODE');
    expect(codeOf(() => normalizeVerificationCode(12345))).toBe('INVALID_VERIFICATION_CODE');
  });

  it('every generated code survives formatting and reading back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 10 }), (bytes) => {
        const code = generateVerificationCode(() => bytes);
        const printed = formatVerificationCode(code);
        expect(printed).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
        expect(normalizeVerificationCode(printed.toLowerCase())).toBe(code);
      }),
    );
  });

  it('the verification URL is the base URL followed by the canonical code', () => {
    expect(verificationUrl('https://tdjy.example.gov.cn/verify', '7k3m-9qx2-b4tr-0wzd')).toBe(
      'https://tdjy.example.gov.cn/verify/7K3M9QX2B4TR0WZD',
    );
    expect(verificationUrl('https://tdjy.example.gov.cn/verify/', '7K3M9QX2B4TR0WZD')).toBe(
      'https://tdjy.example.gov.cn/verify/7K3M9QX2B4TR0WZD',
    );
    expect(codeOf(() => verificationUrl('ftp://x/verify', '7K3M9QX2B4TR0WZD'))).toBe('INVALID_VERIFICATION_URL');
    expect(codeOf(() => verificationUrl('not a url', '7K3M9QX2B4TR0WZD'))).toBe('INVALID_VERIFICATION_URL');
    expect(codeOf(() => verificationUrl('https://x/verify?a=1', '7K3M9QX2B4TR0WZD'))).toBe('INVALID_VERIFICATION_URL');
  });
});
