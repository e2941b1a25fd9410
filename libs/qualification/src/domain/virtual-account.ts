import { randomBytes } from 'node:crypto';
import { DomainError } from '@app/common/domain-error';
import { checkIntegerSetting, QUALIFICATION_DEFAULTS } from './qualification-settings';

/**
 * Virtual deposit sub-accounts (虚拟子账号, DOMAIN.md §4): every application gets its own account
 * number under the platform's deposit account at the bank, so an arriving payment identifies the
 * application by the account it was paid to.
 *
 *   350102 83920174655 7
 *   │      │           └ check digit: Luhn (mod 10) over everything before it
 *   │      └ 11 random digits
 *   └ prefix agreed with the bank (e.g. the 6-digit branch code), 1–16 digits
 *
 * Decisions:
 * - **Random**, not sequential: a number says nothing about how many applications a lot has, and
 *   cannot be guessed from a neighbour's. 11 digits give 10¹¹ numbers per prefix; each digit is drawn
 *   uniformly from a cryptographic source by rejection sampling (bytes ≥ 250 are discarded), so there
 *   is no modulo bias. The RNG is injected for tests.
 * - **Luhn mod 10** check digit (ISO/IEC 7812, as on bank cards): bank counter staff and payers type
 *   these numbers by hand, and Luhn catches every single-digit error and almost every swap of two
 *   neighbouring digits (not 09 ↔ 90); it is simple enough for the bank's front end to check too.
 *   (A mod 11 or mod 97 digit would catch more swaps but needs a letter or two digits.)
 * - **Never reused within half a year** ({@link subAccountReusable}): a number may be issued again only
 *   `reuseAfterDays` (default 183) full days of 24 h after it was last issued. The issuing service
 *   draws a number, and draws again while the number was issued less than that long ago (a unique
 *   index on the number and issue date backs it up). Note: 183 days is shorter than six calendar
 *   months when the six months cover July–December (184 days); set 184 if the rule is read as calendar
 *   months.
 */

export const SUB_ACCOUNT_RANDOM_DIGITS = 11;
export const MAX_SUB_ACCOUNT_PREFIX_DIGITS = 16;
const MIN_LENGTH = 1 + SUB_ACCOUNT_RANDOM_DIGITS + 1;
const MAX_LENGTH = MAX_SUB_ACCOUNT_PREFIX_DIGITS + SUB_ACCOUNT_RANDOM_DIGITS + 1;
const MS_PER_DAY = 86_400_000;
/** Bytes below this value are used (250 = 25 × 10, so every digit is equally likely). */
const UNBIASED_LIMIT = 250;
/** Batches of random bytes drawn before giving up on a broken source. */
const MAX_BATCHES = 100;

/** A source of random bytes, like `crypto.randomBytes`. */
export type RandomBytes = (size: number) => Uint8Array;

/** The Luhn (mod 10) check digit of a string of digits. */
export function luhnCheckDigit(payload: string): string {
  if (typeof payload !== 'string' || !/^\d+$/.test(payload)) {
    throw new DomainError('SUB_ACCOUNT_FORMAT', 'the Luhn check digit is computed over digits only');
  }
  let sum = 0;
  // Walking from the right, the digit next to the (future) check digit is doubled, then every second one.
  for (let i = payload.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = payload.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** True for a string of digits whose last digit is the Luhn check digit of the rest. */
export function isLuhnValid(value: string): boolean {
  return /^\d{2,}$/.test(value) && luhnCheckDigit(value.slice(0, -1)) === value.slice(-1);
}

function checkPrefix(prefix: string): void {
  if (typeof prefix !== 'string' || !new RegExp(`^\\d{1,${MAX_SUB_ACCOUNT_PREFIX_DIGITS}}$`).test(prefix)) {
    throw new DomainError(
      'SUB_ACCOUNT_PREFIX_INVALID',
      `the sub-account prefix must be 1 to ${MAX_SUB_ACCOUNT_PREFIX_DIGITS} digits, e.g. the bank's 6-digit branch code`,
      'prefix',
    );
  }
}

/** `count` uniformly random decimal digits from `random`. */
export function randomDigits(count: number, random: RandomBytes = randomBytes): string {
  let out = '';
  for (let batch = 0; batch < MAX_BATCHES && out.length < count; batch++) {
    const bytes = random(Math.max(16, count * 2));
    for (const b of bytes) {
      if (out.length === count) break;
      if (b < UNBIASED_LIMIT) out += String(b % 10);
    }
  }
  if (out.length < count) {
    throw new Error('the random source keeps returning unusable bytes; refusing to issue a predictable number');
  }
  return out;
}

/**
 * A new sub-account number: `prefix` + 11 random digits + the Luhn check digit. Whether it may be
 * issued now is {@link subAccountReusable}'s question, asked by the caller against its register.
 */
export function generateSubAccount(prefix: string, random: RandomBytes = randomBytes): string {
  checkPrefix(prefix);
  const payload = prefix + randomDigits(SUB_ACCOUNT_RANDOM_DIGITS, random);
  return payload + luhnCheckDigit(payload);
}

/**
 * True for a well-formed sub-account number: digits only, 13–28 long (at least one prefix digit, 11
 * random digits and the check digit), valid Luhn check digit, and starting with `prefix` with exactly
 * 12 digits after it when a prefix is given.
 */
export function isValidSubAccount(value: unknown, prefix?: string): value is string {
  if (typeof value !== 'string' || value.length < MIN_LENGTH || value.length > MAX_LENGTH || !isLuhnValid(value)) return false;
  if (prefix === undefined) return true;
  return value.startsWith(prefix) && value.length === prefix.length + SUB_ACCOUNT_RANDOM_DIGITS + 1;
}

/**
 * "Never reused within half a year": a number last issued at `lastIssuedAt` may be issued again at
 * `now` only when at least `reuseAfterDays` × 24 h have passed (so exactly 183 days later it may).
 * A `now` before `lastIssuedAt` (clock trouble) is never reusable.
 */
export function subAccountReusable(
  lastIssuedAt: Date,
  now: Date,
  reuseAfterDays: number = QUALIFICATION_DEFAULTS.subAccountReuseDays,
): boolean {
  checkIntegerSetting('subAccountReuseDays', reuseAfterDays, 'reuseAfterDays');
  if (!(lastIssuedAt instanceof Date) || Number.isNaN(lastIssuedAt.getTime()) || !(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new RangeError('subAccountReusable needs two valid dates');
  }
  return now.getTime() - lastIssuedAt.getTime() >= reuseAfterDays * MS_PER_DAY;
}
