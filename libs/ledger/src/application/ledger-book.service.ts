import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import type { IsoDate } from '@app/calendar/domain/calendar-day';
import { DomainError, pageWindow, type Page, type PageQueryDto } from '@app/common';
import { TransactionRunner } from '@app/database';
import { Money } from '@app/money/money';
import { balanceOf, trialBalance, trialBalanceNetsToZero } from '../domain/balances';
import { accountOf, accountRef, isAccountCode, isValidSubject, type AccountCode, type AccountKind, type NormalSide } from '../domain/chart-of-accounts';
import { credit, debit, makeEntry, reversalOf, sourceKey, type JournalEntry, type SourceType } from '../domain/journal';
import { toCsv, toXlsx } from '../export';
import { LedgerService } from './ledger.service';

export interface TrialBalanceRowView {
  accountCode: AccountCode;
  nameZh: string;
  nameEn: string;
  kind: AccountKind;
  normalSide: NormalSide;
  /** null on a row that sums every subject (bySubject=false) or an account without subjects. */
  subject: string | null;
  debitTotal: Money;
  creditTotal: Money;
  /** On the account's normal side. */
  balance: Money;
}

export interface TrialBalanceView {
  asOf: IsoDate | null;
  bySubject: boolean;
  rows: TrialBalanceRowView[];
  totals: { debits: Money; credits: Money };
  /** Debits equal credits exactly. */
  balanced: boolean;
}

export interface EntryLineView {
  lineNo: number;
  accountCode: string;
  accountName: string;
  subject: string | null;
  debit: string | null;
  credit: string | null;
}

export interface EntryView {
  id: string;
  date: string;
  occurredAt: Date;
  description: string;
  source: { type: string; id: string };
  /** Set on a reversing entry: the entry it cancels and why. */
  reversalOf: { type: string; id: string; reason: string } | null;
  /** The entry that reversed this one, if any. */
  reversedBy: string | null;
  postedAt: Date;
  postedBy: string | null;
  lines: EntryLineView[];
}

export interface AccountBalanceView {
  accountCode: AccountCode;
  nameZh: string;
  nameEn: string;
  normalSide: NormalSide;
  subject: string | null;
  asOf: IsoDate | null;
  debitTotal: Money;
  creditTotal: Money;
  balance: Money;
}

export interface EntryQuery extends PageQueryDto {
  from?: IsoDate;
  to?: IsoDate;
  sourceType?: SourceType;
}

interface EntryRow {
  id: string;
  entry_date: string;
  occurred_at: Date;
  description: string;
  source_type: string;
  source_id: string;
  reversal_of_type: string | null;
  reversal_of_id: string | null;
  reversal_reason: string | null;
  posted_at: Date;
  posted_by: string | null;
  reversed_by: string | null;
}

interface LineRow {
  entry_id: string;
  line_no: number;
  account_code: string;
  subject: string;
  debit: string;
  credit: string;
}

const ENTRY_SELECT = `
  SELECT e.id, to_char(e.entry_date, 'YYYY-MM-DD') AS entry_date, e.occurred_at, e.description, e.source_type, e.source_id,
         e.reversal_of_type, e.reversal_of_id, e.reversal_reason, e.posted_at, e.posted_by,
         (SELECT r.id FROM journal_entry r WHERE r.source_type = 'reversal' AND r.source_id = e.source_type || ':' || e.source_id) AS reversed_by
    FROM journal_entry e`;

function entryView(e: EntryRow, lines: LineRow[]): EntryView {
  return {
    id: e.id,
    date: e.entry_date,
    occurredAt: e.occurred_at,
    description: e.description,
    source: { type: e.source_type, id: e.source_id },
    reversalOf: e.reversal_of_type === null ? null : { type: e.reversal_of_type, id: e.reversal_of_id ?? '', reason: e.reversal_reason ?? '' },
    reversedBy: e.reversed_by,
    postedAt: e.posted_at,
    postedBy: e.posted_by,
    lines: lines.map((l) => {
      const d = Money.of(l.debit);
      const c = Money.of(l.credit);
      return {
        lineNo: l.line_no,
        accountCode: l.account_code,
        accountName: isAccountCode(l.account_code) ? accountOf(l.account_code).nameZh : l.account_code,
        subject: l.subject === '' ? null : l.subject,
        debit: d.isZero() ? null : d.toString(),
        credit: c.isZero() ? null : c.toString(),
      };
    }),
  };
}

/**
 * Reads of the ledger (trial balance as of any date, entries, account balances) and the one way to
 * correct it: a reversing entry (the ledger is append-only; the database refuses UPDATE and DELETE).
 */
@Injectable()
export class LedgerBookService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly ledger: LedgerService,
  ) {}

  /** The trial balance (试算平衡表) at the end of `asOf` (default: everything posted). */
  async trialBalance(asOf?: IsoDate, bySubject = false): Promise<TrialBalanceView> {
    const tb = trialBalance(await this.ledger.lines(asOf), { bySubject });
    return {
      asOf: asOf ?? null,
      bySubject,
      rows: tb.rows.map((r) => ({
        accountCode: r.account.code,
        nameZh: r.definition.nameZh,
        nameEn: r.definition.nameEn,
        kind: r.definition.kind,
        normalSide: r.normalSide,
        subject: r.account.subject ?? null,
        debitTotal: r.debitTotal,
        creditTotal: r.creditTotal,
        balance: r.balance,
      })),
      totals: { debits: tb.totalDebits, credits: tb.totalCredits },
      balanced: trialBalanceNetsToZero(tb),
    };
  }

  /** The trial balance as a download: CSV (UTF-8 with BOM) or XLSX, with a 合计 row. */
  async exportTrialBalance(asOf: IsoDate | undefined, bySubject: boolean, format: 'csv' | 'xlsx'): Promise<{ body: Buffer; contentType: string; filename: string }> {
    const tb = await this.trialBalance(asOf, bySubject);
    const headers = ['科目代码', '科目名称', '明细（主体）', '借方合计', '贷方合计', '余额', '余额方向'];
    const rows = [
      ...tb.rows.map((r) => [r.accountCode, r.nameZh, r.subject ?? '', r.debitTotal, r.creditTotal, r.balance, r.normalSide === 'debit' ? '借' : '贷']),
      ['合计', '', '', tb.totals.debits, tb.totals.credits, '', tb.balanced ? '平衡' : '不平衡'],
    ];
    const name = `trial-balance-${asOf ?? 'today'}`;
    return format === 'csv'
      ? { body: toCsv(headers, rows), contentType: 'text/csv; charset=utf-8', filename: `${name}.csv` }
      : { body: await toXlsx('试算平衡表', headers, rows), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `${name}.xlsx` };
  }

  /** One account's balance at the end of `asOf`, for one subject or all of them. */
  async accountBalance(code: string, asOf?: IsoDate, subject?: string): Promise<AccountBalanceView> {
    if (!isAccountCode(code)) throw new DomainError('ACCOUNT_NOT_FOUND', `${JSON.stringify(code)} is not an account of the chart`, 'code');
    if (subject !== undefined && !isValidSubject(subject)) throw new DomainError('SUBJECT_INVALID', 'subject must be 1–64 letters, digits or _ - . : # /', 'subject');
    const def = accountOf(code);
    const lines = await this.ledger.lines(asOf, undefined, { code, subject });
    return {
      accountCode: code,
      nameZh: def.nameZh,
      nameEn: def.nameEn,
      normalSide: def.normalSide,
      subject: subject ?? null,
      asOf: asOf ?? null,
      debitTotal: Money.sum(lines.flatMap((l) => (l.debit === undefined ? [] : [l.debit]))),
      creditTotal: Money.sum(lines.flatMap((l) => (l.credit === undefined ? [] : [l.credit]))),
      balance: balanceOf(lines, accountRef(code, subject)),
    };
  }

  /** Entries with their lines, newest first, filtered by entry date and source type. */
  async entries(query: EntryQuery): Promise<Page<EntryView>> {
    const { page, pageSize, skip } = pageWindow(query);
    const em = this.dataSource.manager;
    const where = `WHERE ($1::date IS NULL OR e.entry_date >= $1::date) AND ($2::date IS NULL OR e.entry_date <= $2::date) AND ($3::text IS NULL OR e.source_type = $3::text)`;
    const params = [query.from ?? null, query.to ?? null, query.sourceType ?? null];
    const rows = (await em.query(`${ENTRY_SELECT} ${where} ORDER BY e.entry_date DESC, e.posted_at DESC, e.id LIMIT $4 OFFSET $5`, [...params, pageSize, skip])) as EntryRow[];
    const [{ n }] = (await em.query(`SELECT count(*) AS n FROM journal_entry e ${where}`, params)) as Array<{ n: string }>;
    const lines = await this.linesOf(em, rows.map((r) => r.id));
    return { items: rows.map((r) => entryView(r, lines.get(r.id) ?? [])), total: Number.parseInt(n, 10), page, pageSize };
  }

  async entry(id: string, em: EntityManager = this.dataSource.manager): Promise<EntryView> {
    const [row] = (await em.query(`${ENTRY_SELECT} WHERE e.id = $1`, [id])) as EntryRow[];
    if (!row) throw new DomainError('ENTRY_NOT_FOUND', 'no journal entry has this id');
    return entryView(row, (await this.linesOf(em, [id])).get(id) ?? []);
  }

  /**
   * Posts the entry that cancels entry `id` (same lines, sides swapped, dated today), audited with
   * the reason. An entry is reversed once (ALREADY_REVERSED), and a reversal itself is not reversed
   * (REVERSAL_NOT_REVERSIBLE: post the correct entry instead).
   */
  async reverse(id: string, reason: string): Promise<EntryView> {
    const why = typeof reason === 'string' ? reason.trim() : '';
    if (why.length < 2) throw new DomainError('REASON_REQUIRED', 'a reason of at least 2 characters is required', 'reason');
    return this.tx.run(async (em) => {
      const original = await this.journalEntry(em, id);
      if (original.source.type === 'reversal') {
        throw new DomainError('REVERSAL_NOT_REVERSIBLE', 'a reversing entry cannot itself be reversed; post the correct entry instead');
      }
      const now = await this.tx.now(em);
      const posted = await this.ledger.post(em, reversalOf(original, why, now));
      if (posted.duplicate) {
        throw new DomainError('ALREADY_REVERSED', `entry ${id} (${sourceKey(original.source)}) was already reversed`, undefined, { reversalEntryId: posted.id });
      }
      await this.audit.record(em, {
        action: 'journal_entry.reverse',
        entityType: 'journal_entry',
        entityId: id,
        after: { reversalEntryId: posted.id, source: sourceKey(original.source) },
        reason: why,
      });
      return this.entry(posted.id, em);
    });
  }

  /** A stored entry read back as the domain's JournalEntry. */
  async journalEntry(em: EntityManager, id: string): Promise<JournalEntry> {
    const [row] = (await em.query(`${ENTRY_SELECT} WHERE e.id = $1`, [id])) as EntryRow[];
    if (!row) throw new DomainError('ENTRY_NOT_FOUND', 'no journal entry has this id');
    const lines = (await this.linesOf(em, [id])).get(id) ?? [];
    return makeEntry({
      at: row.occurred_at,
      date: row.entry_date as IsoDate,
      description: row.description,
      source: { type: row.source_type as SourceType, id: row.source_id },
      lines: lines.map((l) => {
        if (!isAccountCode(l.account_code)) throw new Error(`unknown account ${l.account_code} in the ledger`);
        const account = accountRef(l.account_code, l.subject === '' ? undefined : l.subject);
        const d = Money.of(l.debit);
        return d.isZero() ? credit(account, Money.of(l.credit)) : debit(account, d);
      }),
      ...(row.reversal_of_type === null
        ? {}
        : { reversal: { of: { type: row.reversal_of_type as SourceType, id: row.reversal_of_id ?? '' }, reason: row.reversal_reason ?? '' } }),
    });
  }

  private async linesOf(em: EntityManager, ids: string[]): Promise<Map<string, LineRow[]>> {
    const out = new Map<string, LineRow[]>();
    if (ids.length === 0) return out;
    const rows = (await em.query(
      `SELECT entry_id, line_no, account_code, subject, debit::text AS debit, credit::text AS credit FROM journal_line WHERE entry_id = ANY($1::uuid[]) ORDER BY entry_id, line_no`,
      [ids],
    )) as LineRow[];
    for (const r of rows) {
      const list = out.get(r.entry_id) ?? [];
      list.push(r);
      out.set(r.entry_id, list);
    }
    return out;
  }
}
