import { isIsoDate, toShanghaiDate, type IsoDate } from '@app/calendar/domain/calendar-day';
import { Money } from '@app/money/money';
import { ACCOUNT, accountRef, checkAccountRef, type AccountCode, type AccountRef } from './chart-of-accounts';
import { throwIfViolations, type RuleViolation } from './violations';

/**
 * Journal entries (记账凭证) of the land-revenue ledger and one posting builder per business event.
 *
 * An entry is an immutable value; the ledger is append-only (DESIGN.md §4): a mistake is never edited,
 * it is corrected by {@link reversalOf} and, if needed, a new entry. Every entry carries its source
 * (event type + id): `(source.type, source.id)` is the idempotency key, unique in the database, so
 * posting the same event twice changes nothing.
 *
 * Accounting decisions (see chart-of-accounts.ts for the accounts):
 *
 * | event                  | debit                               | credit                                |
 * |------------------------|-------------------------------------|---------------------------------------|
 * | depositReceived        | 1002 bank                           | 2241 deposits held / application      |
 * | depositRefundDue       | 2241 deposits held / application    | 2242 refunds payable / application    |
 * | refundPaid             | 2242 refunds payable / payee        | 1002 bank                             |
 * | contractSigned         | 1221 premium receivable / contract  | 4101 land premium revenue             |
 * | depositConverted       | 2241 deposits held / application    | 1221 premium receivable / contract    |
 * | paymentReceived        | 1002 bank                           | 1221 premium receivable / contract    |
 * | penaltyAccrued         | 1222 penalty receivable / contract  | 4102 penalty revenue                  |
 * | penaltyPaid            | 1002 bank                           | 1222 penalty receivable / contract    |
 * | depositForfeited       | 2241 deposits held / application    | 4103 forfeiture revenue               |
 * | contractTerminated     | 4101 land premium revenue (price)   | 1221 outstanding, 4103 earnest money, 2242 paid part to refund |
 * | remittanceToTreasury   | 4901 remitted / each revenue code   | 1002 bank                             |
 *
 * - **The receivable is raised once, for the whole price, when the land contract is signed**
 *   ({@link contractSigned}); installments (50% in a month, the rest in a year, …) are a payment
 *   schedule kept by the settlement context, not postings. So there is deliberately no
 *   "installmentDue" posting: the receivable balance is what the land user still owes in total, and
 *   what is overdue comes from the schedule compared with that balance. Raising it per installment
 *   would leave the earnest money credited (below) against a receivable that does not exist yet.
 * - **The winner's deposit stays a deposit until the contract is signed**: until then it can still be
 *   forfeited (no contract within 10 working days → {@link depositForfeited}). At signing the service
 *   posts {@link contractSigned} and then {@link depositConverted}: the earnest money (定金) is credited
 *   to the price, which leaves `price − deposit` receivable.
 * - Refunds go through 2242 refunds payable, so a refund decided (within 5 working days of the close)
 *   but not yet paid by the bank shows as a liability, and the bank line of {@link refundPaid} is
 *   what reconciles with the statement.
 * - A long default after the contract ({@link contractTerminated}) cancels the sale: the revenue of the
 *   whole price is taken back, the unpaid rest of the receivable is cleared, the earnest money becomes
 *   forfeiture revenue and installments already paid become refunds payable (定金 is not refunded).
 * - Remittance to the treasury (收支两条线) debits 4901 per revenue account and credits the bank.
 */

/** What caused an entry; with `id` it is the idempotency key. */
export const SOURCE_TYPES = [
  'deposit_received',
  'deposit_refund_due',
  'refund_paid',
  'contract_signed',
  'deposit_converted',
  'installment_due',
  'payment_received',
  'penalty_accrued',
  'penalty_paid',
  'deposit_forfeited',
  'contract_terminated',
  'treasury_remittance',
  'reversal',
] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** The event an entry records: e.g. `{ type: 'deposit_received', id: <bank txn id> }`. */
export interface SourceRef {
  readonly type: SourceType;
  readonly id: string;
}

/** One line: an account and exactly one of `debit` / `credit`, a positive Money. */
export interface JournalLine {
  readonly account: AccountRef;
  readonly debit?: Money;
  readonly credit?: Money;
}

/** A balanced journal entry. Build one with a posting builder or {@link makeEntry}; check with {@link validateEntry}. */
export interface JournalEntry {
  /** The accounting date (记账日期), a Shanghai calendar date; by default the Shanghai date of `at`. */
  readonly date: IsoDate;
  /** When the business event happened (money arrived, contract signed, refund decided…). */
  readonly at: Date;
  readonly description: string;
  readonly source: SourceRef;
  readonly lines: ReadonlyArray<JournalLine>;
  /** Set on a reversing entry: which entry it cancels and why. */
  readonly reversal?: { readonly of: SourceRef; readonly reason: string };
}

const SOURCE_ID_PATTERN = /^[^\s\p{Cc}](?:[^\p{Cc}]{0,254}[^\s\p{Cc}])?$/u;
const MAX_DESCRIPTION = 500;

/** `"deposit_received:TXN123"` — the idempotency key as one string. */
export function sourceKey(source: SourceRef): string {
  return `${source.type}:${source.id}`;
}

/** A debit line. */
export function debit(account: AccountRef, amount: Money): JournalLine {
  return Object.freeze({ account, debit: amount });
}

/** A credit line. */
export function credit(account: AccountRef, amount: Money): JournalLine {
  return Object.freeze({ account, credit: amount });
}

/** Which side a (valid) line is on and its amount. */
export function sideOf(line: JournalLine): { side: 'debit' | 'credit'; amount: Money } {
  if (line.debit !== undefined) return { side: 'debit', amount: line.debit };
  if (line.credit !== undefined) return { side: 'credit', amount: line.credit };
  throw new RangeError('a journal line needs a debit or a credit');
}

/** Sum of the debit lines and of the credit lines (lines with a malformed side are skipped). */
export function entryTotals(lines: ReadonlyArray<JournalLine>): { debits: Money; credits: Money } {
  const debits: Money[] = [];
  const credits: Money[] = [];
  for (const line of lines) {
    if (Money.isMoney(line.debit)) debits.push(line.debit);
    if (Money.isMoney(line.credit)) credits.push(line.credit);
  }
  return { debits: Money.sum(debits), credits: Money.sum(credits) };
}

function checkSide(value: unknown, field: string): RuleViolation[] {
  if (!Money.isMoney(value)) {
    return [{ code: 'LINE_AMOUNT_INVALID', message: `${field} must be a Money value`, field }];
  }
  if (!value.isPositive()) {
    return [{ code: 'LINE_AMOUNT_NOT_POSITIVE', message: `${field} must be more than 0.00, got ${value.toString()}`, field }];
  }
  return [];
}

/**
 * Every problem with an entry (empty when it may be posted):
 * ENTRY_DATE_INVALID, ENTRY_AT_INVALID, DESCRIPTION_REQUIRED, SOURCE_INVALID, REVERSAL_INVALID,
 * ENTRY_NO_LINES, LINE_BOTH_SIDES, LINE_NO_SIDE, LINE_AMOUNT_INVALID, LINE_AMOUNT_NOT_POSITIVE, the
 * account checks (ACCOUNT_UNKNOWN, SUBJECT_REQUIRED, SUBJECT_NOT_ALLOWED, SUBJECT_INVALID), and
 * ENTRY_UNBALANCED when the debits and credits differ by any amount, even 0.01.
 */
export function entryViolations(entry: JournalEntry): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (!isIsoDate(entry.date)) {
    out.push({ code: 'ENTRY_DATE_INVALID', message: 'date must be a calendar date YYYY-MM-DD', field: 'date' });
  }
  if (!(entry.at instanceof Date) || Number.isNaN(entry.at.getTime())) {
    out.push({ code: 'ENTRY_AT_INVALID', message: 'at must be a valid instant', field: 'at' });
  }
  if (typeof entry.description !== 'string' || entry.description.trim() === '' || entry.description.length > MAX_DESCRIPTION) {
    out.push({
      code: 'DESCRIPTION_REQUIRED',
      message: `description must be a non-empty text of at most ${MAX_DESCRIPTION} characters`,
      field: 'description',
    });
  }
  out.push(...checkSource(entry.source, 'source'));
  if (entry.reversal !== undefined) {
    const r = entry.reversal;
    if (entry.source?.type !== 'reversal' || typeof r.reason !== 'string' || r.reason.trim() === '') {
      out.push({ code: 'REVERSAL_INVALID', message: 'a reversal needs source type "reversal" and a reason', field: 'reversal' });
    }
    out.push(...checkSource(r.of, 'reversal.of'));
  } else if (entry.source?.type === 'reversal') {
    out.push({ code: 'REVERSAL_INVALID', message: 'an entry of source type "reversal" must say what it reverses', field: 'reversal' });
  }

  const lines: ReadonlyArray<JournalLine> = Array.isArray(entry.lines) ? entry.lines : [];
  if (lines.length === 0) {
    out.push({ code: 'ENTRY_NO_LINES', message: 'an entry needs at least one debit and one credit line', field: 'lines' });
    return out;
  }
  let wellFormed = true;
  lines.forEach((line, i) => {
    const field = `lines[${i}]`;
    out.push(...checkAccountRef(line?.account, `${field}.account`));
    const hasDebit = line?.debit !== undefined && line.debit !== null;
    const hasCredit = line?.credit !== undefined && line.credit !== null;
    if (hasDebit && hasCredit) {
      wellFormed = false;
      out.push({ code: 'LINE_BOTH_SIDES', message: `${field} has both a debit and a credit; use two lines`, field });
    } else if (!hasDebit && !hasCredit) {
      wellFormed = false;
      out.push({ code: 'LINE_NO_SIDE', message: `${field} has neither a debit nor a credit`, field });
    } else {
      const problems = hasDebit ? checkSide(line.debit, `${field}.debit`) : checkSide(line.credit, `${field}.credit`);
      if (problems.length > 0) wellFormed = false;
      out.push(...problems);
    }
  });
  if (wellFormed) {
    const { debits, credits } = entryTotals(lines);
    if (!debits.eq(credits)) {
      out.push({
        code: 'ENTRY_UNBALANCED',
        message: `debits ${debits.toString()} ≠ credits ${credits.toString()} (difference ${debits.subtract(credits).abs().toString()})`,
        field: 'lines',
      });
    }
  }
  return out;
}

function checkSource(source: unknown, field: string): RuleViolation[] {
  const s = source as Partial<SourceRef> | undefined;
  if (
    typeof s !== 'object' ||
    s === null ||
    !(SOURCE_TYPES as ReadonlyArray<unknown>).includes(s.type) ||
    typeof s.id !== 'string' ||
    !SOURCE_ID_PATTERN.test(s.id)
  ) {
    return [
      {
        code: 'SOURCE_INVALID',
        message: `${field} must be { type: one of ${SOURCE_TYPES.join(', ')}; id: 1–256 characters without control characters or surrounding spaces }`,
        field,
      },
    ];
  }
  return [];
}

/**
 * Returns the entry when it may be posted; otherwise throws `DomainErrors('JOURNAL_ENTRY_INVALID')`
 * listing every problem of {@link entryViolations}.
 */
export function validateEntry(entry: JournalEntry): JournalEntry {
  throwIfViolations('JOURNAL_ENTRY_INVALID', 'the journal entry cannot be posted', entryViolations(entry));
  return entry;
}

/** Fields shared by every posting builder. */
export interface PostingBase {
  /** When the event happened; the entry's date is its Shanghai calendar date unless `date` is given. */
  readonly at: Date;
  readonly date?: IsoDate;
  /**
   * The idempotency id of the event, unique per source type. Recommended: the bank transaction id for
   * money that moved through the bank (depositReceived, paymentReceived, penaltyPaid, refundPaid,
   * remittanceToTreasury), otherwise the id of the business record (refund id, contract id, penalty
   * accrual id, forfeiture decision id).
   */
  readonly sourceId: string;
  /** Overrides the default Chinese description. */
  readonly description?: string;
  /** The bank account number (subject on 1002) when the center has several accounts. */
  readonly bankAccount?: string;
}

/** Builds, freezes and validates an entry (throws `JOURNAL_ENTRY_INVALID` when it is not postable). */
export function makeEntry(input: {
  at: Date;
  date?: IsoDate;
  description: string;
  source: SourceRef;
  lines: ReadonlyArray<JournalLine>;
  reversal?: { of: SourceRef; reason: string };
}): JournalEntry {
  const validAt = input.at instanceof Date && !Number.isNaN(input.at.getTime());
  const entry: JournalEntry = {
    date: input.date ?? (validAt ? toShanghaiDate(input.at) : ('' as IsoDate)),
    at: input.at,
    description: input.description,
    source: Object.freeze({ ...input.source }),
    lines: Object.freeze([...input.lines]),
    ...(input.reversal === undefined ? {} : { reversal: Object.freeze({ of: Object.freeze({ ...input.reversal.of }), reason: input.reversal.reason }) }),
  };
  return validateEntry(Object.freeze(entry));
}

function bank(base: PostingBase): AccountRef {
  return accountRef(ACCOUNT.BANK, base.bankAccount);
}

function post(base: PostingBase, type: SourceType, defaultDescription: string, lines: JournalLine[]): JournalEntry {
  return makeEntry({
    at: base.at,
    date: base.date,
    description: base.description ?? defaultDescription,
    source: { type, id: base.sourceId },
    lines,
  });
}

/** Deposit money arrived on an application's sub-account: Dr 1002 bank / Cr 2241 deposits held [application]. */
export function depositReceived(input: PostingBase & { applicationId: string; amount: Money }): JournalEntry {
  return post(input, 'deposit_received', `收到竞买保证金（申请 ${input.applicationId}）`, [
    debit(bank(input), input.amount),
    credit(accountRef(ACCOUNT.DEPOSITS_HELD, input.applicationId), input.amount),
  ]);
}

/** A deposit is to be refunded (loser, withdrawn lot…): Dr 2241 deposits held / Cr 2242 refunds payable, both [application]. */
export function depositRefundDue(input: PostingBase & { applicationId: string; amount: Money }): JournalEntry {
  return post(input, 'deposit_refund_due', `保证金转应退（申请 ${input.applicationId}）`, [
    debit(accountRef(ACCOUNT.DEPOSITS_HELD, input.applicationId), input.amount),
    credit(accountRef(ACCOUNT.REFUNDS_PAYABLE, input.applicationId), input.amount),
  ]);
}

/**
 * The bank paid a refund out: Dr 2242 refunds payable [payee] / Cr 1002 bank. `payee` is the subject
 * the refund was made due under (the application id for deposits, the contract id on termination).
 */
export function refundPaid(input: PostingBase & { payee: string; amount: Money }): JournalEntry {
  return post(input, 'refund_paid', `退款已付（${input.payee}）`, [
    debit(accountRef(ACCOUNT.REFUNDS_PAYABLE, input.payee), input.amount),
    credit(bank(input), input.amount),
  ]);
}

/** The land contract was signed: the whole price becomes receivable. Dr 1221 receivable [contract] / Cr 4101 revenue. */
export function contractSigned(input: PostingBase & { contractId: string; price: Money }): JournalEntry {
  return post(input, 'contract_signed', `出让合同签订，应收土地出让价款（合同 ${input.contractId}）`, [
    debit(accountRef(ACCOUNT.PREMIUM_RECEIVABLE, input.contractId), input.price),
    credit(accountRef(ACCOUNT.PREMIUM_REVENUE), input.price),
  ]);
}

/**
 * The winner's deposit becomes earnest money (定金) credited to the price:
 * Dr 2241 deposits held [application] / Cr 1221 receivable [contract]. Post after {@link contractSigned}.
 */
export function depositConverted(input: PostingBase & { applicationId: string; contractId: string; amount: Money }): JournalEntry {
  return post(input, 'deposit_converted', `保证金转定金抵作出让价款（申请 ${input.applicationId} → 合同 ${input.contractId}）`, [
    debit(accountRef(ACCOUNT.DEPOSITS_HELD, input.applicationId), input.amount),
    credit(accountRef(ACCOUNT.PREMIUM_RECEIVABLE, input.contractId), input.amount),
  ]);
}

/**
 * An installment fell due with `amount` of it unpaid: Dr 1223 premium due [contract] / Cr 1221 premium
 * receivable [contract]. The receivable is raised whole when the contract is signed; this moves what is
 * now due (and, if unpaid, overdue) to its own account. Source id: `<contract id>:<installment number>`.
 */
export function installmentDue(input: PostingBase & { contractId: string; installmentNumber: number; amount: Money }): JournalEntry {
  return post(input, 'installment_due', `第${input.installmentNumber}期土地出让价款到期（合同 ${input.contractId}）`, [
    debit(accountRef(ACCOUNT.PREMIUM_DUE, input.contractId), input.amount),
    credit(accountRef(ACCOUNT.PREMIUM_RECEIVABLE, input.contractId), input.amount),
  ]);
}

/**
 * Land premium arrived: Dr 1002 bank / Cr 1223 premium due [contract] for the part that settles amounts
 * already due (`due`, default none), Cr 1221 receivable [contract] for the rest (paid before its due date).
 */
export function paymentReceived(input: PostingBase & { contractId: string; amount: Money; due?: Money }): JournalEntry {
  const due = input.due ?? Money.zero();
  const early = input.amount.subtract(due);
  const credits: JournalLine[] = [];
  if (!due.isZero()) credits.push(credit(accountRef(ACCOUNT.PREMIUM_DUE, input.contractId), due));
  if (!early.isZero()) credits.push(credit(accountRef(ACCOUNT.PREMIUM_RECEIVABLE, input.contractId), early));
  return post(input, 'payment_received', `收到土地出让价款（合同 ${input.contractId}）`, [debit(bank(input), input.amount), ...credits]);
}

/** A late-payment penalty accrued: Dr 1222 penalty receivable [contract] / Cr 4102 penalty revenue. */
export function penaltyAccrued(input: PostingBase & { contractId: string; amount: Money }): JournalEntry {
  return post(input, 'penalty_accrued', `计提滞纳金（合同 ${input.contractId}）`, [
    debit(accountRef(ACCOUNT.PENALTY_RECEIVABLE, input.contractId), input.amount),
    credit(accountRef(ACCOUNT.PENALTY_REVENUE), input.amount),
  ]);
}

/** A penalty was paid: Dr 1002 bank / Cr 1222 penalty receivable [contract]. */
export function penaltyPaid(input: PostingBase & { contractId: string; amount: Money }): JournalEntry {
  return post(input, 'penalty_paid', `收到滞纳金（合同 ${input.contractId}）`, [
    debit(bank(input), input.amount),
    credit(accountRef(ACCOUNT.PENALTY_RECEIVABLE, input.contractId), input.amount),
  ]);
}

/** A deposit is forfeited (no contract signed in time, default before signing): Dr 2241 [application] / Cr 4103 forfeiture revenue. */
export function depositForfeited(input: PostingBase & { applicationId: string; amount: Money }): JournalEntry {
  return post(input, 'deposit_forfeited', `没收竞买保证金（申请 ${input.applicationId}）`, [
    debit(accountRef(ACCOUNT.DEPOSITS_HELD, input.applicationId), input.amount),
    credit(accountRef(ACCOUNT.FORFEITURE_REVENUE), input.amount),
  ]);
}

/**
 * A signed contract is terminated for default: the sale's revenue (`outstanding + earnestForfeited +
 * paidToRefund`, i.e. the whole price) is taken back from 4101; Cr 1221 the unpaid `outstanding`
 * [contract], Cr 4103 the `earnestForfeited` (the converted deposit), Cr 2242 `paidToRefund` [contract]
 * (installments already paid, refunded without interest). Zero parts are left out.
 */
export function contractTerminated(
  input: PostingBase & { contractId: string; outstanding: Money; outstandingDue?: Money; earnestForfeited: Money; paidToRefund?: Money },
): JournalEntry {
  const paid = input.paidToRefund ?? Money.zero();
  const parts: Array<[AccountRef, Money]> = [
    [accountRef(ACCOUNT.PREMIUM_RECEIVABLE, input.contractId), input.outstanding],
    [accountRef(ACCOUNT.PREMIUM_DUE, input.contractId), input.outstandingDue ?? Money.zero()],
    [accountRef(ACCOUNT.FORFEITURE_REVENUE), input.earnestForfeited],
    [accountRef(ACCOUNT.REFUNDS_PAYABLE, input.contractId), paid],
  ];
  // Zero parts are dropped; a negative part is kept so that validation refuses it.
  const credits = parts.filter(([, amount]) => !amount.isZero()).map(([ref, amount]) => credit(ref, amount));
  const total = Money.sum(parts.map(([, amount]) => amount));
  return post(input, 'contract_terminated', `出让合同解除，冲回出让价款，定金没收（合同 ${input.contractId}）`, [
    debit(accountRef(ACCOUNT.PREMIUM_REVENUE), total),
    ...credits,
  ]);
}

/** Amounts paid over to the treasury, by revenue account (zero or absent parts are left out). */
export interface RemittanceParts {
  readonly landPremium?: Money;
  readonly penalties?: Money;
  readonly forfeitures?: Money;
}

/**
 * Land revenue paid over to the treasury's land revenue account (收支两条线): one Dr 4901 line per
 * revenue account with a non-zero part (subject = 4101 / 4102 / 4103) / Cr 1002 bank for the total.
 * At least one part must be more than zero.
 */
export function remittanceToTreasury(input: PostingBase & RemittanceParts): JournalEntry {
  const parts: Array<[AccountCode, Money | undefined]> = [
    [ACCOUNT.PREMIUM_REVENUE, input.landPremium],
    [ACCOUNT.PENALTY_REVENUE, input.penalties],
    [ACCOUNT.FORFEITURE_REVENUE, input.forfeitures],
  ];
  const given = parts.filter((p): p is [AccountCode, Money] => p[1] !== undefined && !p[1].isZero());
  const total = Money.sum(given.map(([, amount]) => amount));
  const lines =
    given.length === 0
      ? []
      : [...given.map(([code, amount]) => debit(accountRef(ACCOUNT.TREASURY_REMITTED, code), amount)), credit(bank(input), total)];
  return post(input, 'treasury_remittance', '土地收入缴入国库', lines);
}

/**
 * The entry that cancels `entry`: the same lines with debit and credit swapped, dated the Shanghai
 * date of `at`, source `{ type: 'reversal', id: sourceKey(entry.source) }` (so an entry can be reversed
 * once: a second reversal has the same idempotency key) and `reversal: { of: entry.source, reason }`.
 * Throws `JOURNAL_ENTRY_INVALID` when `entry` itself is not valid or the reason is empty.
 */
export function reversalOf(entry: JournalEntry, reason: string, at: Date): JournalEntry {
  validateEntry(entry);
  const lines = entry.lines.map((line) =>
    line.debit !== undefined ? credit(line.account, line.debit) : debit(line.account, line.credit as Money),
  );
  const why = typeof reason === 'string' ? reason.trim() : '';
  return makeEntry({
    at,
    description: `冲销：${entry.description}${why === '' ? '' : `（${why}）`}`.slice(0, MAX_DESCRIPTION),
    source: { type: 'reversal', id: sourceKey(entry.source) },
    lines,
    reversal: { of: entry.source, reason: why },
  });
}
