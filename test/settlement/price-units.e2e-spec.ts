import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SettlementService } from '@app/settlement';
import { soldLot, publishedMoneyLot, type MoneyBidder, type MoneyParcel } from '../support/money-sale';
import { AUCTION_TERMS, bearer, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';
import { listen } from '../support/trading';

/**
 * A lot may be priced as a total (元), per ㎡ of land (元/㎡) or per ㎡ of floor area (元/建筑㎡). Bids are
 * in the lot's unit; the sale's total (bid × Σ area, or × Σ area × maximum plot ratio, rounded half up
 * once) is what the confirmation, the contract, its installments, the ledger and the reports carry.
 * Three lots over the same two parcels' shapes, one per unit, sold through the whole money path.
 *
 * Parcels: 17,800.00㎡ at 容积率 1.0–2.5 (residential) and 19,800.33㎡ at 1.0–3.0 (commercial):
 * land area 37,600.33㎡, floor area 17,800 × 2.5 + 19,800.33 × 3.0 = 103,900.99㎡.
 */
const PARCELS = (tag: string): MoneyParcel[] => [
  { code: `SG-PU-${tag}-1`, declaredArea: '17800.00', plotRatioMin: '1.0000', plotRatioMax: '2.5000', plannedUse: 'residential' },
  { code: `SG-PU-${tag}-2`, declaredArea: '19800.33', plotRatioMin: '1.0000', plotRatioMax: '3.0000', plannedUse: 'commercial', boundary: { type: 'Polygon', coordinates: [[[118.79, 36.865], [118.792, 36.865], [118.792, 36.866], [118.79, 36.866], [118.79, 36.865]]] } },
];

interface Case {
  unit: 'total' | 'per_square_metre' | 'per_floor_area';
  startPrice: string;
  increment: string;
  /** 20% of the start price as a total, rounded up to the fen: the smallest deposit the rule accepts. */
  deposit: string;
  bids: string[];
  expected: { total: string; startTotal: string; unitPrice: string; floorPrice: string; premiumRate: string };
  /** What the confirmation prints for the price. */
  printed: string[];
}

const CASES: Case[] = [
  {
    unit: 'total',
    startPrice: '250000000.00',
    increment: '1000000.00',
    deposit: '50000000.00',
    bids: ['250000000.00', '251000000.00', '300000000.00'],
    expected: { total: '300000000.00', startTotal: '250000000.00', unitPrice: '7978.65', floorPrice: '2887.36', premiumRate: '0.2000' },
    printed: ['¥300,000,000.00', '7,978.65元/㎡', '2,887.36元/㎡', '20.00%'],
  },
  {
    unit: 'per_square_metre',
    startPrice: '5000.00',
    increment: '100.00',
    // 5,000 × 37,600.33 = 188,001,650.00; 20% = 37,600,330.00
    deposit: '37600330.00',
    bids: ['5000.00', '5100.00', '6422.50'],
    // 6,422.50 × 37,600.33 = 241,488,119.425 → 241,488,119.43
    expected: { total: '241488119.43', startTotal: '188001650.00', unitPrice: '6422.50', floorPrice: '2324.21', premiumRate: '0.2845' },
    printed: ['¥6,422.50元/㎡', '¥241,488,119.43', '2,324.21元/㎡', '28.45%'],
  },
  {
    unit: 'per_floor_area',
    startPrice: '2400.00',
    increment: '50.00',
    // 2,400 × 103,900.99 = 249,362,376.00; 20% = 49,872,475.20
    deposit: '49872475.20',
    bids: ['2400.00', '2450.00', '2888.88'],
    // 2,888.88 × 103,900.99 = 300,157,491.9912 → 300,157,491.99
    expected: { total: '300157491.99', startTotal: '249362376.00', unitPrice: '7982.84', floorPrice: '2888.88', premiumRate: '0.2037' },
    printed: ['¥2,888.88元/建筑㎡', '¥300,157,491.99', '7,982.84元/㎡', '20.37%'],
  },
];

describe('prices per unit: the total of a multi-parcel sale, everywhere the same', () => {
  let t: TestApp;
  let s: SaleBuilder;
  let url: string;
  let finance: string;
  const sales = new Map<string, { lotId: string; bidders: MoneyBidder[]; contractId?: string }>();
  const work = mkdtempSync(path.join(tmpdir(), 'price-units-'));
  const sql = <T = Record<string, unknown>>(q: string, params: unknown[] = []) => t.dataSource.query(q, params) as Promise<T[]>;
  const termsOf = (c: Case) => ({
    ...AUCTION_TERMS,
    countdownSeconds: 600,
    eligibility: { jointBidsAllowed: false, review: 'post_review', exclusions: '' },
    incrementPolicy: 'at_least_one',
    maxJumpIncrements: undefined,
    priceUnit: c.unit,
    startPrice: c.startPrice,
    increment: c.increment,
    deposit: c.deposit,
  });

  beforeAll(async () => {
    t = await createTestApp();
    url = await listen(t);
    s = await new SaleBuilder(t).init('units');
    finance = await t.tokenFor(['finance_officer'], 'units.finance');
    for (const c of CASES) sales.set(c.unit, await soldLot(t, s, url, c.bids, { terms: termsOf(c), parcels: PARCELS(c.unit) }));
    expect((await t.app.get(SettlementService).runOnce()).settled).toHaveLength(3);
  }, 120_000);
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    await t.close();
  });

  it('the deposit rule compares the deposit with the start price as a total: one fen under 20% of it is refused', async () => {
    const perFloor = CASES[2];
    // 49,872,475.19 < 20% × 249,362,376.00
    const low = await publishedMoneyLot(t, s, { ...termsOf(perFloor), deposit: '49872475.19' }, PARCELS('low')).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(low).toMatch(/DEPOSIT_TOO_LOW/);
    expect(low).toContain('49872475.20');
    // A deposit of 20% of the *unit* start price (480.00) was what the rule used to accept.
    const unitRule = await publishedMoneyLot(t, s, { ...termsOf(perFloor), deposit: '480.00' }, PARCELS('unit')).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(unitRule).toMatch(/DEPOSIT_TOO_LOW/);
    // A per-floor-area price on a parcel without a maximum plot ratio has no total: refused, naming the unit.
    const open = await publishedMoneyLot(t, s, termsOf(perFloor), [PARCELS('open')[0]!, { ...PARCELS('open')[1]!, plotRatioMax: undefined }]).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(open).toMatch(/FLOOR_AREA_UNKNOWN/);
    expect(open).toContain('terms.priceUnit');
  });

  it.each(CASES.map((c) => [c.unit, c] as const))('%s: the close stores the total, the bid in its unit and the figures of both parcels', async (unit, c) => {
    const { lotId } = sales.get(unit)!;
    const result = (await t.http().get(`/api/public/lots/${lotId}/result`).expect(200)).body;
    expect(result).toMatchObject({
      outcome: 'sold',
      priceUnit: unit,
      bidPrice: c.bids[2],
      price: c.expected.total,
      unitPrice: c.expected.unitPrice,
      floorPrice: c.expected.floorPrice,
      premiumRate: c.expected.premiumRate,
      landArea: '37600.33',
      floorArea: '103900.99',
    });
    const [settlement] = await sql<{ price: string; earnest: string }>(`SELECT price::text AS price, earnest::text AS earnest FROM settlement WHERE lot_id = $1`, [lotId]);
    expect(settlement).toEqual({ price: c.expected.total, earnest: c.deposit });
  });

  it.each(CASES.map((c) => [c.unit, c] as const))('%s: the confirmation prints the same figures, from every parcel', async (unit, c) => {
    const { lotId, bidders } = sales.get(unit)!;
    const meta = (await t.http().get(`/api/lots/${lotId}/confirmation`).set(bearer(bidders[2].token)).expect(200)).body;
    expect(meta.content.figures).toMatchObject({ priceUnit: unit, totalPrice: c.expected.total, startTotal: c.expected.startTotal, unitPrice: c.expected.unitPrice, floorPrice: c.expected.floorPrice, premiumRate: c.expected.premiumRate });
    expect(meta.content.price).toBe(c.expected.total);
    const installments = meta.content.installments as Array<{ amount: string }>;
    expect(installments.reduce((sum, i) => sum + BigInt(i.amount.replace('.', '')), 0n)).toBe(BigInt(c.expected.total.replace('.', '')));
    const res = await t
      .http()
      .get(`/api/lots/${lotId}/confirmation/pdf`)
      .set(bearer(bidders[2].token))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (x: Buffer) => chunks.push(x));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const file = path.join(work, `${unit}.pdf`);
    writeFileSync(file, res.body as Buffer);
    const text = execFileSync('pdftotext', [file, '-']).toString('utf8').replace(/\s+/g, '');
    for (const needle of c.printed) expect({ unit, needle, found: text.includes(needle) }).toEqual({ unit, needle, found: true });
    // both parcels, both plot ratios: not the first parcel's alone
    expect(text).toContain(`SG-PU-${unit}-1、SG-PU-${unit}-2`);
    expect(text).toContain('37,600.33㎡');
    expect(text).toContain('103,900.99㎡');
  });

  it.each(CASES.map((c) => [c.unit, c] as const))('%s: the contract books the total; its installments add up to it with the deposit credited', async (unit, c) => {
    const sale = sales.get(unit)!;
    await t.http().post(`/api/lots/${sale.lotId}/confirmation/signature`).set(bearer(sale.bidders[2].token)).expect(201);
    const today = (await sql<{ d: string }>(`SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS d`))[0]!.d;
    const res = await t.http().post(`/api/lots/${sale.lotId}/contract`).set(bearer(s.tokens.trading)).send({ contractNumber: `HT-PU-${unit}`, signedOn: today }).expect(201);
    sale.contractId = res.body.id as string;
    expect(res.body.price).toBe(c.expected.total);
    const fen = (x: string) => BigInt(x.replace('.', ''));
    const installments = res.body.installments as Array<{ amount: string; creditedEarnest: string; payable: string }>;
    expect(installments.reduce((sum, i) => sum + fen(i.amount), 0n)).toBe(fen(c.expected.total));
    expect(installments[0]!.creditedEarnest).toBe(c.deposit);
    expect(fen(res.body.outstanding as string)).toBe(fen(c.expected.total) - fen(c.deposit));
    const [booked] = await sql<{ receivable: string; revenue: string }>(
      `SELECT sum(l.debit) FILTER (WHERE l.account_code = '1221')::text AS receivable, sum(l.credit) FILTER (WHERE l.account_code = '4101')::text AS revenue
         FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id WHERE e.source_type = 'contract_signed' AND e.source_id = $1`,
      [sale.contractId],
    );
    expect(booked).toEqual({ receivable: c.expected.total, revenue: c.expected.total });
  });

  it('the land sales report sums the totals and averages the premium rates in each lot’s own unit', async () => {
    const report = await t.http().get('/api/reports/land-sales').query({ period: 'year', by: 'method' }).set(bearer(finance)).expect(200);
    // 300,000,000.00 + 241,488,119.43 + 300,157,491.99; rates 0.2000, 0.2845, 0.2037 → mean 0.2294
    expect(report.body.totals).toMatchObject({ sold: 3, revenue: '841645611.42', averagePremiumRate: '0.2294' });
  });
});
