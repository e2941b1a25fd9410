import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { toShanghaiDate } from '@app/calendar/domain/calendar-day';
import { DomainError, DomainErrors, pageWindow, type Actor, type Page, type PageQueryDto } from '@app/common';
import { TransactionRunner } from '@app/database';
import { Money } from '@app/money/money';
import { parseBankStatement, MAX_LISTED_STATEMENT_ERRORS, type StatementEncoding, type StatementLine } from '../domain/bank-statement';
import { DIRECTION_OF_KIND, reconcile, type ExpectedItem, type MatchRule, type Suggestion } from '../domain/reconciliation';
import { LEDGER_LOCK, lockLedger } from './ledger-locks';
import { ReconciliationSources } from './reconciliation-sources';

/** Statuses of a stored statement line (bank_statement_line.status). */
export const LINE_STATUSES = ['matched', 'partial', 'unmatched', 'resolved', 'ignored'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];
/** Lines finance still has to look at. */
export const OPEN_LINE_STATUSES: ReadonlyArray<LineStatus> = ['unmatched', 'partial'];

/** An expected item as the API shows it. */
export interface ExpectedItemView {
  id: string;
  kind: string;
  amount: string;
  subAccount?: string;
  reference?: string;
  dueDate?: string;
  /** Already booked: a line matching it confirms it (see ExpectedItem.recorded). */
  recorded?: true;
}

/** A suggestion stored with an unmatched line, or the candidate of a partial one (`partial: true`). */
export interface StoredSuggestion extends ExpectedItemView {
  reasons: string[];
  /** 0–1, two decimals (how alike the reference / sub-account are). */
  similarity?: number;
  daysFromDue?: number;
  /** Set on the candidate of a partial line. */
  partial?: true;
  rule?: MatchRule;
  /** line − expected, on a partial candidate. */
  difference?: string;
}

export interface StatementLineView {
  id: string;
  statementId: string;
  lineNo: number;
  txnId: string;
  bookedAt: Date;
  /** Shanghai calendar date of bookedAt. */
  date: string;
  /** credit = money in (receipt), debit = money out (payout). */
  direction: 'credit' | 'debit';
  /** Positive; the sign is in `direction`. */
  amount: string;
  counterpartyName: string | null;
  counterpartyAccount: string | null;
  subAccount: string | null;
  reference: string | null;
  status: LineStatus;
  matchedKind: string | null;
  matchedId: string | null;
  /** line − expected: on partial lines and on lines resolved by hand against an item. */
  difference: string | null;
  suggestions: StoredSuggestion[];
  resolutionReason: string | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
}

export type StatusCounts = Record<LineStatus, number>;

export interface SkippedLine {
  /** Physical line of the file. */
  line: number;
  txnId: string;
  /** The statement that already holds this bank transaction. */
  statementId: string;
  /** True when the stored line has another amount, direction or time: look at it. */
  conflicting: boolean;
}

export interface StatementImportReport {
  duplicate: false;
  statementId: string;
  filename: string;
  fingerprint: string;
  encoding: StatementEncoding;
  importedAt: Date;
  counts: {
    /** Transaction lines in the file. */
    lines: number;
    /** Lines stored by this import (the file's lines less the skipped ones). */
    stored: number;
    skipped: number;
    matched: number;
    partial: number;
    unmatched: number;
    /** Expected items left without a line. */
    outstanding: number;
  };
  matched: Array<{ line: StatementLineView; item: ExpectedItemView; rule: MatchRule }>;
  partial: Array<{ line: StatementLineView; item: ExpectedItemView; rule: MatchRule; difference: string }>;
  unmatched: Array<{ line: StatementLineView; suggestions: StoredSuggestion[] }>;
  skipped: SkippedLine[];
  outstanding: ExpectedItemView[];
}

export interface DuplicateStatementReport {
  duplicate: true;
  statementId: string;
  /** The file name of the first import. */
  filename: string;
  fingerprint: string;
  importedAt: Date;
  message: string;
  /** The statement's lines by status, as they stand now. */
  counts: StatusCounts;
}

export type StatementImportResult = StatementImportReport | DuplicateStatementReport;

export interface StatementView {
  id: string;
  filename: string;
  fingerprint: string;
  encoding: string;
  /** Transaction lines in the file (lines skipped as already imported included). */
  lineCount: number;
  /** Lines stored with this statement. */
  storedLines: number;
  importedAt: Date;
  importedBy: string | null;
  counts: StatusCounts;
}

export type LineResolution = { action: 'match'; itemId: string; reason: string } | { action: 'ignore'; reason: string };

interface LineRow {
  id: string;
  statement_id: string;
  line_no: number;
  txn_id: string;
  booked_at: Date;
  amount: string;
  counterparty_name: string | null;
  counterparty_account: string | null;
  sub_account: string | null;
  reference: string | null;
  status: LineStatus;
  matched_kind: string | null;
  matched_id: string | null;
  difference: string | null;
  suggestions: StoredSuggestion[] | null;
  resolution_reason: string | null;
  resolved_by: string | null;
  resolved_at: Date | null;
}

const LINE_COLUMNS = `l.id, l.statement_id, l.line_no, l.txn_id, l.booked_at, l.amount::text AS amount, l.counterparty_name, l.counterparty_account,
  l.sub_account, l.reference, l.status, l.matched_kind, l.matched_id, l.difference::text AS difference, l.suggestions, l.resolution_reason,
  l.resolved_by, l.resolved_at`;

const FILENAME = /^[^\\/\0\p{Cc}]{1,255}$/u;
const MIN_REASON = 2;

function emptyCounts(): StatusCounts {
  return { matched: 0, partial: 0, unmatched: 0, resolved: 0, ignored: 0 };
}

export function itemView(item: ExpectedItem): ExpectedItemView {
  return {
    id: item.id,
    kind: item.kind,
    amount: item.amount.toString(),
    ...(item.subAccount === undefined ? {} : { subAccount: item.subAccount }),
    ...(item.reference === undefined ? {} : { reference: item.reference }),
    ...(item.dueDate === undefined ? {} : { dueDate: item.dueDate }),
    ...(item.recorded === true ? { recorded: true as const } : {}),
  };
}

function suggestionView(s: Suggestion<ExpectedItem>): StoredSuggestion {
  return {
    ...itemView(s.item),
    reasons: [...s.reasons],
    // a score for people to sort by, not an amount
    similarity: Math.round(s.similarity * 100) / 100,
    ...(s.daysFromDue === undefined ? {} : { daysFromDue: s.daysFromDue }),
  };
}

function lineView(r: LineRow): StatementLineView {
  const signed = Money.of(r.amount);
  return {
    id: r.id,
    statementId: r.statement_id,
    lineNo: r.line_no,
    txnId: r.txn_id,
    bookedAt: r.booked_at,
    date: toShanghaiDate(r.booked_at),
    direction: signed.isNegative() ? 'debit' : 'credit',
    amount: signed.abs().toString(),
    counterpartyName: r.counterparty_name,
    counterpartyAccount: r.counterparty_account,
    subAccount: r.sub_account,
    reference: r.reference,
    status: r.status,
    matchedKind: r.matched_kind,
    matchedId: r.matched_id,
    difference: r.difference,
    suggestions: r.suggestions ?? [],
    resolutionReason: r.resolution_reason,
    resolvedBy: r.resolved_by,
    resolvedAt: r.resolved_at,
  };
}

/** A stored line as the StatementLine a source's `settle` receives (the running balance is not stored). */
export function statementLineOf(r: LineRow): StatementLine {
  const signed = Money.of(r.amount);
  return Object.freeze({
    lineNumber: r.line_no,
    txnId: r.txn_id,
    bookedAt: r.booked_at,
    date: toShanghaiDate(r.booked_at),
    direction: signed.isNegative() ? ('debit' as const) : ('credit' as const),
    amount: signed.abs(),
    ...(r.counterparty_name === null ? {} : { counterpartyName: r.counterparty_name }),
    ...(r.counterparty_account === null ? {} : { counterpartyAccount: r.counterparty_account }),
    ...(r.sub_account === null ? {} : { subAccount: r.sub_account }),
    reference: r.reference ?? '',
  });
}

/**
 * Bank reconciliation (银行对账): imports a bank statement CSV, matches its lines to what the ledger
 * expects (deposits, installments, penalties, refunds, remittances — see ReconciliationSources) and
 * lets finance resolve what did not match, by hand and with a reason.
 *
 * - A statement with any error is rejected whole (STATEMENT_INVALID listing every line and column):
 *   nothing is stored.
 * - A statement already imported (same fingerprint: same content, whatever its encoding, line endings
 *   or quoting) is answered `duplicate: true`; nothing changes, nothing is audited.
 * - A line whose bank transaction id is already stored (overlapping statements) is skipped and
 *   reported, flagged `conflicting` when its content differs.
 * - Everything else happens in one transaction: the statement, its lines with their status, the
 *   sources' `settle` for every exact match (which may post ledger entries) and the audit record.
 *   Imports and resolutions are serialized (an advisory lock) so an item is never matched twice.
 */
@Injectable()
export class StatementImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly sources: ReconciliationSources,
  ) {}

  async importStatement(input: { filename: string; content: Uint8Array }, actor?: Actor): Promise<StatementImportResult> {
    const filename = input.filename.trim();
    if (!FILENAME.test(filename)) throw new DomainError('FILENAME_INVALID', 'filename must be a plain file name of 1–255 characters', 'filename');
    const parsed = parseBankStatement(input.content);
    if (parsed.errors.length > 0) {
      const total = parsed.errors.length;
      const listed = parsed.errors.slice(0, MAX_LISTED_STATEMENT_ERRORS).map((e) => ({
        line: e.line,
        ...(e.column === undefined ? {} : { column: e.column, field: e.column }),
        code: e.code,
        message: e.message,
      }));
      throw new DomainErrors(
        'STATEMENT_INVALID',
        `the bank statement was rejected and nothing was stored: ${total} problem(s)${total > listed.length ? `, the first ${listed.length} listed` : ''}; first: ${parsed.errors[0].message}`,
        listed,
      );
    }

    return this.tx.run(async (em) => {
      await lockLedger(em, LEDGER_LOCK.RECONCILIATION);
      const [known] = (await em.query(`SELECT id, filename, imported_at FROM bank_statement WHERE fingerprint = $1`, [parsed.fingerprint])) as Array<{
        id: string;
        filename: string;
        imported_at: Date;
      }>;
      if (known) {
        return {
          duplicate: true as const,
          statementId: known.id,
          filename: known.filename,
          fingerprint: parsed.fingerprint,
          importedAt: known.imported_at,
          message: `this statement was already imported (as "${known.filename}"); nothing was changed`,
          counts: (await this.countsOf(em, [known.id])).get(known.id) ?? emptyCounts(),
        };
      }

      // Bank transactions already stored by an overlapping statement are skipped.
      const stored = (await em.query(
        `SELECT txn_id, statement_id, amount::text AS amount, booked_at FROM bank_statement_line WHERE txn_id = ANY($1::text[])`,
        [parsed.lines.map((l) => l.txnId)],
      )) as Array<{ txn_id: string; statement_id: string; amount: string; booked_at: Date }>;
      const storedByTxn = new Map(stored.map((r) => [r.txn_id, r]));
      const skipped: SkippedLine[] = [];
      const fresh: StatementLine[] = [];
      for (const line of parsed.lines) {
        const previous = storedByTxn.get(line.txnId);
        if (previous === undefined) {
          fresh.push(line);
          continue;
        }
        const signed = line.direction === 'debit' ? line.amount.negate() : line.amount;
        const same = Money.of(previous.amount).eq(signed) && previous.booked_at.getTime() === line.bookedAt.getTime();
        skipped.push({ line: line.lineNumber, txnId: line.txnId, statementId: previous.statement_id, conflicting: !same });
      }

      const [statement] = (await em.query(
        `INSERT INTO bank_statement (fingerprint, filename, encoding, line_count, imported_by) VALUES ($1, $2, $3, $4, $5) RETURNING id, imported_at`,
        [parsed.fingerprint, filename, parsed.encoding, parsed.lines.length, actor?.id ?? null],
      )) as Array<{ id: string; imported_at: Date }>;

      const items = await this.expectedItems(em);
      const report = reconcile(fresh, items);
      const rowOf = new Map<string, Record<string, unknown>>();
      const base = (line: StatementLine): Record<string, unknown> => ({
        line_no: line.lineNumber,
        txn_id: line.txnId,
        booked_at: line.bookedAt.toISOString(),
        amount: (line.direction === 'debit' ? line.amount.negate() : line.amount).toString(),
        counterparty_name: line.counterpartyName ?? null,
        counterparty_account: line.counterpartyAccount ?? null,
        sub_account: line.subAccount ?? null,
        reference: line.reference === '' ? null : line.reference,
        matched_kind: null,
        matched_id: null,
        difference: null,
        suggestions: [],
      });
      for (const m of report.matched) rowOf.set(m.line.txnId, { ...base(m.line), status: 'matched', matched_kind: m.item.kind, matched_id: m.item.id });
      // A partial line stays open: its candidate is a suggestion, so the item is still expected until finance decides.
      for (const p of report.partial) {
        const candidate: StoredSuggestion = { ...itemView(p.item), reasons: [p.rule === 'sub_account' ? 'same_sub_account' : 'same_reference'], partial: true, rule: p.rule, difference: p.difference.toString() };
        rowOf.set(p.line.txnId, { ...base(p.line), status: 'partial', difference: p.difference.toString(), suggestions: [candidate] });
      }
      for (const u of report.unmatched) rowOf.set(u.line.txnId, { ...base(u.line), status: 'unmatched', suggestions: u.suggestions.map(suggestionView) });

      const rows = fresh.map((l) => rowOf.get(l.txnId)!);
      if (rows.length > 0) {
        await em.query(
          `INSERT INTO bank_statement_line (statement_id, line_no, txn_id, booked_at, amount, counterparty_name, counterparty_account, sub_account, reference,
                                            status, matched_kind, matched_id, difference, suggestions)
           SELECT $1, x.line_no, x.txn_id, x.booked_at, x.amount, x.counterparty_name, x.counterparty_account, x.sub_account, x.reference,
                  x.status, x.matched_kind, x.matched_id, x.difference, x.suggestions
             FROM jsonb_to_recordset($2::jsonb) AS x(line_no int, txn_id text, booked_at timestamptz, amount numeric, counterparty_name text,
                  counterparty_account text, sub_account text, reference text, status text, matched_kind text, matched_id text, difference numeric, suggestions jsonb)`,
          [statement.id, JSON.stringify(rows)],
        );
      }

      // What an exact match means (a premium payment, a refund paid…) is recorded by its source.
      for (const m of report.matched) await this.sourceOf(m.item.kind).settle(em, m.item, m.line);

      const views = new Map(
        ((await em.query(`SELECT ${LINE_COLUMNS} FROM bank_statement_line l WHERE l.statement_id = $1`, [statement.id])) as LineRow[]).map((r) => [r.txn_id, lineView(r)]),
      );
      const counts = {
        lines: parsed.lines.length,
        stored: fresh.length,
        skipped: skipped.length,
        matched: report.matched.length,
        partial: report.partial.length,
        unmatched: report.unmatched.length,
        outstanding: report.outstanding.length,
      };
      await this.audit.record(em, {
        action: 'bank_statement.import',
        entityType: 'bank_statement',
        entityId: statement.id,
        after: {
          filename,
          fingerprint: parsed.fingerprint,
          encoding: parsed.encoding,
          counts,
          matched: report.matched.map((m) => ({ txnId: m.line.txnId, itemId: m.item.id, rule: m.rule })),
          skipped,
        },
      });
      return {
        duplicate: false as const,
        statementId: statement.id,
        filename,
        fingerprint: parsed.fingerprint,
        encoding: parsed.encoding,
        importedAt: statement.imported_at,
        counts,
        matched: report.matched.map((m) => ({ line: views.get(m.line.txnId)!, item: itemView(m.item), rule: m.rule })),
        partial: report.partial.map((p) => ({ line: views.get(p.line.txnId)!, item: itemView(p.item), rule: p.rule, difference: p.difference.toString() })),
        unmatched: report.unmatched.map((u) => ({ line: views.get(u.line.txnId)!, suggestions: views.get(u.line.txnId)!.suggestions })),
        skipped,
        outstanding: report.outstanding.map(itemView),
      };
    });
  }

  /**
   * Finance's decision on an open (unmatched or partial) line, with a reason of at least 2 characters:
   * `match` it to an item still expected (the item's source records what the money means), or
   * `ignore` it (a bank fee, an unrelated transfer). A line already decided is LINE_ALREADY_RESOLVED.
   */
  async resolve(lineId: string, resolution: LineResolution, actor?: Actor): Promise<StatementLineView> {
    const reason = typeof resolution.reason === 'string' ? resolution.reason.trim() : '';
    if (reason.length < MIN_REASON) throw new DomainError('REASON_REQUIRED', `a reason of at least ${MIN_REASON} characters is required`, 'reason');
    return this.tx.run(async (em) => {
      await lockLedger(em, LEDGER_LOCK.RECONCILIATION);
      const [row] = (await em.query(`SELECT ${LINE_COLUMNS} FROM bank_statement_line l WHERE l.id = $1 FOR UPDATE`, [lineId])) as LineRow[];
      if (!row) throw new DomainError('LINE_NOT_FOUND', 'no bank statement line has this id');
      if (!(OPEN_LINE_STATUSES as ReadonlyArray<string>).includes(row.status)) {
        throw new DomainError('LINE_ALREADY_RESOLVED', `this line is already ${row.status}; it cannot be resolved again`, undefined, { status: row.status });
      }
      const before = lineView(row);
      const line = statementLineOf(row);
      if (resolution.action === 'match') {
        const itemId = typeof resolution.itemId === 'string' ? resolution.itemId : '';
        const item = (await this.expectedItems(em)).find((i) => i.id === itemId);
        if (!item) throw new DomainError('ITEM_NOT_EXPECTED', `${JSON.stringify(itemId)} is not an item still expected (unknown, or already matched)`, 'itemId');
        if (DIRECTION_OF_KIND[item.kind] !== line.direction) {
          throw new DomainError(
            'ITEM_DIRECTION_MISMATCH',
            `a ${item.kind} is money ${DIRECTION_OF_KIND[item.kind] === 'credit' ? 'in' : 'out'}, but this line is money ${line.direction === 'credit' ? 'in' : 'out'}`,
            'itemId',
          );
        }
        await this.sourceOf(item.kind).settle(em, item, line);
        await em.query(
          `UPDATE bank_statement_line SET status = 'resolved', matched_kind = $2, matched_id = $3, difference = $4, resolution_reason = $5, resolved_by = $6, resolved_at = clock_timestamp() WHERE id = $1`,
          [lineId, item.kind, item.id, line.amount.subtract(item.amount).toString(), reason, actor?.id ?? null],
        );
      } else if (resolution.action === 'ignore') {
        await em.query(
          `UPDATE bank_statement_line SET status = 'ignored', resolution_reason = $2, resolved_by = $3, resolved_at = clock_timestamp() WHERE id = $1`,
          [lineId, reason, actor?.id ?? null],
        );
      } else {
        throw new DomainError('RESOLUTION_INVALID', 'action must be "match" or "ignore"', 'action');
      }
      const [updated] = (await em.query(`SELECT ${LINE_COLUMNS} FROM bank_statement_line l WHERE l.id = $1`, [lineId])) as LineRow[];
      const after = lineView(updated);
      await this.audit.record(em, {
        action: resolution.action === 'match' ? 'bank_statement_line.match' : 'bank_statement_line.ignore',
        entityType: 'bank_statement_line',
        entityId: lineId,
        before: { status: before.status, matchedKind: before.matchedKind, matchedId: before.matchedId, difference: before.difference },
        after: { status: after.status, matchedKind: after.matchedKind, matchedId: after.matchedId, difference: after.difference, txnId: after.txnId },
        reason,
      });
      return after;
    });
  }

  /** Every item the registered sources still expect on a statement (ids unique across sources). */
  async expectedItems(em: EntityManager = this.dataSource.manager): Promise<ExpectedItem[]> {
    const items: ExpectedItem[] = [];
    for (const source of this.sources.all()) {
      for (const item of await source.expected(em)) {
        if (item.kind !== source.kind) throw new Error(`the ${source.kind} reconciliation source returned an item of kind ${item.kind}`);
        items.push(item);
      }
    }
    return items;
  }

  async list(query: PageQueryDto): Promise<Page<StatementView>> {
    const { page, pageSize, skip } = pageWindow(query);
    const em = this.dataSource.manager;
    const rows = (await em.query(
      `SELECT s.id, s.filename, s.fingerprint, s.encoding, s.line_count, s.imported_at, s.imported_by, count(*) OVER () AS total
         FROM bank_statement s ORDER BY s.imported_at DESC, s.id LIMIT $1 OFFSET $2`,
      [pageSize, skip],
    )) as Array<{ id: string; filename: string; fingerprint: string; encoding: string; line_count: number; imported_at: Date; imported_by: string | null; total: string }>;
    const counts = await this.countsOf(em, rows.map((r) => r.id));
    const total = rows.length > 0 ? Number.parseInt(rows[0].total, 10) : (await this.countStatements(em));
    return { items: rows.map((r) => this.statementView(r, counts.get(r.id) ?? emptyCounts())), total, page, pageSize };
  }

  async get(id: string): Promise<StatementView & { lines: StatementLineView[] }> {
    const em = this.dataSource.manager;
    const [row] = (await em.query(`SELECT id, filename, fingerprint, encoding, line_count, imported_at, imported_by FROM bank_statement WHERE id = $1`, [id])) as Array<{
      id: string;
      filename: string;
      fingerprint: string;
      encoding: string;
      line_count: number;
      imported_at: Date;
      imported_by: string | null;
    }>;
    if (!row) throw new DomainError('STATEMENT_NOT_FOUND', 'no bank statement has this id');
    const lines = ((await em.query(`SELECT ${LINE_COLUMNS} FROM bank_statement_line l WHERE l.statement_id = $1 ORDER BY l.line_no`, [id])) as LineRow[]).map(lineView);
    return { ...this.statementView(row, (await this.countsOf(em, [id])).get(id) ?? emptyCounts()), lines };
  }

  /** Lines by status (default: the open ones, unmatched and partial), oldest first. */
  async lines(query: PageQueryDto & { status?: LineStatus }): Promise<Page<StatementLineView>> {
    const { page, pageSize, skip } = pageWindow(query);
    const statuses = query.status === undefined ? [...OPEN_LINE_STATUSES] : [query.status];
    const em = this.dataSource.manager;
    const rows = (await em.query(
      `SELECT ${LINE_COLUMNS}, count(*) OVER () AS total FROM bank_statement_line l WHERE l.status = ANY($1::text[])
        ORDER BY l.booked_at, l.txn_id LIMIT $2 OFFSET $3`,
      [statuses, pageSize, skip],
    )) as Array<LineRow & { total: string }>;
    const total =
      rows.length > 0
        ? Number.parseInt(rows[0].total, 10)
        : Number.parseInt(((await em.query(`SELECT count(*) AS n FROM bank_statement_line WHERE status = ANY($1::text[])`, [statuses])) as Array<{ n: string }>)[0].n, 10);
    return { items: rows.map(lineView), total, page, pageSize };
  }

  private sourceOf(kind: ExpectedItem['kind']) {
    const source = this.sources.of(kind);
    if (!source) throw new Error(`no reconciliation source is registered for ${kind}`);
    return source;
  }

  private async countStatements(em: EntityManager): Promise<number> {
    return Number.parseInt(((await em.query(`SELECT count(*) AS n FROM bank_statement`)) as Array<{ n: string }>)[0].n, 10);
  }

  private async countsOf(em: EntityManager, ids: string[]): Promise<Map<string, StatusCounts>> {
    const out = new Map<string, StatusCounts>();
    if (ids.length === 0) return out;
    const rows = (await em.query(
      `SELECT statement_id, status, count(*) AS n FROM bank_statement_line WHERE statement_id = ANY($1::uuid[]) GROUP BY statement_id, status`,
      [ids],
    )) as Array<{ statement_id: string; status: LineStatus; n: string }>;
    for (const id of ids) out.set(id, emptyCounts());
    for (const r of rows) out.get(r.statement_id)![r.status] = Number.parseInt(r.n, 10);
    return out;
  }

  private statementView(
    r: { id: string; filename: string; fingerprint: string; encoding: string; line_count: number; imported_at: Date; imported_by: string | null },
    counts: StatusCounts,
  ): StatementView {
    const storedLines = Object.values(counts).reduce((a, b) => a + b, 0);
    return { id: r.id, filename: r.filename, fingerprint: r.fingerprint, encoding: r.encoding, lineCount: r.line_count, storedLines, importedAt: r.imported_at, importedBy: r.imported_by, counts };
  }
}
