import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { parseIsoDate, toShanghaiDate, type IsoDate } from '@app/calendar/domain/calendar-day';
import { DomainError, DomainErrors, pageWindow, type Actor, type Page, type PageQueryDto } from '@app/common';
import { TransactionRunner } from '@app/database';
import { Money } from '@app/money/money';
import { asOf, balanceOf, unremittedRevenue, type LedgerLine } from '../domain/balances';
import { ACCOUNT, accountOf, accountRef, type AccountCode } from '../domain/chart-of-accounts';
import { remittanceToTreasury } from '../domain/journal';
import type { ExpectedItem } from '../domain/reconciliation';
import { LedgerService } from './ledger.service';
import { LEDGER_LOCK, lockLedger } from './ledger-locks';
import { ReconciliationSources } from './reconciliation-sources';

/** The part of a remittance for each revenue account, as the API names it. */
export const REMITTANCE_PARTS = [
  { part: 'landPremium', code: ACCOUNT.PREMIUM_REVENUE, receivable: ACCOUNT.PREMIUM_RECEIVABLE },
  { part: 'penalties', code: ACCOUNT.PENALTY_REVENUE, receivable: ACCOUNT.PENALTY_RECEIVABLE },
  { part: 'forfeitures', code: ACCOUNT.FORFEITURE_REVENUE, receivable: undefined },
] as const;
export type RemittancePart = (typeof REMITTANCE_PARTS)[number]['part'];

/** One revenue account: booked, remitted, still to remit, and how much of that is cash in hand. */
export interface UnremittedAccount {
  code: AccountCode;
  part: RemittancePart;
  nameZh: string;
  nameEn: string;
  /** Revenue booked (balance of 4101 / 4102 / 4103). */
  revenue: Money;
  /** Remitted to the treasury (4901 / code). */
  remitted: Money;
  /** revenue − remitted. */
  unremitted: Money;
  /** Of the revenue, what is still owed by land users (1221 / 1222 balance; none for forfeitures). */
  receivable: Money;
  /** What may be remitted now: the unremitted revenue actually collected, max(0, unremitted − receivable). */
  remittable: Money;
}

export interface UnremittedView {
  asOf: IsoDate | null;
  accounts: UnremittedAccount[];
  totals: { revenue: Money; remitted: Money; unremitted: Money; receivable: Money; remittable: Money };
}

export interface RemittanceInput {
  remittedOn: string;
  treasuryReference: string;
  landPremium?: string;
  penalties?: string;
  forfeitures?: string;
}

export interface RemittanceView {
  id: string;
  remittedOn: string;
  treasuryReference: string;
  landPremium: string;
  penalties: string;
  forfeitures: string;
  amount: string;
  /** The journal entry (Dr 4901 / Cr 1002) recorded with it. */
  entryId: string | null;
  createdAt: Date;
  createdBy: string | null;
  /** The bank statement line the payout was reconciled with, once it was. */
  reconciledWith: { lineId: string; txnId: string; statementId: string } | null;
}

interface RemittanceRow {
  id: string;
  remitted_on: string;
  treasury_reference: string;
  land_premium: string;
  penalties: string;
  forfeitures: string;
  amount: string;
  created_at: Date;
  created_by: string | null;
  entry_id: string | null;
  line_id: string | null;
  line_txn_id: string | null;
  line_statement_id: string | null;
}

const REMITTANCE_SELECT = `
  SELECT r.id, to_char(r.remitted_on, 'YYYY-MM-DD') AS remitted_on, r.treasury_reference, r.land_premium::text AS land_premium, r.penalties::text AS penalties,
         r.forfeitures::text AS forfeitures, r.amount::text AS amount, r.created_at, r.created_by,
         (SELECT e.id FROM journal_entry e WHERE e.source_type = 'treasury_remittance' AND e.source_id = r.id::text) AS entry_id,
         m.id AS line_id, m.txn_id AS line_txn_id, m.statement_id AS line_statement_id
    FROM treasury_remittance r
    LEFT JOIN LATERAL (SELECT l.id, l.txn_id, l.statement_id FROM bank_statement_line l
                        WHERE l.matched_kind = 'remittance' AND l.matched_id = 'remittance:' || r.id::text AND l.status IN ('matched', 'resolved')
                        LIMIT 1) m ON true`;

const REFERENCE = /^[^\s\p{Cc}](?:[^\p{Cc}]{0,98}[^\s\p{Cc}])?$/u;

function view(r: RemittanceRow): RemittanceView {
  return {
    id: r.id,
    remittedOn: r.remitted_on,
    treasuryReference: r.treasury_reference,
    landPremium: r.land_premium,
    penalties: r.penalties,
    forfeitures: r.forfeitures,
    amount: r.amount,
    entryId: r.entry_id,
    createdAt: r.created_at,
    createdBy: r.created_by,
    reconciledWith: r.line_id === null ? null : { lineId: r.line_id, txnId: r.line_txn_id as string, statementId: r.line_statement_id as string },
  };
}

/** Per revenue account, from ledger lines: revenue, remitted, unremitted, receivable, remittable. */
export function unremittedAccounts(lines: ReadonlyArray<LedgerLine>): UnremittedAccount[] {
  const byCode = new Map(unremittedRevenue(lines).map((u) => [u.code, u]));
  return REMITTANCE_PARTS.map(({ part, code, receivable: receivableCode }) => {
    const u = byCode.get(code)!;
    const receivable = receivableCode === undefined ? Money.zero() : balanceOf(lines, accountRef(receivableCode));
    const owed = receivable.isNegative() ? Money.zero() : receivable;
    const rest = u.unremitted.subtract(owed);
    const def = accountOf(code);
    return {
      code,
      part,
      nameZh: def.nameZh,
      nameEn: def.nameEn,
      revenue: u.revenue,
      remitted: u.remitted,
      unremitted: u.unremitted,
      receivable,
      remittable: rest.isNegative() ? Money.zero() : rest,
    };
  });
}

/**
 * 收支两条线: the land revenue the center collects is paid over to the treasury's land revenue account.
 * Finance records each remittance (posted Dr 4901 / Cr 1002, dated the day it left the bank); the
 * payout then shows on a bank statement, where it is reconciled like any expected item (kind
 * `remittance`, reference = the treasury reference).
 *
 * What may be remitted per revenue account is the revenue booked, less what was remitted, less what
 * land users still owe on it (the premium is booked as revenue when the contract is signed, before it
 * is paid): money not yet in the bank cannot be paid over.
 */
@Injectable()
export class TreasuryService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly ledger: LedgerService,
    private readonly sources: ReconciliationSources,
  ) {}

  onModuleInit(): void {
    this.sources.register({
      kind: 'remittance',
      // A remittance not yet seen on a statement: a payout (debit line) quoting the treasury reference.
      async expected(em: EntityManager): Promise<ExpectedItem[]> {
        const rows = (await em.query(
          `SELECT r.id, r.treasury_reference, r.amount::text AS amount, to_char(r.remitted_on, 'YYYY-MM-DD') AS remitted_on
             FROM treasury_remittance r
            WHERE NOT EXISTS (SELECT 1 FROM bank_statement_line l WHERE l.matched_kind = 'remittance' AND l.matched_id = 'remittance:' || r.id::text)
            ORDER BY r.remitted_on, r.id`,
        )) as Array<{ id: string; treasury_reference: string; amount: string; remitted_on: string }>;
        return rows.map((r) => ({ id: `remittance:${r.id}`, kind: 'remittance' as const, reference: r.treasury_reference, amount: Money.of(r.amount), dueDate: r.remitted_on as IsoDate, recorded: true }));
      },
      // The remittance was posted when finance recorded it; the statement line only confirms it.
      settle: async () => undefined,
    });
  }

  /** What each revenue account holds unremitted, as of a date (default: everything posted). */
  async unremitted(asOfDate?: IsoDate, em: EntityManager = this.dataSource.manager): Promise<UnremittedView> {
    const accounts = unremittedAccounts(await this.ledger.lines(asOfDate, em));
    const sum = (key: 'revenue' | 'remitted' | 'unremitted' | 'receivable' | 'remittable') => Money.sum(accounts.map((a) => a[key]));
    return {
      asOf: asOfDate ?? null,
      accounts,
      totals: { revenue: sum('revenue'), remitted: sum('remitted'), unremitted: sum('unremitted'), receivable: sum('receivable'), remittable: sum('remittable') },
    };
  }

  /**
   * Records a remittance. Without amounts, everything remittable is remitted. Refuses a date in the
   * future, nothing to remit (NOTHING_TO_REMIT) and more than is remittable for any revenue account —
   * as of today and as of `remittedOn` (REMITTANCE_EXCEEDS_REVENUE). The same treasury reference
   * again with the same amounts returns the first remittance (`duplicate: true`); with other amounts
   * it is REMITTANCE_REFERENCE_CONFLICT.
   */
  async remit(input: RemittanceInput, actor?: Actor): Promise<RemittanceView & { duplicate: boolean }> {
    const remittedOn = parseIsoDate(input.remittedOn, 'remittedOn');
    const reference = typeof input.treasuryReference === 'string' ? input.treasuryReference.trim() : '';
    if (!REFERENCE.test(reference)) throw new DomainError('TREASURY_REFERENCE_INVALID', 'treasuryReference must be 1–100 characters without control characters', 'treasuryReference');
    const given: Partial<Record<RemittancePart, Money>> = {};
    for (const { part } of REMITTANCE_PARTS) {
      const raw = input[part];
      if (raw !== undefined && raw !== null) given[part] = Money.parse(raw, part);
    }
    const explicit = Object.keys(given).length > 0;

    return this.tx.run(async (em) => {
      await lockLedger(em, LEDGER_LOCK.REMITTANCE);
      const now = await this.tx.now(em);
      if (remittedOn > toShanghaiDate(now)) throw new DomainError('REMITTANCE_DATE_IN_FUTURE', 'remittedOn cannot be a future date', 'remittedOn');

      const [existing] = (await em.query(`${REMITTANCE_SELECT} WHERE r.treasury_reference = $1`, [reference])) as RemittanceRow[];
      if (existing) {
        const same =
          existing.remitted_on === remittedOn &&
          REMITTANCE_PARTS.every(({ part }) => {
            const stored = Money.of(part === 'landPremium' ? existing.land_premium : part === 'penalties' ? existing.penalties : existing.forfeitures);
            return explicit ? stored.eq(given[part] ?? Money.zero()) : true;
          });
        if (same) return { ...view(existing), duplicate: true };
        throw new DomainError('REMITTANCE_REFERENCE_CONFLICT', `treasury reference ${reference} was already recorded with other figures`, 'treasuryReference', { remittanceId: existing.id });
      }

      const lines = await this.ledger.lines(undefined, em);
      const today = unremittedAccounts(lines);
      const then = unremittedAccounts(asOf(lines, remittedOn));
      const limitOf = (part: RemittancePart): Money => {
        const a = today.find((x) => x.part === part)!.remittable;
        const b = then.find((x) => x.part === part)!.remittable;
        return a.lt(b) ? a : b;
      };
      const parts = Object.fromEntries(REMITTANCE_PARTS.map(({ part }) => [part, explicit ? (given[part] ?? Money.zero()) : limitOf(part)])) as Record<RemittancePart, Money>;
      const violations = REMITTANCE_PARTS.filter(({ part }) => parts[part].gt(limitOf(part))).map(({ part, code }) => ({
        code: 'REMITTANCE_EXCEEDS_REVENUE',
        message: `${part}: ${parts[part].toString()} is more than the ${accountOf(code).nameZh} collected and not yet remitted (${limitOf(part).toString()})`,
        field: part,
      }));
      if (violations.length > 0) {
        throw new DomainErrors('REMITTANCE_EXCEEDS_REVENUE', violations.map((v) => v.message).join('; '), violations);
      }
      const total = Money.sum(Object.values(parts));
      if (!total.isPositive()) throw new DomainError('NOTHING_TO_REMIT', 'there is no collected revenue left to remit', explicit ? 'landPremium' : undefined);

      const [row] = (await em.query(
        `INSERT INTO treasury_remittance (remitted_on, land_premium, penalties, forfeitures, amount, treasury_reference, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [remittedOn, parts.landPremium.toString(), parts.penalties.toString(), parts.forfeitures.toString(), total.toString(), reference, actor?.id ?? null],
      )) as Array<{ id: string }>;
      const posted = await this.ledger.post(
        em,
        remittanceToTreasury({
          at: now,
          date: remittedOn,
          sourceId: row.id,
          description: `土地收入缴入国库（${reference}）`,
          landPremium: parts.landPremium,
          penalties: parts.penalties,
          forfeitures: parts.forfeitures,
        }),
      );
      await this.audit.record(em, {
        action: 'treasury.remit',
        entityType: 'treasury_remittance',
        entityId: row.id,
        after: {
          remittedOn,
          treasuryReference: reference,
          landPremium: parts.landPremium.toString(),
          penalties: parts.penalties.toString(),
          forfeitures: parts.forfeitures.toString(),
          amount: total.toString(),
          entryId: posted.id,
        },
      });
      const [created] = (await em.query(`${REMITTANCE_SELECT} WHERE r.id = $1`, [row.id])) as RemittanceRow[];
      return { ...view(created), duplicate: false };
    });
  }

  async list(query: PageQueryDto): Promise<Page<RemittanceView>> {
    const { page, pageSize, skip } = pageWindow(query);
    const em = this.dataSource.manager;
    const rows = (await em.query(`${REMITTANCE_SELECT} ORDER BY r.remitted_on DESC, r.created_at DESC, r.id LIMIT $1 OFFSET $2`, [pageSize, skip])) as RemittanceRow[];
    const [{ n }] = (await em.query(`SELECT count(*) AS n FROM treasury_remittance`)) as Array<{ n: string }>;
    return { items: rows.map(view), total: Number.parseInt(n, 10), page, pageSize };
  }
}
