import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { SettlementService } from '@app/settlement';
import { soldLot, type MoneyBidder } from '../support/money-sale';
import { bearer, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';
import { listen } from '../support/trading';

/**
 * The whole money path of DOMAIN.md §7 on a real PostgreSQL: a lot sold to one of three bidders;
 * the winner's deposit converted to earnest money, the two others refunded; the confirmation PDF;
 * the contract with two installments, one paid late with its penalty; every payment and refund
 * reconciled from a bank statement; the revenue remitted to the treasury. Afterwards the books
 * balance, every deposit is refunded or converted, and the figures are right to the fen.
 */
describe('the money path after the hammer', () => {
  let t: TestApp;
  let s: SaleBuilder;
  let url: string;
  let finance: string;
  let lotId: string;
  let bidders: MoneyBidder[];
  let contractId: string;
  const work = mkdtempSync(path.join(tmpdir(), 'money-path-'));
  const settle = () => t.app.get(SettlementService).runOnce();
  const sql = <T = Record<string, unknown>>(q: string, params: unknown[] = []) => t.dataSource.query(q, params) as Promise<T[]>;

  beforeAll(async () => {
    t = await createTestApp();
    url = await listen(t);
    s = await new SaleBuilder(t).init('money');
    finance = await t.tokenFor(['finance_officer'], 'money.finance');
    ({ lotId, bidders } = await soldLot(t, s, url, ['9800000.00', '9850000.00', '9900000.00']));
  }, 60_000);
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    await t.close();
  });

  it('the close settles the lot once: deadlines on the calendar, the winner’s deposit kept as earnest money, the others refunded', async () => {
    const first = await settle();
    expect(first.settled).toEqual([lotId]);
    expect((await settle()).settled).toEqual([]);
    const [settlement] = await sql<{ status: string; earnest: string; price: string; winner_application_id: string }>(`SELECT status, earnest::text AS earnest, price::text AS price, winner_application_id FROM settlement WHERE lot_id = $1`, [lotId]);
    expect(settlement).toEqual({ status: 'awaiting_contract', earnest: '1960000.00', price: '9900000.00', winner_application_id: bidders[2].applicationId });
    const refunds = await sql<{ application_id: string; amount: string; reason: string; status: string }>(`SELECT application_id, amount::text AS amount, reason, status FROM refund WHERE lot_id = $1 ORDER BY payee_name`, [lotId]);
    expect(refunds.map((r) => [r.application_id, r.amount, r.reason, r.status]).sort()).toEqual(
      [
        [bidders[0].applicationId, '1960000.00', 'not_winner', 'due'],
        [bidders[1].applicationId, '1960000.00', 'not_winner', 'due'],
      ].sort(),
    );
  });

  it('the confirmation PDF renders Chinese: its text holds the lot, the price in figures and in 大写, and it verifies by code and hash', async () => {
    const meta = await t.http().get(`/api/lots/${lotId}/confirmation`).set(bearer(bidders[2].token)).expect(200);
    await t.http().get(`/api/lots/${lotId}/confirmation`).set(bearer(bidders[0].token)).expect(404);
    const res = await t.http().get(`/api/lots/${lotId}/confirmation/pdf`).set(bearer(bidders[2].token)).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const sha = createHash('sha256').update(pdf).digest('hex');
    expect(sha).toBe(meta.body.documentSha256);
    const file = path.join(work, 'confirmation.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
    expect(text).toContain('成交确认书');
    expect(text).toContain('人民币玖佰玖拾万元整');
    expect(text).toContain('¥9,900,000.00');
    expect(text).toContain(bidders[2].name);
    expect(execFileSync('pdffonts', [file]).toString()).toMatch(/WenQuanYi|Noto|CJK/i);
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, path.join(work, 'page')]);
    const png = readFileSync(path.join(work, 'page-1.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(5_000);
    const verified = await t.http().get(`/api/public/confirmations/${meta.body.verificationCode}`).expect(200);
    expect(verified.body).toMatchObject({ valid: true, price: '9900000.00', documentSha256: sha, signed: false });
    expect(JSON.stringify(verified.body)).not.toContain(bidders[2].name);
    expect((await t.http().post(`/api/public/confirmations/${meta.body.verificationCode}/check`).send({ sha256: sha }).expect(200)).body.documentMatches).toBe(true);
    expect((await t.http().post(`/api/public/confirmations/${meta.body.verificationCode}/check`).send({ sha256: 'a'.repeat(64) }).expect(200)).body.valid).toBe(false);
  });

  it('the winner signs the confirmation online, once; only the winner may', async () => {
    await t.http().post(`/api/lots/${lotId}/confirmation/signature`).set(bearer(bidders[0].token)).expect(404);
    await t.http().post(`/api/lots/${lotId}/confirmation/signature`).set(bearer(bidders[2].token)).expect(201);
    expect((await t.http().post(`/api/lots/${lotId}/confirmation/signature`).set(bearer(bidders[2].token)).expect(409)).body.code).toBe('ALREADY_SIGNED');
  });

  it('the contract turns the price into a receivable and the deposit into earnest money credited to the first installment, exact to the fen', async () => {
    const today = (await sql<{ d: string }>(`SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS d`))[0].d;
    const res = await t.http().post(`/api/lots/${lotId}/contract`).set(bearer(s.tokens.trading)).send({ contractNumber: 'HT-MONEY-001', signedOn: today }).expect(201);
    contractId = res.body.id as string;
    expect(res.body.installments.map((i: { amount: string; creditedEarnest: string; payable: string }) => [i.amount, i.creditedEarnest, i.payable])).toEqual([
      ['4950000.00', '1960000.00', '2990000.00'],
      ['4950000.00', '0.00', '4950000.00'],
    ]);
    expect(res.body.outstanding).toBe('7940000.00');
  });

  // ── after the contract: the bank statements, the treasury, the books ──

  const day = (offset: number) => {
    const d = new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000);
    return d.toISOString().slice(0, 10);
  };
  const csv = (rows: string[][]) => Buffer.from(`\ufeff交易流水号,交易时间,借方金额,贷方金额,对方户名,子账号,摘要\r\n${rows.map((r) => r.join(',')).join('\r\n')}\r\n`, 'utf8');
  const importStatement = (filename: string, bytes: Buffer) => t.http().post('/api/bank-statements').set(bearer(finance)).send({ filename, contentBase64: bytes.toString('base64') });

  it('installments arrive on a bank statement: the first on time, the second 10 days late with its penalty accrued', async () => {
    // Time passes (simulated): the contract was signed 70 days ago; the installments fell due 40 and 20 days ago.
    await sql(`UPDATE land_contract SET signed_on = $2 WHERE id = $1`, [contractId, day(-70)]);
    await sql(`UPDATE installment SET due_date = CASE number WHEN 1 THEN $2::date ELSE $3::date END WHERE contract_id = $1`, [contractId, day(-40), day(-20)]);
    const first = csv([
      ['INST-1', `${day(-41)} 10:00:00`, '', '2990000.00', bidders[2].name, '', 'HT-MONEY-001 第一期土地出让金'],
      ['INST-2', `${day(-10)} 15:30:00`, '', '4950000.00', bidders[2].name, '', 'HT-MONEY-001 第二期土地出让金'],
    ]);
    await importStatement('statement-1.csv', first).expect(201);
    const contract = await t.http().get(`/api/contracts/${contractId}`).set(bearer(finance)).expect(200);
    expect(contract.body.outstanding).toBe('0.00');
    expect(contract.body.penalties).toMatchObject({ accrued: '24750.00', paid: '0.00', unpaid: '24750.00' });
    // the second installment fell due unpaid: it moved to premium due before the late payment cleared it
    const [due] = await sql<{ date: string; amount: string }>(
      `SELECT to_char(e.entry_date, 'YYYY-MM-DD') AS date, l.debit::text AS amount FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id AND l.account_code = '1223' WHERE e.source_type = 'installment_due'`,
    );
    expect(due).toEqual({ date: day(-20), amount: '4950000.00' });
    const [accrual] = await sql<{ days: number; amount: string; installment_number: number }>(`SELECT days, amount::text AS amount, installment_number FROM penalty_accrual WHERE contract_id = $1`, [contractId]);
    expect(accrual).toEqual({ days: 10, amount: '24750.00', installment_number: 2 });
  });

  it('the penalty, the deposits and the two refunds reconcile from the next statement, and the revenue is remitted to the treasury', async () => {
    const refunds = (await t.http().get('/api/refunds').query({ lotId }).set(bearer(finance)).expect(200)).body as Array<{ id: string; reference: string; amount: string }>;
    expect(refunds).toHaveLength(2);
    const second = csv([
      ...bidders.map((b) => [b.depositTxnId, `${day(0)} 08:00:00`, '', '1960000.00', b.name, b.subAccount, '竞买保证金']),
      ['PEN-1', `${day(-5)} 11:00:00`, '', '24750.00', bidders[2].name, '', 'HT-MONEY-001 滞纳金'],
      ...refunds.map((r, i) => [`RF-${i}`, `${day(0)} 09:00:00`, r.amount, '', '竞买人', '', `保证金退款 ${r.reference}`]),
      ['FEE-1', `${day(0)} 10:00:00`, '20.00', '', '银行', '', '汇划手续费'],
    ]);
    const report = await importStatement('statement-2.csv', second).expect(201);
    expect(JSON.stringify(report.body)).toContain('FEE-1');
    // Everything collected (premium and penalty) is paid over to the treasury, and the payout reconciles.
    const remit = await t.http().post('/api/treasury-remittances').set(bearer(finance)).send({ remittedOn: day(0), treasuryReference: 'GK-MONEY-001' }).expect(201);
    expect(remit.body).toMatchObject({ landPremium: '9900000.00', penalties: '24750.00', amount: '9924750.00' });
    await importStatement('statement-3.csv', csv([['GK-1', `${day(0)} 16:00:00`, '9924750.00', '', '国库土地收入户', '', '土地出让收入缴库 GK-MONEY-001']])).expect(201);
    const lines = await sql<{ txn_id: string; status: string; matched_kind: string | null }>(`SELECT txn_id, status, matched_kind FROM bank_statement_line ORDER BY txn_id`);
    const kinds = Object.fromEntries(lines.map((l) => [l.txn_id, `${l.status}:${l.matched_kind ?? ''}`]));
    expect(kinds).toMatchObject({ 'INST-1': 'matched:installment', 'INST-2': 'matched:installment', 'PEN-1': 'matched:penalty', 'RF-0': 'matched:refund', 'RF-1': 'matched:refund', 'GK-1': 'matched:remittance', 'FEE-1': 'unmatched:' });
    for (const b of bidders) expect(kinds[b.depositTxnId]).toBe('matched:deposit');
    // finance resolves the bank fee by hand, with a reason
    const [fee] = await sql<{ id: string }>(`SELECT id FROM bank_statement_line WHERE txn_id = 'FEE-1'`);
    await t.http().post(`/api/bank-statement-lines/${fee.id}/resolution`).set(bearer(finance)).send({ action: 'ignore', reason: '银行手续费，由中心经费列支' }).expect(200);
    const paid = (await t.http().get('/api/refunds').query({ lotId, status: 'paid' }).set(bearer(finance)).expect(200)).body as Array<{ bankReference: string }>;
    expect(paid.map((r) => r.bankReference).sort()).toEqual(['RF-0', 'RF-1']);
    // the same statement again changes nothing
    const counts = async () => (await sql<{ n: string }>(`SELECT (SELECT count(*) FROM journal_entry) || '/' || (SELECT count(*) FROM bank_statement_line) AS n`))[0].n;
    const before = await counts();
    const again = await importStatement('statement-2-again.csv', second);
    expect([200, 201]).toContain(again.status);
    expect(again.body.duplicate).toBe(true);
    expect(await counts()).toBe(before);
  });

  it('afterwards the books balance to the fen: every deposit refunded or converted, nothing owed, nothing held, everything remitted', async () => {
    const balance = async (code: string, subject?: string) =>
      (
        await sql<{ d: string; c: string }>(
          `SELECT coalesce(sum(debit), 0.00)::numeric(18,2)::text AS d, coalesce(sum(credit), 0.00)::numeric(18,2)::text AS c FROM journal_line WHERE account_code = $1 AND ($2::text IS NULL OR subject = $2)`,
          [code, subject ?? null],
        )
      )[0];
    const [totals] = await sql<{ d: string; c: string }>(`SELECT sum(debit)::text AS d, sum(credit)::text AS c FROM journal_line`);
    expect(totals.d).toBe(totals.c);
    for (const b of bidders) {
      const held = await balance('2241', b.applicationId);
      expect([b.applicationId, held.d, held.c]).toEqual([b.applicationId, '1960000.00', '1960000.00']);
    }
    expect(await balance('2242')).toEqual({ d: '3920000.00', c: '3920000.00' });
    expect(await balance('1221')).toEqual({ d: '9900000.00', c: '9900000.00' });
    expect(await balance('1223')).toEqual({ d: '4950000.00', c: '4950000.00' });
    expect(await balance('1222')).toEqual({ d: '24750.00', c: '24750.00' });
    expect(await balance('4101')).toEqual({ d: '0.00', c: '9900000.00' });
    expect(await balance('4102')).toEqual({ d: '0.00', c: '24750.00' });
    expect(await balance('4901')).toEqual({ d: '9924750.00', c: '0.00' });
    const bank = await balance('1002');
    expect(bank).toEqual({ d: '13844750.00', c: '13844750.00' });
    const trial = await t.http().get('/api/ledger/trial-balance').set(bearer(finance)).expect(200);
    expect(trial.body.balanced).toBe(true);
    // the same table for finance's spreadsheets: CSV and XLSX, with the totals row
    const download = (format: string) =>
      t
        .http()
        .get('/api/ledger/trial-balance')
        .query({ format })
        .set(bearer(finance))
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
    const csvText = ((await download('csv')).body as Buffer).toString('utf8');
    expect(csvText.split('\r\n').find((l) => l.startsWith('合计'))).toBe(`合计,,,${totals.d},${totals.c},,平衡`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download('xlsx')).body as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.getWorksheet('试算平衡表')!;
    const last = sheet.getRow(sheet.rowCount).values as unknown[];
    // amounts are numeric cells that read back to the exact fen
    expect([last[1], (last[4] as number).toFixed(2), (last[5] as number).toFixed(2), last[7]]).toEqual(['合计', totals.d, totals.c, '平衡']);
    expect(sheet.getRow(sheet.rowCount).getCell(4).numFmt).toBe('#,##0.00');
    const report = await t.http().get('/api/reports/land-sales').query({ period: 'year', from: day(-400), to: day(1) }).set(bearer(finance)).expect(200);
    expect(report.body.totals).toEqual({ offered: 1, sold: 1, unsold: 0, revenue: '9900000.00', averagePremiumRate: '0.0102', depositsHeld: '0.00', soldArea: '17800.00' });
    const open = await t.http().get('/api/ledger/unremitted').set(bearer(finance)).expect(200);
    expect(JSON.stringify(open.body)).not.toMatch(/"unremitted":"[1-9]/);
  });
});

