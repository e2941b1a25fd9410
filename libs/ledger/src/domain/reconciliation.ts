import { daysBetween, type IsoDate } from '@app/calendar/domain/calendar-day';
import { DomainError } from '@app/common/domain-error';
import type { Money } from '@app/money/money';

/**
 * Bank reconciliation (银行对账): matches statement lines to the items the ledger expects, as a pure
 * function returning a report the finance officer reviews.
 *
 * Rules, applied in this order, each pass over the lines in line order (date, time, txnId):
 * 1. **sub-account + amount** (exact): the line's 子账号 equals the item's sub-account and the amounts
 *    are equal → `matched`, rule `sub_account`;
 * 2. **reference + amount** (exact): the item's reference occurs in the line's 摘要/附言 as a whole token
 *    (not inside a longer run of letters/digits: "HT-2025-001" does not match "HT-2025-0011";
 *    compared after NFKC, upper-casing and removing spaces) and the amounts are equal → `matched`,
 *    rule `reference`;
 * 3. **partial**: the sub-account matches (else, 4., the reference matches) but the amount differs →
 *    `partial` with `difference = line − expected` (positive: more arrived than expected); among several
 *    candidates the smallest difference wins;
 * 5. every other line is `unmatched`, with up to {@link MAX_SUGGESTIONS} suggestions from the items left
 *    outstanding, ranked by: same amount first, then reference/sub-account similarity, then closeness of
 *    the line's date to the due date, then item id. An item is suggested only if it has the same amount,
 *    a similar reference or sub-account (similarity ≥ {@link SIMILARITY_THRESHOLD}), or a due date within
 *    {@link CLOSE_DATE_DAYS} days;
 * 6. items never matched are `outstanding`.
 *
 * Credits (money in) only match receipts (deposit, installment, penalty); debits (money out) only
 * match payouts (refund, remittance). Each item matches at most one line and each line at most one
 * item. When several items qualify for a line, the earliest due (items without a due date last), then
 * the smallest id, is taken — a payment settles the oldest open item first. The report does not depend
 * on the order of the inputs.
 */

export const EXPECTED_KINDS = ['deposit', 'installment', 'penalty', 'refund', 'remittance'] as const;
export type ExpectedKind = (typeof EXPECTED_KINDS)[number];

/** The statement direction each kind of item can match. */
export const DIRECTION_OF_KIND: Readonly<Record<ExpectedKind, 'credit' | 'debit'>> = Object.freeze({
  deposit: 'credit',
  installment: 'credit',
  penalty: 'credit',
  refund: 'debit',
  remittance: 'debit',
});

/** Something the ledger expects to see on the statement. */
export interface ExpectedItem {
  /** Unique among the items. */
  readonly id: string;
  readonly kind: ExpectedKind;
  /** The virtual sub-account money should arrive on (deposits). */
  readonly subAccount?: string;
  /** A code the payer was told to quote (contract number, notice number…). */
  readonly reference?: string;
  readonly amount: Money;
  readonly dueDate?: IsoDate;
  /**
   * The movement is already booked (a refund recorded as paid by hand, a remittance): a line that
   * matches it confirms it and books nothing. Matching works the same way.
   */
  readonly recorded?: boolean;
}

/** The fields of a statement line used here ({@link StatementLine} has them all). */
export interface ReconcilableLine {
  /** Unique among the lines. */
  readonly txnId: string;
  readonly direction: 'credit' | 'debit';
  /** Positive. */
  readonly amount: Money;
  readonly date: IsoDate;
  readonly bookedAt?: Date;
  readonly subAccount?: string;
  readonly reference: string;
}

export type MatchRule = 'sub_account' | 'reference';

export interface Match<L extends ReconcilableLine, I extends ExpectedItem> {
  readonly line: L;
  readonly item: I;
  readonly rule: MatchRule;
}

export interface PartialMatch<L extends ReconcilableLine, I extends ExpectedItem> extends Match<L, I> {
  /** line amount − expected amount. */
  readonly difference: Money;
}

export type SuggestionReason = 'same_amount' | 'similar_reference' | 'similar_sub_account' | 'close_date';

export interface Suggestion<I extends ExpectedItem> {
  readonly item: I;
  readonly reasons: ReadonlyArray<SuggestionReason>;
  /** Best of the reference and sub-account similarities, 0 (nothing alike) to 1 (identical). */
  readonly similarity: number;
  /** Whole days from the due date to the line's date (negative: paid early); absent without a due date. */
  readonly daysFromDue?: number;
}

export interface UnmatchedLine<L extends ReconcilableLine, I extends ExpectedItem> {
  readonly line: L;
  readonly suggestions: ReadonlyArray<Suggestion<I>>;
}

export interface ReconciliationReport<L extends ReconcilableLine, I extends ExpectedItem> {
  /** In line order. */
  readonly matched: ReadonlyArray<Match<L, I>>;
  /** In line order. */
  readonly partial: ReadonlyArray<PartialMatch<L, I>>;
  /** In line order. */
  readonly unmatched: ReadonlyArray<UnmatchedLine<L, I>>;
  /** In item order (due date, then id). */
  readonly outstanding: ReadonlyArray<I>;
  readonly summary: {
    readonly lines: number;
    readonly items: number;
    readonly matched: number;
    readonly partial: number;
    readonly unmatched: number;
    readonly outstanding: number;
  };
}

export const MAX_SUGGESTIONS = 3;
export const SIMILARITY_THRESHOLD = 0.6;
export const CLOSE_DATE_DAYS = 7;

/** NFKC, upper case, no whitespace: how references and sub-accounts are compared. */
export function normalizeForMatch(value: string | undefined): string {
  return (value ?? '').normalize('NFKC').toUpperCase().replace(/[\s\u3000]+/g, '');
}

function normalizeSubAccount(value: string | undefined): string {
  return normalizeForMatch(value).replace(/-/g, '');
}

const WORD_CHAR = /[A-Z0-9]/;

/** True when `reference` occurs in `text` as a whole token (both already normalised). */
export function containsReference(text: string, reference: string): boolean {
  if (reference === '') return false;
  let from = 0;
  for (;;) {
    const at = text.indexOf(reference, from);
    if (at === -1) return false;
    const before = at === 0 ? '' : text[at - 1];
    const after = text[at + reference.length] ?? '';
    const joinsBefore = before !== '' && WORD_CHAR.test(before) && WORD_CHAR.test(reference[0]);
    const joinsAfter = after !== '' && WORD_CHAR.test(after) && WORD_CHAR.test(reference[reference.length - 1]);
    if (!joinsBefore && !joinsAfter) return true;
    from = at + 1;
  }
}

/** Levenshtein distance (insert, delete, substitute; by UTF-16 unit). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * How well `pattern` occurs somewhere in `text`: 1 − (fewest edits turning `pattern` into some
 * substring of `text`) ÷ |pattern| (approximate substring matching), 0 when either is empty.
 */
export function substringSimilarity(pattern: string, text: string): number {
  if (pattern === '' || text === '') return 0;
  const p = pattern.slice(0, 200);
  const t = text.slice(0, 1000);
  // Sellers: row 0 is all zeros, so a match may start anywhere in the text.
  let prev = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= p.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (p[i - 1] === t[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  const best = Math.min(...prev);
  return Math.max(0, 1 - best / p.length);
}

function lineOrder(a: ReconcilableLine, b: ReconcilableLine): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const ta = a.bookedAt?.getTime() ?? 0;
  const tb = b.bookedAt?.getTime() ?? 0;
  if (ta !== tb) return ta - tb;
  return a.txnId < b.txnId ? -1 : a.txnId > b.txnId ? 1 : 0;
}

const LAST_DATE = '9999-12-31';

function itemOrder(a: ExpectedItem, b: ExpectedItem): number {
  const da = a.dueDate ?? LAST_DATE;
  const db = b.dueDate ?? LAST_DATE;
  if (da !== db) return da < db ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function assertUnique(values: ReadonlyArray<string>, what: string): void {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) throw new DomainError('RECONCILIATION_INPUT_INVALID', `${what} ${v} appears twice`);
    seen.add(v);
  }
}

/** Matches `lines` to `items`; see the module notes for the rules. Throws RECONCILIATION_INPUT_INVALID on duplicate ids. */
export function reconcile<L extends ReconcilableLine, I extends ExpectedItem>(
  lines: ReadonlyArray<L>,
  items: ReadonlyArray<I>,
): ReconciliationReport<L, I> {
  assertUnique(lines.map((l) => l.txnId), 'transaction id');
  assertUnique(items.map((i) => i.id), 'expected item id');
  const orderedLines = [...lines].sort(lineOrder);
  const orderedItems = [...items].sort(itemOrder);
  const lineKeys = new Map(orderedLines.map((l) => [l, { sub: normalizeSubAccount(l.subAccount), text: normalizeForMatch(l.reference) }]));
  const itemKeys = new Map(orderedItems.map((i) => [i, { sub: normalizeSubAccount(i.subAccount), ref: normalizeForMatch(i.reference) }]));

  const claimedItems = new Set<I>();
  const claimedLines = new Map<L, Match<L, I> | PartialMatch<L, I>>();
  const subMatches = (l: L, i: I): boolean => {
    const sub = itemKeys.get(i)!.sub;
    return sub !== '' && sub === lineKeys.get(l)!.sub;
  };
  const refMatches = (l: L, i: I): boolean => containsReference(lineKeys.get(l)!.text, itemKeys.get(i)!.ref);

  const pass = (rule: MatchRule, keyMatches: (l: L, i: I) => boolean, exact: boolean): void => {
    for (const line of orderedLines) {
      if (claimedLines.has(line)) continue;
      let best: I | undefined;
      let bestDiff: Money | undefined;
      for (const item of orderedItems) {
        if (claimedItems.has(item) || DIRECTION_OF_KIND[item.kind] !== line.direction || !keyMatches(line, item)) continue;
        const equal = item.amount.eq(line.amount);
        if (exact) {
          if (equal) {
            best = item;
            break;
          }
          continue;
        }
        if (equal) continue; // left for an exact pass: cannot happen after them, kept for clarity
        const diff = line.amount.subtract(item.amount).abs();
        if (bestDiff === undefined || diff.lt(bestDiff)) {
          best = item;
          bestDiff = diff;
        }
      }
      if (best === undefined) continue;
      claimedItems.add(best);
      claimedLines.set(
        line,
        exact
          ? Object.freeze({ line, item: best, rule })
          : Object.freeze({ line, item: best, rule, difference: line.amount.subtract(best.amount) }),
      );
    }
  };
  pass('sub_account', subMatches, true);
  pass('reference', refMatches, true);
  pass('sub_account', subMatches, false);
  pass('reference', refMatches, false);

  const outstanding = orderedItems.filter((i) => !claimedItems.has(i));
  const matched: Match<L, I>[] = [];
  const partial: PartialMatch<L, I>[] = [];
  const unmatched: UnmatchedLine<L, I>[] = [];
  for (const line of orderedLines) {
    const m = claimedLines.get(line);
    if (m === undefined) unmatched.push(Object.freeze({ line, suggestions: suggest(line, lineKeys.get(line)!, outstanding, itemKeys) }));
    else if ('difference' in m) partial.push(m);
    else matched.push(m);
  }
  return Object.freeze({
    matched,
    partial,
    unmatched,
    outstanding,
    summary: Object.freeze({
      lines: lines.length,
      items: items.length,
      matched: matched.length,
      partial: partial.length,
      unmatched: unmatched.length,
      outstanding: outstanding.length,
    }),
  });
}

function suggest<L extends ReconcilableLine, I extends ExpectedItem>(
  line: L,
  keys: { sub: string; text: string },
  outstanding: ReadonlyArray<I>,
  itemKeys: ReadonlyMap<I, { sub: string; ref: string }>,
): Suggestion<I>[] {
  const candidates: Suggestion<I>[] = [];
  for (const item of outstanding) {
    if (DIRECTION_OF_KIND[item.kind] !== line.direction) continue;
    const { sub, ref } = itemKeys.get(item)!;
    const reasons: SuggestionReason[] = [];
    const sameAmount = item.amount.eq(line.amount);
    if (sameAmount) reasons.push('same_amount');
    const refSimilarity = substringSimilarity(ref, keys.text);
    if (refSimilarity >= SIMILARITY_THRESHOLD) reasons.push('similar_reference');
    const subSimilarity = sub === '' || keys.sub === '' ? 0 : 1 - editDistance(sub, keys.sub) / Math.max(sub.length, keys.sub.length);
    if (subSimilarity >= SIMILARITY_THRESHOLD) reasons.push('similar_sub_account');
    const daysFromDue = item.dueDate === undefined ? undefined : daysBetween(item.dueDate, line.date);
    if (daysFromDue !== undefined && Math.abs(daysFromDue) <= CLOSE_DATE_DAYS) reasons.push('close_date');
    if (reasons.length === 0) continue;
    const similarity = Math.max(refSimilarity, subSimilarity);
    candidates.push(Object.freeze({ item, reasons, similarity, ...(daysFromDue === undefined ? {} : { daysFromDue }) }));
  }
  candidates.sort((a, b) => {
    const sa = a.reasons.includes('same_amount') ? 1 : 0;
    const sb = b.reasons.includes('same_amount') ? 1 : 0;
    if (sa !== sb) return sb - sa;
    if (a.similarity !== b.similarity) return b.similarity - a.similarity;
    const da = a.daysFromDue === undefined ? Number.POSITIVE_INFINITY : Math.abs(a.daysFromDue);
    const db = b.daysFromDue === undefined ? Number.POSITIVE_INFINITY : Math.abs(b.daysFromDue);
    if (da !== db) return da - db;
    return a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0;
  });
  return candidates.slice(0, MAX_SUGGESTIONS);
}
