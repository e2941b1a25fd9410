import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError, DomainErrors } from '@app/common/domain-error';
import { Money } from '@app/money/money';
import { QUALIFICATION_DEFAULTS, type RuleViolation } from './qualification-settings';
import { isValidSubAccount } from './virtual-account';

/**
 * The bank's arrival notice (到账通知, DOMAIN.md §4): an HTTP callback the bank sends when money
 * arrives on a virtual sub-account, signed with a secret shared with the bank.
 *
 * Signing (decisions):
 * - The bank sends the Unix time in **seconds** as a decimal string (a header such as
 *   `X-Bank-Timestamp: 1760407200`) and the signature as **lowercase hex** HMAC-SHA256 of the
 *   canonical string `${timestamp}.${rawBody}` — the raw bytes of the body exactly as received, never
 *   a re-serialised JSON. Upper-case hex is accepted too.
 * - {@link verifyBankNotice} checks, in this order: MALFORMED (missing or malformed timestamp or
 *   signature), BAD_SIGNATURE (compared in constant time with `timingSafeEqual`), STALE_TIMESTAMP
 *   (more than `maxSkewSeconds`, default 300, away from our clock in either direction — an old
 *   notice replayed, or a clock far off). A notice is only trusted once all three pass.
 * - Replays within the window are harmless: notices are idempotent by the bank's `txnId` (the
 *   service records each txnId once; a repeated notice changes nothing).
 *
 * Content ({@link parseBankNotice}):
 * - `amount` goes through `Money.parse`: a decimal **string** with at most 2 places and > 0 ("1250000.00";
 *   "1250000" is accepted too — the amount is unambiguous and refusing a real arrival would leave money
 *   unrecorded); a JSON number is refused.
 * - `arrivedAt` is the bank's **arrival** time (what counts for the deadline, not when the notice came),
 *   ISO 8601 with seconds and an explicit offset ("2025-10-14T10:15:30+08:00" or "…Z"); a local time
 *   without an offset is ambiguous and refused. Fractions below a millisecond are truncated.
 * - Unknown extra fields are ignored (banks add fields); every problem with known ones is listed in
 *   one `DomainErrors('BANK_NOTICE_INVALID')`.
 */

export type BankNoticeVerification = { ok: true } | { ok: false; reason: 'BAD_SIGNATURE' | 'STALE_TIMESTAMP' | 'MALFORMED' };

export interface VerifyBankNoticeInput {
  /** The body exactly as received (a Buffer, or the string it decodes to in UTF-8). */
  readonly rawBody: string | Uint8Array;
  /** Unix seconds as sent by the bank; undefined when the header was missing. */
  readonly timestamp: string | undefined;
  /** Hex HMAC-SHA256; undefined when the header was missing. */
  readonly signature: string | undefined;
  readonly secret: string | Uint8Array;
  readonly now: Date;
  readonly maxSkewSeconds?: number;
}

export interface BankNotice {
  /** The bank's transaction id, the idempotency key. */
  readonly txnId: string;
  readonly subAccount: string;
  readonly amount: Money;
  readonly currency: 'CNY';
  readonly payerName: string;
  readonly payerAccount: string;
  /** When the money arrived at the bank. */
  readonly arrivedAt: Date;
}

const TIMESTAMP = /^\d{1,12}$/;
const SIGNATURE = /^[0-9a-fA-F]{64}$/;
const TXN_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_PAYER_NAME = 200;
const PAYER_ACCOUNT = /^[0-9A-Za-z-]{1,64}$/;

function checkSecret(secret: string | Uint8Array): void {
  if ((typeof secret !== 'string' && !(secret instanceof Uint8Array)) || secret.length === 0) {
    throw new RangeError('the bank notice secret must not be empty');
  }
}

function canonical(rawBody: string | Uint8Array, timestamp: string): Buffer {
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : Buffer.from(rawBody);
  return Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), body]);
}

/** Lowercase hex HMAC-SHA256 of `${timestamp}.${rawBody}` — what the bank sends (used by tests and the simulator). */
export function signBankNotice(rawBody: string | Uint8Array, timestamp: string, secret: string | Uint8Array): string {
  checkSecret(secret);
  return createHmac('sha256', secret).update(canonical(rawBody, timestamp)).digest('hex');
}

/** Whether the notice comes from the bank and is fresh; see the module notes for the order of checks. */
export function verifyBankNotice(input: VerifyBankNoticeInput): BankNoticeVerification {
  const { rawBody, timestamp, signature, secret, now } = input;
  const maxSkewSeconds = input.maxSkewSeconds ?? QUALIFICATION_DEFAULTS.bankNoticeMaxSkewSeconds;
  checkSecret(secret);
  if (!Number.isSafeInteger(maxSkewSeconds) || maxSkewSeconds < 0) {
    throw new RangeError(`maxSkewSeconds must be a whole number ≥ 0, got ${String(maxSkewSeconds)}`);
  }
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new RangeError('now must be a valid Date');
  if (
    typeof timestamp !== 'string' ||
    !TIMESTAMP.test(timestamp) ||
    typeof signature !== 'string' ||
    !SIGNATURE.test(signature) ||
    (typeof rawBody !== 'string' && !(rawBody instanceof Uint8Array))
  ) {
    return { ok: false, reason: 'MALFORMED' };
  }
  const expected = createHmac('sha256', secret).update(canonical(rawBody, timestamp)).digest();
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'BAD_SIGNATURE' };
  }
  const skewMs = Math.abs(now.getTime() - Number(timestamp) * 1000);
  if (skewMs > maxSkewSeconds * 1000) return { ok: false, reason: 'STALE_TIMESTAMP' };
  return { ok: true };
}

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * An ISO 8601 instant with an explicit offset ("2025-10-14T10:15:30+08:00", "2025-10-14T02:15:30.5Z"),
 * every component checked (no 30 February, no hour 24, no second 60, offset within ±14:00), or
 * undefined.
 */
export function parseIsoInstant(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const m = ISO_INSTANT.exec(value);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  // Date.UTC would read years 0–99 as 1900–1999; no bank sends those, so refuse rather than misread
  if (year < 1000) return undefined;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  let offsetMinutes = 0;
  if (m[8] !== 'Z') {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 14 || om > 59 || (oh === 14 && om > 0)) return undefined;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  return new Date(utc - offsetMinutes * 60_000);
}

/**
 * The typed notice, or `DomainErrors('BANK_NOTICE_INVALID')` listing every problem, each naming its
 * field: NOT_AN_OBJECT, FIELD_REQUIRED, INVALID_TXN_ID, INVALID_SUB_ACCOUNT, the amount's parse codes
 * (INVALID_DECIMAL, TOO_MANY_DECIMAL_PLACES, NEGATIVE_NOT_ALLOWED, OUT_OF_RANGE), AMOUNT_NOT_POSITIVE,
 * UNSUPPORTED_CURRENCY,
 * INVALID_PAYER_NAME, INVALID_PAYER_ACCOUNT, INVALID_ARRIVED_AT.
 */
export function parseBankNotice(json: unknown): BankNotice {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new DomainErrors('BANK_NOTICE_INVALID', 'the bank notice is not a JSON object', [
      { code: 'NOT_AN_OBJECT', message: 'the bank notice must be a JSON object' },
    ]);
  }
  const body = json as Record<string, unknown>;
  const errors: RuleViolation[] = [];
  const add = (code: string, message: string, field: string): void => {
    errors.push({ code, message, field });
  };
  const present = (field: string): boolean => {
    if (body[field] === undefined || body[field] === null) {
      add('FIELD_REQUIRED', `${field} is required`, field);
      return false;
    }
    return true;
  };

  const txnId = body.txnId;
  if (present('txnId') && (typeof txnId !== 'string' || !TXN_ID.test(txnId))) {
    add('INVALID_TXN_ID', 'txnId must be 1–64 characters of A–Z, a–z, 0–9, "_" and "-"', 'txnId');
  }
  const subAccount = body.subAccount;
  if (present('subAccount') && !isValidSubAccount(subAccount)) {
    add('INVALID_SUB_ACCOUNT', 'subAccount is not a valid virtual sub-account number (digits with a Luhn check digit)', 'subAccount');
  }
  let amount: Money | undefined;
  if (present('amount')) {
    try {
      amount = Money.parse(body.amount, 'amount');
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      add(e.code, e.message, 'amount');
    }
    if (amount !== undefined && !amount.isPositive()) {
      add('AMOUNT_NOT_POSITIVE', 'amount must be more than 0', 'amount');
      amount = undefined;
    }
  }
  if (present('currency') && body.currency !== 'CNY') {
    add('UNSUPPORTED_CURRENCY', `currency must be "CNY", got ${JSON.stringify(body.currency)}`, 'currency');
  }
  const payerName = typeof body.payerName === 'string' ? body.payerName.trim() : undefined;
  if (present('payerName') && (payerName === undefined || payerName === '' || payerName.length > MAX_PAYER_NAME)) {
    add('INVALID_PAYER_NAME', `payerName must be a non-empty string of at most ${MAX_PAYER_NAME} characters`, 'payerName');
  }
  const payerAccount = typeof body.payerAccount === 'string' ? body.payerAccount.replace(/\s+/g, '') : undefined;
  if (present('payerAccount') && (payerAccount === undefined || !PAYER_ACCOUNT.test(payerAccount))) {
    add('INVALID_PAYER_ACCOUNT', 'payerAccount must be 1–64 digits, letters or "-" (spaces are ignored)', 'payerAccount');
  }
  const arrivedAt = parseIsoInstant(body.arrivedAt);
  if (present('arrivedAt') && arrivedAt === undefined) {
    add('INVALID_ARRIVED_AT', 'arrivedAt must be an ISO 8601 time with an offset, like "2025-10-14T10:15:30+08:00"', 'arrivedAt');
  }

  if (errors.length > 0 || amount === undefined || arrivedAt === undefined) {
    throw new DomainErrors('BANK_NOTICE_INVALID', `the bank notice has ${errors.length} problem(s)`, errors);
  }
  return Object.freeze({
    txnId: txnId as string,
    subAccount: subAccount as string,
    amount,
    currency: 'CNY',
    payerName: payerName as string,
    payerAccount: payerAccount as string,
    arrivedAt,
  });
}

/** The fields of an applied notice that matter when the same transaction id comes again. */
export type AppliedNotice = Pick<BankNotice, 'txnId' | 'subAccount' | 'amount' | 'payerName' | 'payerAccount' | 'arrivedAt'>;

/**
 * The fields in which a notice differs from the one already applied under the same `txnId`, in a
 * fixed order (empty: an identical resend, an idempotent duplicate). Any difference is a conflict: a
 * bank's transaction is immutable, so a changed amount, sub-account, payer or arrival time means an
 * error or a forgery, for finance to look at, never a silent duplicate.
 */
export function noticeDifferences(applied: AppliedNotice, received: AppliedNotice): string[] {
  const differences: string[] = [];
  if (applied.subAccount !== received.subAccount) differences.push('subAccount');
  if (!applied.amount.eq(received.amount)) differences.push('amount');
  if (applied.payerName !== received.payerName) differences.push('payerName');
  if (applied.payerAccount !== received.payerAccount) differences.push('payerAccount');
  if (applied.arrivedAt.getTime() !== received.arrivedAt.getTime()) differences.push('arrivedAt');
  return differences;
}
