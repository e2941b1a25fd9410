import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RequestContext } from '@app/common';
import type { IsoDate } from '@app/calendar/domain/calendar-day';
import { Money } from '@app/money/money';
import { isAccountCode, type AccountCode } from '../domain/chart-of-accounts';
import { validateEntry, type JournalEntry } from '../domain/journal';
import { trialBalance, type LedgerLine, type TrialBalance } from '../domain/balances';

export interface PostedEntry {
  readonly id: string;
  /** True when an entry with the same source (type, id) existed: nothing was posted again. */
  readonly duplicate: boolean;
}

/**
 * Posts journal entries (DESIGN.md §4, Ledger) through the caller's EntityManager, so an entry commits
 * with the business event it records or not at all. Entries are validated in code (validateEntry) and
 * the database refuses, at commit, any entry whose debits and credits differ (deferred constraint
 * trigger `journal_entry_balanced`). Posting is idempotent by source (type, id): a second post of the
 * same event returns the first entry.
 */
@Injectable()
export class LedgerService {
  constructor(private readonly dataSource: DataSource) {}

  async post(em: EntityManager, entry: JournalEntry): Promise<PostedEntry> {
    validateEntry(entry);
    const actor = RequestContext.actor();
    const inserted = (await em.query(
      `INSERT INTO journal_entry (entry_date, occurred_at, description, source_type, source_id, reversal_of_type, reversal_of_id, reversal_reason, posted_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (source_type, source_id) DO NOTHING RETURNING id`,
      [entry.date, entry.at, entry.description, entry.source.type, entry.source.id, entry.reversal?.of.type ?? null, entry.reversal?.of.id ?? null, entry.reversal?.reason ?? null, actor?.username ?? 'system'],
    )) as Array<{ id: string }>;
    if (inserted.length === 0) {
      const [existing] = (await em.query(`SELECT id FROM journal_entry WHERE source_type = $1 AND source_id = $2`, [entry.source.type, entry.source.id])) as Array<{ id: string }>;
      return { id: existing.id, duplicate: true };
    }
    const id = inserted[0].id;
    const lines = entry.lines.map((l, i) => ({
      line_no: i + 1,
      account_code: l.account.code,
      subject: l.account.subject ?? '',
      debit: l.debit?.toString() ?? '0',
      credit: l.credit?.toString() ?? '0',
    }));
    await em.query(
      `INSERT INTO journal_line (entry_id, line_no, account_code, subject, debit, credit)
       SELECT $1, x.line_no, x.account_code, x.subject, x.debit, x.credit FROM jsonb_to_recordset($2::jsonb) AS x(line_no int, account_code text, subject text, debit numeric, credit numeric)`,
      [id, JSON.stringify(lines)],
    );
    return { id, duplicate: false };
  }

  /**
   * Every posted line up to and including `asOf` (a Shanghai date), with its entry's date; with
   * `only`, the lines of that account (and subject) alone.
   */
  async lines(asOf?: IsoDate, em: EntityManager = this.dataSource.manager, only?: { code: AccountCode; subject?: string }): Promise<LedgerLine[]> {
    const rows = (await em.query(
      `SELECT to_char(e.entry_date, 'YYYY-MM-DD') AS date, e.source_type, e.source_id, l.account_code, l.subject, l.debit::text AS debit, l.credit::text AS credit
         FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
        WHERE ($1::date IS NULL OR e.entry_date <= $1::date)
          AND ($2::text IS NULL OR l.account_code = $2::text)
          AND ($3::text IS NULL OR l.subject = $3::text)
        ORDER BY e.entry_date, e.posted_at, e.id, l.line_no`,
      [asOf ?? null, only?.code ?? null, only?.subject ?? null],
    )) as Array<{ date: IsoDate; source_type: string; source_id: string; account_code: string; subject: string; debit: string; credit: string }>;
    return rows.map((r) => {
      if (!isAccountCode(r.account_code)) throw new Error(`unknown account ${r.account_code} in the ledger`);
      const account = r.subject ? { code: r.account_code as AccountCode, subject: r.subject } : { code: r.account_code as AccountCode };
      const debit = Money.of(r.debit);
      const credit = Money.of(r.credit);
      return { account, date: r.date, source: { type: r.source_type, id: r.source_id }, ...(debit.isZero() ? {} : { debit }), ...(credit.isZero() ? {} : { credit }) } as unknown as LedgerLine;
    });
  }

  async trialBalance(asOf?: IsoDate, bySubject = false): Promise<TrialBalance> {
    return trialBalance(await this.lines(asOf), { bySubject });
  }
}
