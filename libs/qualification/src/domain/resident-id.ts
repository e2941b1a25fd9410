import { computeResidentIdCheckDigit, normalizeIdentityCode, PROVINCE_CODES, RESIDENT_ID_LENGTH } from '@app/contracts/identity-codes';
import { DomainError } from '@app/common/domain-error';
import { maskMiddle } from './uscc';

/**
 * The citizen identity number (公民身份号码, GB 11643-1999) of a natural person bidder.
 *
 *   370783 19900307 123 X
 *   │      │        │   └ check digit (0–9 or X), ISO 7064 MOD 11-2
 *   │      │        └ sequence code (odd for men, even for women)
 *   │      └ date of birth YYYYMMDD
 *   └ administrative division code of the place of first registration (first two digits: province)
 *
 * Check digit: Σ dᵢ × Wᵢ over the first 17 digits with W = 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, then
 * "10X98765432"[Σ mod 11].
 *
 * Decisions:
 * - Only the 18-character second-generation number is accepted; a 15-digit first-generation number
 *   is `RESIDENT_ID_FORMAT` with a message saying so (it has no check digit and has not been
 *   valid for a decade).
 * - Input is trimmed, NFKC-normalised (full-width digits from a Chinese input method) and a lowercase
 *   "x" is upper-cased.
 * - Checks run in this order and the first failure is reported: format, province, birth date, check
 *   digit — so a mistyped birth year reads "birth date 2099-03-07 is in the future" rather than only
 *   "wrong check digit".
 * - Province codes (first two digits) accepted: 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71 (Taiwan),
 *   81 (Hong Kong), 82 (Macao) — the first-level divisions of GB/T 2260. The remaining four digits are
 *   not checked against GB/T 2260: divisions are renamed and merged, and numbers issued under old codes
 *   stay valid for life.
 * - The birth date must be a real calendar date, not before 1900-01-01 and not after `today` (an
 *   injected ISO date, the caller's Shanghai calendar day, so the rule is testable).
 */

// The check algorithm and the province list live in @app/contracts, shared with the browser's
// registration form; this module adds the server's rules and coded errors.
export { PROVINCE_CODES, RESIDENT_ID_LENGTH, RESIDENT_ID_WEIGHTS } from '@app/contracts/identity-codes';
const EARLIEST_BIRTH_DATE = '1900-01-01';

/** The check digit ('0'–'9' or 'X') of the first 17 digits. Throws `RESIDENT_ID_FORMAT` for anything else. */
export function residentIdCheckDigit(first17: string): string {
  const check = computeResidentIdCheckDigit(first17);
  if (check === null) throw new DomainError('RESIDENT_ID_FORMAT', 'the check digit is computed over 17 digits');
  return check;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

function checkToday(today: string): void {
  const m = ISO_DATE.exec(typeof today === 'string' ? today : '');
  if (m === null || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new RangeError(`today must be an ISO date such as "2025-10-14", got ${String(today)}`);
  }
}

/**
 * The normalised number (trimmed, upper-case X), or a DomainError naming `field`:
 * - `RESIDENT_ID_FORMAT`: not a string, not 18 characters, not 17 digits followed by a digit or X;
 * - `RESIDENT_ID_REGION`: the first two digits are not a province code;
 * - `RESIDENT_ID_BIRTH_DATE`: positions 7–14 are not a real date, or before 1900, or after `today`;
 * - `RESIDENT_ID_CHECK_DIGIT`: the last character is wrong (the message and `details.expected` give
 *   the right one).
 * `today` is an ISO date ("2025-10-14"); a malformed one is a programming error (RangeError).
 */
export function validateResidentId(value: unknown, field: string | undefined = 'idNumber', today: string): string {
  const name = field ?? 'idNumber';
  checkToday(today);
  if (typeof value !== 'string') {
    throw new DomainError('RESIDENT_ID_FORMAT', `${name} must be a string of ${RESIDENT_ID_LENGTH} characters`, name);
  }
  const id = normalizeIdentityCode(value);
  if (/^\d{15}$/.test(id)) {
    throw new DomainError(
      'RESIDENT_ID_FORMAT',
      `${name} is a 15-digit first-generation number; the 18-character number of the current identity card is required`,
      name,
    );
  }
  if (!/^\d{17}[\dX]$/.test(id)) {
    const length = Array.from(id).length;
    const what = length === RESIDENT_ID_LENGTH ? 'got other characters' : `got ${length} characters`;
    throw new DomainError(
      'RESIDENT_ID_FORMAT',
      `${name} must be ${RESIDENT_ID_LENGTH} characters: 17 digits followed by a digit or X; ${what}`,
      name,
      { length },
    );
  }
  const province = id.slice(0, 2);
  if (!PROVINCE_CODES.has(province)) {
    throw new DomainError(
      'RESIDENT_ID_REGION',
      `${name} starts with ${province}, which is not a province code (the first two digits name the province of registration)`,
      name,
      { province },
    );
  }
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isRealDate(year, month, day)) {
    throw new DomainError('RESIDENT_ID_BIRTH_DATE', `${name} contains the birth date ${birth}, which is not a real date`, name, {
      birthDate: birth,
    });
  }
  if (birth < EARLIEST_BIRTH_DATE) {
    throw new DomainError('RESIDENT_ID_BIRTH_DATE', `${name} contains the birth date ${birth}, before 1900`, name, { birthDate: birth });
  }
  if (birth > today) {
    throw new DomainError('RESIDENT_ID_BIRTH_DATE', `${name} contains the birth date ${birth}, which is in the future`, name, {
      birthDate: birth,
    });
  }
  const expected = residentIdCheckDigit(id.slice(0, 17));
  if (id[17] !== expected) {
    throw new DomainError(
      'RESIDENT_ID_CHECK_DIGIT',
      `${name} has a wrong check digit: the last character should be "${expected}", not "${id[17]}" — please check the number for a typo`,
      name,
      { expected, actual: id[17] },
    );
  }
  return id;
}

/** The birth date (ISO) of a number that {@link validateResidentId} accepted. */
export function residentIdBirthDate(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** For display: the first 6 and the last 4 characters, the rest as `*` (`370783********123X`). */
export function maskResidentId(id: string): string {
  return maskMiddle(id, 6, 4);
}
