import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { parseIsoDate, toShanghaiDate, type IsoDate } from '@app/calendar/domain/calendar-day';
import { DomainError } from '@app/common';
import { TransactionRunner } from '@app/database';
import { Area } from '@app/money/area';
import { Money } from '@app/money/money';
import { lotReport, lotReportTable, REPORT_DIMENSIONS, type ClosedLotFact, type LotFigures, type LotReportRow, type ReportDimension, type ReportPeriod } from '../domain/reports';
import { toCsv } from '../export/csv';
import { toXlsx } from '../export/xlsx';
import { percent } from '../export/cells';

export interface LandSalesQuery {
  period?: ReportPeriod;
  /** First Shanghai date of closing included (default: from the first sale). */
  from?: string;
  /** Last Shanghai date of closing included, and the date deposits still held are counted at (default: today). */
  to?: string;
  by?: ReadonlyArray<ReportDimension>;
}

/** Land sales statistics: aggregates only (counts and sums by period, district, land use and method). */
export interface LandSalesReport {
  period: ReportPeriod;
  from: IsoDate | null;
  to: IsoDate;
  by: ReadonlyArray<ReportDimension>;
  rows: ReadonlyArray<LotReportRow>;
  totals: LotFigures;
}

export interface ReportFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

interface FactRow {
  lot_id: string;
  outcome: 'sold' | 'unsold';
  price: string | null;
  bid_price: string | null;
  closed_at: Date;
  /** Σ of the lot's parcels' declared areas (NUMERIC, exact). */
  land_area: string;
  method: string;
  start_price: string;
  district: string;
  land_use: string;
}

/**
 * 出让统计: lots offered, sold and unsold, revenue, average premium rate and deposits still held, by
 * period (month / quarter / year of the close, Shanghai time) and by district, land use and method —
 * from the closed lots (result + lot + parcels) and the ledger (2241 deposits held, per application
 * of the lot, as of `to`).
 *
 * - The sold area (出让面积) sums the declared areas of the sold lots' parcels (the areas the close
 *   computed the price from), in NUMERIC; an unsold lot adds nothing.
 * - Revenue is the sale's total (result.price, 元), as the close computed it with libs/money's
 *   saleFigures. The premium rate compares like with like: the bid and the start price, both in the
 *   lot's unit (元, 元/㎡ or 元/建筑㎡), as the result's own premium rate does.
 * - A lot over several parcels counts once, under its parcels' districts (or uses) joined by "、".
 * - Nothing here names a bidder: the public statistics are the same aggregates.
 */
@Injectable()
export class LandSalesReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
  ) {}

  async report(query: LandSalesQuery): Promise<LandSalesReport> {
    const period = query.period ?? 'month';
    const by = REPORT_DIMENSIONS.filter((d) => (query.by ?? []).includes(d));
    const from = query.from === undefined ? null : parseIsoDate(query.from, 'from');
    const to = query.to === undefined ? toShanghaiDate(await this.tx.now()) : parseIsoDate(query.to, 'to');
    if (from !== null && from > to) throw new DomainError('PERIOD_INVALID', `from (${from}) is after to (${to})`, 'from');
    const facts = await this.facts(from, to);
    const report = lotReport(facts, { period, by });
    return { period, from, to, by: report.by, rows: report.rows, totals: report.totals };
  }

  /** The report as a download for people: CSV (UTF-8 with BOM, for Excel) or XLSX (numeric amounts, exact to the fen); Chinese headers and labels. */
  async export(query: LandSalesQuery, format: 'csv' | 'xlsx'): Promise<ReportFile> {
    const report = await this.report(query);
    const table = lotReportTable({ period: report.period, by: report.by, rows: report.rows, totals: report.totals }, percent);
    const name = `land-sales_${report.period}_${report.from ?? 'start'}_${report.to}`;
    if (format === 'csv') return { filename: `${name}.csv`, contentType: CSV_CONTENT_TYPE, body: toCsv(table.headers, table.rows) };
    return { filename: `${name}.xlsx`, contentType: XLSX_CONTENT_TYPE, body: await toXlsx('出让统计', table.headers, table.rows) };
  }

  private async facts(from: IsoDate | null, to: IsoDate): Promise<ClosedLotFact[]> {
    const em = this.dataSource.manager;
    const rows = (await em.query(
      `SELECT r.lot_id::text AS lot_id, r.outcome, r.price::text AS price, r.bid_price::text AS bid_price, r.closed_at,
              coalesce((SELECT sum(p.declared_area) FROM lot_parcel lp JOIN parcel p ON p.id = lp.parcel_id WHERE lp.lot_id = l.id), 0)::numeric(16, 2)::text AS land_area,
              l.method, l.start_price::text AS start_price,
              coalesce((SELECT string_agg(DISTINCT p.district COLLATE "C", '、' ORDER BY p.district COLLATE "C")
                          FROM lot_parcel lp JOIN parcel p ON p.id = lp.parcel_id WHERE lp.lot_id = l.id), '') AS district,
              coalesce((SELECT string_agg(DISTINCT p.planned_use COLLATE "C", '、' ORDER BY p.planned_use COLLATE "C")
                          FROM lot_parcel lp JOIN parcel p ON p.id = lp.parcel_id WHERE lp.lot_id = l.id), '') AS land_use
         FROM result r JOIN lot l ON l.id = r.lot_id AND NOT l.practice  -- rehearsals (模拟竞价) are no sales
        WHERE ($1::date IS NULL OR (r.closed_at AT TIME ZONE 'Asia/Shanghai')::date >= $1::date)
          AND (r.closed_at AT TIME ZONE 'Asia/Shanghai')::date <= $2::date
        ORDER BY r.closed_at, r.lot_id`,
      [from, to],
    )) as FactRow[];
    if (rows.length === 0) return [];
    // Deposits still held at the end of `to`: the 2241 balance of every application of the lot.
    const held = (await em.query(
      `SELECT a.lot_id::text AS lot_id, (sum(jl.credit) - sum(jl.debit))::text AS held
         FROM journal_line jl
         JOIN journal_entry e ON e.id = jl.entry_id
         JOIN application a ON a.id::text = jl.subject
        WHERE jl.account_code = '2241' AND e.entry_date <= $1::date AND a.lot_id = ANY($2::uuid[])
        GROUP BY a.lot_id`,
      [to, rows.map((r) => r.lot_id)],
    )) as Array<{ lot_id: string; held: string }>;
    const heldByLot = new Map(held.map((h) => [h.lot_id, Money.of(h.held)]));
    return rows.map((r) => ({
      lotId: r.lot_id,
      district: r.district,
      landUse: r.land_use,
      method: r.method,
      closedAt: r.closed_at,
      outcome: r.outcome,
      landArea: Area.of(r.land_area),
      // the total and the bid as the close stored them (libs/money saleFigures)
      ...(r.outcome === 'sold' && r.price !== null ? { price: Money.of(r.price) } : {}),
      ...(r.outcome === 'sold' && r.bid_price !== null ? { bidPrice: Money.of(r.bid_price) } : {}),
      startPrice: Money.of(r.start_price),
      depositHeld: heldByLot.get(r.lot_id) ?? Money.zero(),
    }));
  }
}
