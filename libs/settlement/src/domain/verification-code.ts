import { randomBytes } from 'node:crypto';
import { DomainError } from '@app/common/domain-error';

/**
 * Verification codes printed on a confirmation (成交确认书) so that anyone can check it online.
 *
 * A code is 16 characters of Crockford base32 (0-9 and A-Z without I, L, O, U): 80 bits from the
 * crypto random generator (10 bytes, 5 bits a character). It is printed in groups of four
 * ("7K3M-9QX2-B4TR-0WZD"); {@link normalizeVerificationCode} reads what a person types back: case,
 * hyphens and spaces do not matter, and I/L read as 1, O as 0 (Crockford's decoding rules).
 */

export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const VERIFICATION_CODE_LENGTH = 16;
const CODE_BYTES = 10; // 16 × 5 bits = 80 bits

const CANONICAL = /^[0-9A-HJKMNP-TV-Z]{16}$/;

/** A source of random bytes (crypto's `randomBytes` by default; tests pass their own). */
export type RandomSource = (size: number) => Uint8Array;

/** Encodes bytes as Crockford base32, most significant bit first (no padding, no check symbol). */
export function crockfordBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD_ALPHABET[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += CROCKFORD_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** A new 16-character code (canonical form, no hyphens) from 80 random bits. */
export function generateVerificationCode(random: RandomSource = randomBytes): string {
  const bytes = random(CODE_BYTES);
  if (bytes.length !== CODE_BYTES) throw new RangeError(`the random source returned ${bytes.length} bytes, expected ${CODE_BYTES}`);
  return crockfordBase32(bytes);
}

/**
 * The canonical code for what someone typed ("7k3m-9qx2 b4tr-owzd" → "7K3M9QX2B4TR0WZD"), or a
 * `DomainError('INVALID_VERIFICATION_CODE', …, 'code')` when it cannot be one.
 */
export function normalizeVerificationCode(input: unknown): string {
  if (typeof input !== 'string') {
    throw new DomainError('INVALID_VERIFICATION_CODE', 'the verification code must be text', 'code');
  }
  const code = input.replace(/[\s-]/g, '').toUpperCase().replace(/[IL]/g, '1').replace(/O/g, '0');
  if (!CANONICAL.test(code)) {
    throw new DomainError(
      'INVALID_VERIFICATION_CODE',
      `the verification code must be ${VERIFICATION_CODE_LENGTH} characters of 0-9 and A-Z (no U), like "7K3M-9QX2-B4TR-0WZD"`,
      'code',
    );
  }
  return code;
}

/** "7K3M9QX2B4TR0WZD" → "7K3M-9QX2-B4TR-0WZD" (as printed). */
export function formatVerificationCode(code: string): string {
  const canonical = normalizeVerificationCode(code);
  return (canonical.match(/.{4}/g) ?? []).join('-');
}

/**
 * The public verification address of a code: `baseUrl` (http or https) followed by the canonical code
 * as the last path segment, e.g. "https://tdjy.example.gov.cn/verify/7K3M9QX2B4TR0WZD".
 */
export function verificationUrl(baseUrl: string, code: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new DomainError('INVALID_VERIFICATION_URL', `the verification base URL "${baseUrl}" is not a URL`, 'baseUrl');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new DomainError('INVALID_VERIFICATION_URL', 'the verification base URL must be http or https', 'baseUrl');
  }
  if (url.search !== '' || url.hash !== '') {
    throw new DomainError('INVALID_VERIFICATION_URL', 'the verification base URL must not have a query or a fragment', 'baseUrl');
  }
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return `${url.origin}${path}${normalizeVerificationCode(code)}`;
}
