import { Workbook, type Buffer as ExcelBuffer } from 'exceljs';
import { Role } from '@app/auth';
import { depositReceived, depositRefundDue, LedgerService, type JournalEntry } from '@app/ledger';
import { Money } from '@app/money';
import type { Response } from 'supertest';
import { PARCEL_A, PARCEL_B } from '../support/fixtures';
import { AUCTION_TERMS, bearer, LISTING_TERMS, mondayAfter, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';
import { qualifiedBidders, type Seat } from '../support/trading';

/** Collects a download as raw bytes (supertest would decode text). */
function binary(res: Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/**
 * 出让统计 (issue 6): lots offered, sold, unsold, revenue, average premium rate and deposits still held,
 * by period and district / land use / method, exact to the fen in JSON, CSV and XLSX; the public gets
 * the same aggregates and nothing that names a bidder.
 */
describe('land sales reports', () => {
  let t: TestApp;
  let s: SaleBuilder;
  let finance: string;
  let supervisor: string;
  const seats: Seat[] = [];
  const lotIds: string[] = [];
  let n = 0;
  const m = (v: string) => Money.parse(v);
  const post = (entry: JournalEntry) => t.dataSource.transaction((em) => t.app.get(LedgerService).post(em, entry));

  /** A published lot on parcels like `parcels`, with two qualified bidders (the real listing API, bidders by the factory). */
  async function lotWithBidders(parcels: ReadonlyArray<typeof PARCEL_A | typeof PARCEL_B>, terms: Record<string, unknown>): Promise<{ lotId: string; bidders: Seat[] }> {
    const k = ++n;
    const parcelIds: string[] = [];
    for (const [i, parcel] of parcels.entries()) parcelIds.push(await s.readyParcel(parcel, `SG2026-RPT-${k}-${i}`));
    const a = await t.http().post('/api/announcements').set(bearer(s.tokens.trading)).send({ number: `寿自然资告字〔2026〕R${k}号`, title: '国有建设用地使用权出让公告', body: '正文' }).expect(201);
    const schedule = terms.method === 'auction' ? await s.auctionSchedule(mondayAfter(30)) : await s.listingSchedule(mondayAfter(30), 10);
    const lot = await t.http().post(`/api/announcements/${a.body.id}/lots`).set(bearer(s.tokens.trading)).send({ lotNumber: `RPT-${k}`, title: '统计测试地块', parcelIds, terms, schedule }).expect(201);
    await t.http().post(`/api/announcements/${a.body.id}/publish`).set(bearer(s.tokens.trading)).expect(201);
    const bidders = await qualifiedBidders(t, lot.body.id as string, 2, `rpt${k}`);
    seats.push(...bidders);
    lotIds.push(lot.body.id as string);
    return { lotId: lot.body.id as string, bidders };
  }

  /** The close, as the trading context records it (its own flow is tested in test/bidding). */
  async function close(lotId: string, closedAt: string, sold?: { winner: Seat; price: string; bidPrice?: string; priceUnit?: string }): Promise<void> {
    await t.dataSource.query(
      `INSERT INTO result (lot_id, outcome, reason, winner_application_id, winner_number, price, land_area, chain_length, chain_head, closed_at, price_unit, bid_price)
       VALUES ($1, $2, $3, $4, $5, $6, '17800.00', 1, repeat('0', 64), $7, $8, $9)`,
      [lotId, sold ? 'sold' : 'unsold', sold ? null : '无人报价', sold?.winner.applicationId ?? null, sold?.winner.bidderNumber ?? null, sold?.price ?? null, closedAt, sold?.priceUnit ?? 'total', sold ? (sold.bidPrice ?? sold.price) : null],
    );
  }

  beforeAll(async () => {
    t = await createTestApp();
    s = await new SaleBuilder(t).init('rpt');
    finance = await t.tokenFor([Role.FinanceOfficer]);
    supervisor = await t.tokenFor([Role.Supervisor], 'rpt.overseer');
    const listing = { ...LISTING_TERMS, hasReserve: false, reserveRoundingUnit: undefined };

    // L1: auction, 圣城街道 residential, start 9,800,000.00, sold at 12,250,000.00 (premium 25%) on 14 October 2025.
    const l1 = await lotWithBidders([PARCEL_A], AUCTION_TERMS);
    await close(l1.lotId, '2025-10-14T10:30:00+08:00', { winner: l1.bidders[0], price: '12250000.00' });
    // L2: listing, 文家街道 commercial, start 10,000,000.00, sold at 10,333,333.33 (3.33…%).
    const l2 = await lotWithBidders([PARCEL_B], listing);
    await close(l2.lotId, '2025-11-20T15:00:00+08:00', { winner: l2.bidders[0], price: '10333333.33' });
    // L3: auction, 圣城街道, unsold at 23:30 on New Year's Eve in Shanghai (still 2025-Q4).
    const l3 = await lotWithBidders([PARCEL_A], AUCTION_TERMS);
    await close(l3.lotId, '2025-12-31T23:30:00+08:00');
    // L4: auction, 圣城街道, sold one fen over the start half an hour into 2026 in Shanghai (still 2025 in UTC).
    const l4 = await lotWithBidders([PARCEL_A], AUCTION_TERMS);
    await close(l4.lotId, '2026-01-01T00:30:00+08:00', { winner: l4.bidders[0], price: '9800000.01' });
    // L5: priced per ㎡ of land: start 550.00/㎡ × 17,800.00 ㎡; sold at 660.00/㎡ = 11,748,000.00 in total (20%).
    const l5 = await lotWithBidders([PARCEL_B], AUCTION_TERMS);
    await t.dataSource.query(`UPDATE lot SET start_price = 550.00, increment = 10.00, terms = jsonb_set(terms, '{priceUnit}', '"per_square_metre"') WHERE id = $1`, [l5.lotId]);
    await close(l5.lotId, '2026-02-10T11:00:00+08:00', { winner: l5.bidders[0], price: '11748000.00', bidPrice: '660.00', priceUnit: 'per_square_metre' });
    // L6: one lot over two parcels (17,800.00 ㎡ + 19,800.00 ㎡), sold in April 2026; L7 over two parcels, unsold the same month.
    const l6 = await lotWithBidders([PARCEL_A, PARCEL_B], AUCTION_TERMS);
    await close(l6.lotId, '2026-04-15T10:00:00+08:00', { winner: l6.bidders[0], price: '9800000.00' });
    const l7 = await lotWithBidders([PARCEL_A, PARCEL_B], AUCTION_TERMS);
    await close(l7.lotId, '2026-04-16T10:00:00+08:00');

    // Deposits (2241, per application): what is still held depends on the date.
    const dep = (seat: Seat, amount: string, at: string) => post(depositReceived({ at: new Date(at), sourceId: `D-${seat.applicationId}`, applicationId: seat.applicationId, amount: m(amount) }));
    const refund = (seat: Seat, amount: string, at: string) => post(depositRefundDue({ at: new Date(at), sourceId: `R-${seat.applicationId}`, applicationId: seat.applicationId, amount: m(amount) }));
    await dep(l1.bidders[0], '1960000.00', '2025-10-10T10:00:00+08:00');
    await dep(l1.bidders[1], '1960000.00', '2025-10-10T11:00:00+08:00');
    await refund(l1.bidders[1], '1960000.00', '2025-10-20T10:00:00+08:00');
    await dep(l2.bidders[0], '2000000.00', '2025-11-01T10:00:00+08:00');
    await dep(l2.bidders[1], '2000000.00', '2025-11-01T11:00:00+08:00');
    await dep(l3.bidders[0], '1960000.00', '2025-12-20T10:00:00+08:00');
    await dep(l3.bidders[1], '1960000.00', '2025-12-20T11:00:00+08:00');
    await refund(l3.bidders[0], '1960000.00', '2026-01-05T10:00:00+08:00');
    await refund(l3.bidders[1], '1960000.00', '2026-01-05T10:00:00+08:00');
    await dep(l4.bidders[0], '1960000.00', '2025-12-25T10:00:00+08:00');
  });
  afterAll(() => t.close());

  const quarterByDistrict = { period: 'quarter', from: '2025-10-01', to: '2025-12-31', by: 'district' };
  const q4Rows = [
    { period: '2025-Q4', district: '圣城街道', offered: 2, sold: 1, unsold: 1, soldArea: '17800.00', revenue: '12250000.00', averagePremiumRate: '0.2500', depositsHeld: '5880000.00' },
    { period: '2025-Q4', district: '文家街道', offered: 1, sold: 1, unsold: 0, soldArea: '19800.00', revenue: '10333333.33', averagePremiumRate: '0.0333', depositsHeld: '4000000.00' },
  ];
  const q4Totals = { offered: 3, sold: 2, unsold: 1, soldArea: '37600.00', revenue: '22583333.33', averagePremiumRate: '0.1417', depositsHeld: '9880000.00' };

  it('aggregates closed lots by quarter and district, exact to the fen, with Shanghai period boundaries and deposits held at the end of `to`', async () => {
    const res = await t.http().get('/api/reports/land-sales').query(quarterByDistrict).set(bearer(finance)).expect(200);
    expect(res.body).toEqual({ period: 'quarter', from: '2025-10-01', to: '2025-12-31', by: ['district'], rows: q4Rows, totals: q4Totals });
  });

  it('by year: a lot priced per ㎡ compares like with like, deposits refunded by `to` are no longer held', async () => {
    const res = await t.http().get('/api/reports/land-sales').query({ period: 'year', to: '2026-03-31' }).set(bearer(supervisor)).expect(200);
    expect(res.body.rows).toEqual([
      { period: '2025', offered: 3, sold: 2, unsold: 1, soldArea: '37600.00', revenue: '22583333.33', averagePremiumRate: '0.1417', depositsHeld: '5960000.00' },
      { period: '2026', offered: 2, sold: 2, unsold: 0, soldArea: '37600.00', revenue: '21548000.01', averagePremiumRate: '0.1000', depositsHeld: '1960000.00' },
    ]);
    expect(res.body.totals).toEqual({ offered: 5, sold: 4, unsold: 1, soldArea: '75200.00', revenue: '44131333.34', averagePremiumRate: '0.1208', depositsHeld: '7920000.00' });
    const byMethod = await t.http().get('/api/reports/land-sales').query({ ...quarterByDistrict, by: 'landUse,method' }).set(bearer(finance)).expect(200);
    expect(byMethod.body.rows.map((r: Record<string, unknown>) => [r.landUse, r.method, r.offered, r.revenue])).toEqual([
      ['commercial', 'listing', 1, '10333333.33'],
      ['residential', 'auction', 2, '12250000.00'],
    ]);
    const bad = await t.http().get('/api/reports/land-sales').query({ from: '2026-01-01', to: '2025-12-31' }).set(bearer(finance)).expect(400);
    expect(bad.body).toMatchObject({ code: 'PERIOD_INVALID', field: 'from' });
  });

  it('the sold area of a lot over several parcels is the sum of its parcels; an unsold lot adds nothing', async () => {
    const res = await t.http().get('/api/reports/land-sales').query({ period: 'month', from: '2026-04-01', to: '2026-04-30', by: 'district' }).set(bearer(finance)).expect(200);
    expect(res.body.rows).toEqual([
      { period: '2026-04', district: '圣城街道、文家街道', offered: 2, sold: 1, unsold: 1, soldArea: '37600.00', revenue: '9800000.00', averagePremiumRate: '0.0000', depositsHeld: '0.00' },
    ]);
    expect(res.body.totals.soldArea).toBe('37600.00');
  });

  it('exports the same figures as CSV (UTF-8 with BOM, a 合计 row) for download', async () => {
    const res = await t.http().get('/api/reports/land-sales').query({ ...quarterByDistrict, format: 'csv' }).set(bearer(finance)).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="land-sales_quarter_2025-10-01_2025-12-31.csv"');
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.subarray(3).toString('utf8')).toBe(
      [
        '期间,区域,出让宗数,成交宗数,流拍宗数,出让面积（㎡）,成交总价（元）,平均溢价率,未退保证金（元）',
        '2025年第4季度,圣城街道,2,1,1,17800.00,12250000.00,25.00%,5880000.00',
        '2025年第4季度,文家街道,1,1,0,19800.00,10333333.33,3.33%,4000000.00',
        '合计,,3,2,1,37600.00,22583333.33,14.17%,9880000.00',
        '',
      ].join('\r\n'),
    );
  });

  it('exports the same figures as XLSX, amounts kept exact (read back with exceljs)', async () => {
    const res = await t.http().get('/api/reports/land-sales').query({ ...quarterByDistrict, format: 'xlsx' }).set(bearer(finance)).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe('attachment; filename="land-sales_quarter_2025-10-01_2025-12-31.xlsx"');
    const wb = new Workbook();
    await wb.xlsx.load(res.body as unknown as ExcelBuffer);
    const sheet = wb.getWorksheet('出让统计')!;
    const rows = [1, 2, 3, 4].map((r) => (sheet.getRow(r).values as unknown[]).slice(1));
    expect(rows).toEqual([
      ['期间', '区域', '出让宗数', '成交宗数', '流拍宗数', '出让面积（㎡）', '成交总价（元）', '平均溢价率', '未退保证金（元）'],
      ['2025年第4季度', '圣城街道', 2, 1, 1, 17800, 12250000, 0.25, 5880000],
      ['2025年第4季度', '文家街道', 1, 1, 0, 19800, 10333333.33, 0.0333, 4000000],
      ['合计', '', 3, 2, 1, 37600, 22583333.33, 0.1417, 9880000],
    ]);
    expect(sheet.rowCount).toBe(4);
    // numbers with formats, so that a spreadsheet sums them; each reads back to the exact fen
    expect(['F2', 'G2', 'H2', 'I2'].map((c) => sheet.getCell(c).numFmt)).toEqual(['#,##0.00', '#,##0.00', '0.00%', '#,##0.00']);
    const fen = (cell: string) => BigInt(Math.round((sheet.getCell(cell).value as number) * 100));
    expect(fen('G2') + fen('G3')).toBe(fen('G4'));
    expect(fen('F2') + fen('F3')).toBe(fen('F4'));
    expect((sheet.getCell('G3').value as number).toFixed(2)).toBe('10333333.33');
  });

  it('exports show Chinese labels for methods and land uses, never the codes', async () => {
    const res = await t.http().get('/api/reports/land-sales').query({ period: 'year', to: '2026-03-31', by: 'landUse,method', format: 'csv' }).set(bearer(finance)).buffer(true).parse(binary).expect(200);
    const text = (res.body as Buffer).subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('期间,用途,出让方式,出让宗数,成交宗数,流拍宗数,出让面积（㎡）,成交总价（元）,平均溢价率,未退保证金（元）');
    expect(text).toContain('2025年,商服用地,挂牌,');
    expect(text).toContain('2025年,城镇住宅用地,拍卖,');
    expect(text).not.toMatch(/auction|listing|tender|residential|commercial/);
    const xlsx = await t.http().get('/api/reports/land-sales').query({ period: 'year', to: '2026-03-31', by: 'landUse,method', format: 'xlsx' }).set(bearer(finance)).buffer(true).parse(binary).expect(200);
    const wb = new Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ExcelBuffer);
    const cells = (wb.getWorksheet('出让统计')!.getRow(2).values as unknown[]).slice(1, 4);
    expect(cells).toEqual(['2025年', '商服用地', '挂牌']);
  });

  it('the public statistics are the same aggregates, without a login, and name no bidder, credit code, application or lot', async () => {
    const res = await t.http().get('/api/public/statistics/land-sales').query(quarterByDistrict).expect(200);
    expect(res.body).toEqual({ period: 'quarter', from: '2025-10-01', to: '2025-12-31', by: ['district'], rows: q4Rows, totals: q4Totals });
    const all = await t.http().get('/api/public/statistics/land-sales').query({ period: 'year', by: 'district,landUse,method' }).expect(200);
    for (const body of [JSON.stringify(res.body), JSON.stringify(all.body)]) {
      for (const seat of seats) {
        expect(body).not.toContain(seat.name);
        expect(body).not.toContain(seat.creditCode);
        expect(body).not.toContain(seat.applicationId);
        expect(body).not.toContain(seat.userId);
      }
      for (const id of lotIds) expect(body).not.toContain(id);
      expect(body).not.toMatch(/winner|bidder|application|lotId|creditCode|idNumber/i);
    }
    expect(all.body.totals).toMatchObject({ offered: 7, soldArea: '112800.00' });
    const refused = await t.http().get('/api/public/statistics/land-sales').query({ format: 'csv' }).expect(400);
    expect(refused.body.code).toBe('UNKNOWN_FIELD');
  });
});
