import type { RuleViolation } from './violations';

/**
 * The chart of accounts (会计科目表) of the land-revenue ledger kept by the trading center's finance
 * office (DOMAIN.md §7, DESIGN.md §4 "Ledger").
 *
 * Codes are stable strings (they are stored in `journal_line.account_code`): never renumber one, add
 * a new code instead. The first digit follows the usual Chinese layout: 1 assets, 2 liabilities,
 * 4 revenue, 49 clearing.
 *
 * | code | 科目                  | account                              | kind      | normal | subject                         |
 * |------|-----------------------|--------------------------------------|-----------|--------|---------------------------------|
 * | 1002 | 银行存款              | bank (trading center deposit account)| asset     | debit  | optional: the bank account no.  |
 * | 1221 | 应收土地出让价款      | land premium receivable              | asset     | debit  | required: contract id           |
 * | 1222 | 应收滞纳金            | late-payment penalty receivable      | asset     | debit  | required: contract id           |
 * | 2241 | 竞买保证金            | bid deposits held                    | liability | credit | required: application id        |
 * | 2242 | 应退款项              | refunds payable                      | liability | credit | required: application/contract  |
 * | 4101 | 土地出让价款收入      | land premium revenue                 | revenue   | credit | none                            |
 * | 4102 | 滞纳金收入            | late-payment penalty revenue         | revenue   | credit | none                            |
 * | 4103 | 没收保证金（定金）收入| forfeited deposits revenue           | revenue   | credit | none                            |
 * | 4901 | 已缴国库土地收入      | remitted to the treasury (收支两条线) | clearing  | debit  | required: a revenue code (4101…)|
 *
 * 收支两条线: the center collects land revenue but does not keep it. Revenue accounts keep the gross
 * figure; what has been paid over to the treasury's land revenue account is debited to 4901 (a
 * debit-normal clearing account, one subject per revenue account), so "revenue not yet remitted" of a
 * kind is `balance(4101…) − balance(4901/4101…)` ({@link unremittedRevenue} in balances.ts).
 */

/** Stable account codes. */
export const ACCOUNT = Object.freeze({
  /** 银行存款 — the trading center's deposit bank account. */
  BANK: '1002',
  /** 应收土地出让价款 — what a land user still owes on a contract (subject: contract id). */
  PREMIUM_RECEIVABLE: '1221',
  /** 应收到期土地出让价款 — installments that have fallen due and are not yet paid (subject: contract id). */
  PREMIUM_DUE: '1223',
  /** 应收滞纳金 — late-payment penalties accrued and not yet paid (subject: contract id). */
  PENALTY_RECEIVABLE: '1222',
  /** 竞买保证金 — deposits held for bidders (subject: application id). */
  DEPOSITS_HELD: '2241',
  /** 应退款项 — refunds decided and not yet paid out (subject: application or contract id). */
  REFUNDS_PAYABLE: '2242',
  /** 土地出让价款收入 — land premium revenue. */
  PREMIUM_REVENUE: '4101',
  /** 滞纳金收入 — late-payment penalty revenue. */
  PENALTY_REVENUE: '4102',
  /** 没收保证金（定金）收入 — forfeited deposits / earnest money. */
  FORFEITURE_REVENUE: '4103',
  /** 已缴国库土地收入 — land revenue remitted to the treasury (subject: the revenue account code). */
  TREASURY_REMITTED: '4901',
} as const);

export type AccountCode = (typeof ACCOUNT)[keyof typeof ACCOUNT];
export type NormalSide = 'debit' | 'credit';
/** `clearing` is equity-like: a debit-normal contra account against revenue (收支两条线). */
export type AccountKind = 'asset' | 'liability' | 'revenue' | 'clearing';
/** Whether lines on the account carry a subject (sub-ledger key): always, never, or when useful. */
export type SubjectRule = 'required' | 'optional' | 'none';

/** One account of the chart. */
export interface AccountDefinition {
  readonly code: AccountCode;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly kind: AccountKind;
  /** The side on which a positive balance sits: debit for assets and clearing, credit for the rest. */
  readonly normalSide: NormalSide;
  readonly subject: SubjectRule;
  /** What the subject names, for messages and report columns. */
  readonly subjectLabel?: string;
}

/**
 * Points a journal line at an account, and for sub-ledger accounts at one subject of it: the
 * application id on 2241 (the deposit of one bidder for one lot), the contract id on 1221/1222.
 */
export interface AccountRef {
  readonly code: AccountCode;
  readonly subject?: string;
}

function define(def: AccountDefinition): AccountDefinition {
  return Object.freeze(def);
}

/** Every account of the chart, by code, in code order. */
export const CHART_OF_ACCOUNTS: Readonly<Record<AccountCode, AccountDefinition>> = Object.freeze({
  '1002': define({
    code: '1002',
    nameZh: '银行存款',
    nameEn: 'Bank (trading center deposit account)',
    kind: 'asset',
    normalSide: 'debit',
    subject: 'optional',
    subjectLabel: 'bank account number',
  }),
  '1221': define({
    code: '1221',
    nameZh: '应收土地出让价款',
    nameEn: 'Land premium receivable',
    kind: 'asset',
    normalSide: 'debit',
    subject: 'required',
    subjectLabel: 'contract id',
  }),
  '1222': define({
    code: '1222',
    nameZh: '应收滞纳金',
    nameEn: 'Late-payment penalty receivable',
    kind: 'asset',
    normalSide: 'debit',
    subject: 'required',
    subjectLabel: 'contract id',
  }),
  '1223': define({
    code: '1223',
    nameZh: '应收到期土地出让价款',
    nameEn: 'Land premium receivable, fallen due',
    kind: 'asset',
    normalSide: 'debit',
    subject: 'required',
    subjectLabel: 'contract id',
  }),
  '2241': define({
    code: '2241',
    nameZh: '竞买保证金',
    nameEn: 'Bid deposits held',
    kind: 'liability',
    normalSide: 'credit',
    subject: 'required',
    subjectLabel: 'application id',
  }),
  '2242': define({
    code: '2242',
    nameZh: '应退款项',
    nameEn: 'Refunds payable',
    kind: 'liability',
    normalSide: 'credit',
    subject: 'required',
    subjectLabel: 'application or contract id',
  }),
  '4101': define({
    code: '4101',
    nameZh: '土地出让价款收入',
    nameEn: 'Land premium revenue',
    kind: 'revenue',
    normalSide: 'credit',
    subject: 'none',
  }),
  '4102': define({
    code: '4102',
    nameZh: '滞纳金收入',
    nameEn: 'Late-payment penalty revenue',
    kind: 'revenue',
    normalSide: 'credit',
    subject: 'none',
  }),
  '4103': define({
    code: '4103',
    nameZh: '没收保证金（定金）收入',
    nameEn: 'Forfeited deposits revenue',
    kind: 'revenue',
    normalSide: 'credit',
    subject: 'none',
  }),
  '4901': define({
    code: '4901',
    nameZh: '已缴国库土地收入',
    nameEn: 'Remitted to the treasury land revenue account',
    kind: 'clearing',
    normalSide: 'debit',
    subject: 'required',
    subjectLabel: 'revenue account code',
  }),
});

/** All account codes in code order. */
export const ACCOUNT_CODES: ReadonlyArray<AccountCode> = Object.freeze(Object.keys(CHART_OF_ACCOUNTS).sort() as AccountCode[]);

/** The revenue accounts (4101, 4102, 4103): the subjects allowed on 4901. */
export const REVENUE_ACCOUNT_CODES: ReadonlyArray<AccountCode> = Object.freeze(
  ACCOUNT_CODES.filter((code) => CHART_OF_ACCOUNTS[code].kind === 'revenue'),
);

/** True when `code` is a code of the chart. */
export function isAccountCode(code: unknown): code is AccountCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(CHART_OF_ACCOUNTS, code);
}

/** The definition of `code`; throws RangeError for a code outside the chart (a programming error). */
export function accountOf(code: AccountCode): AccountDefinition {
  if (!isAccountCode(code)) throw new RangeError(`unknown account code ${JSON.stringify(code)}`);
  return CHART_OF_ACCOUNTS[code];
}

/** Builds an account reference; `subject` is omitted from the object when undefined. */
export function accountRef(code: AccountCode, subject?: string): AccountRef {
  return Object.freeze(subject === undefined ? { code } : { code, subject });
}

/**
 * Subjects are ids: 1–64 characters of letters (any script), digits and `_ - . : # /`. No spaces and no
 * `|`, so {@link accountKey} is unambiguous.
 */
const SUBJECT_PATTERN = /^[\p{L}\p{N}_\-.:#/]{1,64}$/u;

/** True when `subject` is an acceptable subject string. */
export function isValidSubject(subject: unknown): subject is string {
  return typeof subject === 'string' && SUBJECT_PATTERN.test(subject);
}

/** A string key for maps and sorting: `"2241|APP-1"`, `"4101|"`. */
export function accountKey(ref: AccountRef): string {
  return `${ref.code}|${ref.subject ?? ''}`;
}

/** `"2241 竞买保证金 / APP-1"` — for messages and report labels. */
export function describeAccount(ref: AccountRef): string {
  const def = isAccountCode(ref.code) ? CHART_OF_ACCOUNTS[ref.code] : undefined;
  const name = def === undefined ? String(ref.code) : `${def.code} ${def.nameZh}`;
  return ref.subject === undefined ? name : `${name} / ${ref.subject}`;
}

/**
 * Every problem with an account reference (empty when it is fine): ACCOUNT_UNKNOWN,
 * SUBJECT_REQUIRED, SUBJECT_NOT_ALLOWED, SUBJECT_INVALID. `field` names the reference in messages.
 */
export function checkAccountRef(ref: unknown, field = 'account'): RuleViolation[] {
  if (typeof ref !== 'object' || ref === null) {
    return [{ code: 'ACCOUNT_UNKNOWN', message: `${field} must be an account reference { code, subject? }`, field }];
  }
  const { code, subject } = ref as { code?: unknown; subject?: unknown };
  if (!isAccountCode(code)) {
    return [{ code: 'ACCOUNT_UNKNOWN', message: `${field}: ${JSON.stringify(code)} is not an account of the chart`, field: `${field}.code` }];
  }
  const def = CHART_OF_ACCOUNTS[code];
  if (subject === undefined) {
    return def.subject === 'required'
      ? [{ code: 'SUBJECT_REQUIRED', message: `${field}: ${def.code} ${def.nameZh} needs a subject (${def.subjectLabel ?? 'id'})`, field: `${field}.subject` }]
      : [];
  }
  if (def.subject === 'none') {
    return [{ code: 'SUBJECT_NOT_ALLOWED', message: `${field}: ${def.code} ${def.nameZh} has no subjects`, field: `${field}.subject` }];
  }
  if (!isValidSubject(subject)) {
    return [
      {
        code: 'SUBJECT_INVALID',
        message: `${field}: the subject must be 1–64 letters, digits or _ - . : # /`,
        field: `${field}.subject`,
      },
    ];
  }
  if (code === ACCOUNT.TREASURY_REMITTED && !(REVENUE_ACCOUNT_CODES as ReadonlyArray<string>).includes(subject)) {
    return [
      {
        code: 'SUBJECT_INVALID',
        message: `${field}: the subject of ${def.code} ${def.nameZh} must be a revenue account code (${REVENUE_ACCOUNT_CODES.join(', ')})`,
        field: `${field}.subject`,
      },
    ];
  }
  return [];
}
