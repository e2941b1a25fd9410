import type { IsoDate } from '@app/calendar/domain/calendar-day';
import { DomainError } from '@app/common/domain-error';
import { Money } from '@app/money/money';
import {
  ACCOUNT,
  accountKey,
  accountOf,
  accountRef,
  REVENUE_ACCOUNT_CODES,
  type AccountCode,
  type AccountDefinition,
  type AccountRef,
  type NormalSide,
} from './chart-of-accounts';
import type { JournalEntry, JournalLine, SourceRef } from './journal';

/**
 * Trial balance (试算平衡表) and balances, computed from posted lines with exact Money sums.
 *
 * Balances are on the account's normal side: a deposit account (credit-normal) holding 500000.00
 * has balance "500000.00"; a negative balance means the account is on its abnormal side (e.g. a
 * receivable overpaid).
 */

/** A journal line with the date (and source) of its entry — what `journal_line` rows give back. */
export interface LedgerLine extends JournalLine {
  readonly date: IsoDate;
  readonly source?: SourceRef;
}

/** One row of the trial balance: an account, or one subject of it. */
export interface TrialBalanceRow {
  readonly account: AccountRef;
  readonly definition: AccountDefinition;
  readonly debitTotal: Money;
  readonly creditTotal: Money;
  /** On the normal side: `debitTotal − creditTotal` for debit-normal accounts, the reverse otherwise. */
  readonly balance: Money;
  readonly normalSide: NormalSide;
}

export interface TrialBalance {
  /** Sorted by account code, then subject (code-point order); accounts without lines are absent. */
  readonly rows: ReadonlyArray<TrialBalanceRow>;
  readonly totalDebits: Money;
  readonly totalCredits: Money;
}

export interface TrialBalanceOptions {
  /** Default true: one row per (account, subject). False: one row per account, subjects summed. */
  readonly bySubject?: boolean;
}

/** The lines of `entries`, each with its entry's date and source, in entry order. */
export function ledgerLines(entries: Iterable<JournalEntry>): LedgerLine[] {
  const out: LedgerLine[] = [];
  for (const entry of entries) {
    for (const line of entry.lines) out.push(Object.freeze({ ...line, date: entry.date, source: entry.source }));
  }
  return out;
}

/** The lines dated on or before `date` (the ledger as it stood at the end of that Shanghai day). */
export function asOf<L extends { readonly date: IsoDate }>(lines: Iterable<L>, date: IsoDate): L[] {
  const out: L[] = [];
  for (const line of lines) if (line.date <= date) out.push(line);
  return out;
}

function compareRefs(a: AccountRef, b: AccountRef): number {
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  const sa = a.subject ?? '';
  const sb = b.subject ?? '';
  return sa === sb ? 0 : sa < sb ? -1 : 1;
}

/** The trial balance of `lines` (every line must be well formed: run entries through validateEntry first). */
export function trialBalance(lines: Iterable<JournalLine>, opts: TrialBalanceOptions = {}): TrialBalance {
  const bySubject = opts.bySubject ?? true;
  const groups = new Map<string, { account: AccountRef; debits: Money[]; credits: Money[] }>();
  const allDebits: Money[] = [];
  const allCredits: Money[] = [];
  for (const line of lines) {
    const account = bySubject ? accountRef(line.account.code, line.account.subject) : accountRef(line.account.code);
    const key = accountKey(account);
    let group = groups.get(key);
    if (group === undefined) {
      group = { account, debits: [], credits: [] };
      groups.set(key, group);
    }
    if (line.debit !== undefined) {
      group.debits.push(line.debit);
      allDebits.push(line.debit);
    }
    if (line.credit !== undefined) {
      group.credits.push(line.credit);
      allCredits.push(line.credit);
    }
  }
  const rows = [...groups.values()]
    .sort((a, b) => compareRefs(a.account, b.account))
    .map(({ account, debits, credits }) => {
      const definition = accountOf(account.code);
      const debitTotal = Money.sum(debits);
      const creditTotal = Money.sum(credits);
      const balance = definition.normalSide === 'debit' ? debitTotal.subtract(creditTotal) : creditTotal.subtract(debitTotal);
      return Object.freeze({ account, definition, debitTotal, creditTotal, balance, normalSide: definition.normalSide });
    });
  return Object.freeze({ rows: Object.freeze(rows), totalDebits: Money.sum(allDebits), totalCredits: Money.sum(allCredits) });
}

/** True when total debits equal total credits exactly (Σ over rows of debit − credit is 0.00). */
export function trialBalanceNetsToZero(tb: TrialBalance): boolean {
  const net = Money.sum(tb.rows.map((r) => r.debitTotal.subtract(r.creditTotal)));
  return net.isZero() && tb.totalDebits.eq(tb.totalCredits);
}

/** Throws `DomainError('LEDGER_OUT_OF_BALANCE')` (with both totals in details) unless the trial balance nets to zero. */
export function assertTrialBalanceNetsToZero(tb: TrialBalance): void {
  if (!trialBalanceNetsToZero(tb)) {
    throw new DomainError(
      'LEDGER_OUT_OF_BALANCE',
      `the ledger is out of balance: debits ${tb.totalDebits.toString()} ≠ credits ${tb.totalCredits.toString()}`,
      undefined,
      { totalDebits: tb.totalDebits.toString(), totalCredits: tb.totalCredits.toString() },
    );
  }
}

/**
 * The balance of one account on its normal side. With a subject: that subject only; without one:
 * the whole account, every subject included.
 */
export function balanceOf(lines: Iterable<JournalLine>, account: AccountRef): Money {
  const normal = accountOf(account.code).normalSide;
  const debits: Money[] = [];
  const credits: Money[] = [];
  for (const line of lines) {
    if (line.account.code !== account.code) continue;
    if (account.subject !== undefined && line.account.subject !== account.subject) continue;
    if (line.debit !== undefined) debits.push(line.debit);
    if (line.credit !== undefined) credits.push(line.credit);
  }
  const net = Money.sum(debits).subtract(Money.sum(credits));
  return normal === 'debit' ? net : net.negate();
}

/**
 * Rows of `code` whose balance is not zero, e.g. `openItems(tb, ACCOUNT.DEPOSITS_HELD)`: every deposit
 * not yet refunded, converted or forfeited (DESIGN.md §4: the reports show what is still open).
 */
export function openItems(tb: TrialBalance, code: AccountCode): TrialBalanceRow[] {
  return tb.rows.filter((r) => r.account.code === code && !r.balance.isZero());
}

/** Per revenue account: revenue booked, remitted to the treasury (4901/<code>) and still to remit. */
export interface UnremittedRevenue {
  readonly code: AccountCode;
  readonly revenue: Money;
  readonly remitted: Money;
  readonly unremitted: Money;
}

/** What each revenue account (4101, 4102, 4103) has booked and not yet paid over to the treasury. */
export function unremittedRevenue(lines: ReadonlyArray<JournalLine>): UnremittedRevenue[] {
  return REVENUE_ACCOUNT_CODES.map((code) => {
    const revenue = balanceOf(lines, accountRef(code));
    const remitted = balanceOf(lines, accountRef(ACCOUNT.TREASURY_REMITTED, code));
    return Object.freeze({ code, revenue, remitted, unremitted: revenue.subtract(remitted) });
  });
}
