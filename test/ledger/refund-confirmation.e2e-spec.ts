import { Role } from '@app/auth';
import { SettlementService } from '@app/settlement';
import { soldLot } from '../support/money-sale';
import { bearer, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';
import { listen } from '../support/trading';

interface Refund {
  id: string;
  reference: string;
  amount: string;
  status: string;
  bankReference: string | null;
  reconciledWith: { lineId: string; txnId: string; statementId: string } | null;
}

/**
 * A refund recorded as paid by hand (POST /api/refunds/:id/payment, the bank's reference typed in) later
 * shows on the bank statement with its `TK…` reference: that line confirms the payment already recorded
 * — it is matched and linked, nothing is booked twice — and never goes looking for another refund of the
 * same amount. A line with another amount is a mismatch for finance to resolve, not a confirmation.
 */
describe('refunds paid through the API, then seen on the bank statement', () => {
  let t: TestApp;
  let finance: string;
  let lotId: string;
  let first: Refund;
  let second: Refund;
  const sql = <T = Record<string, unknown>>(q: string, params: unknown[] = []) => t.dataSource.query(q, params) as Promise<T[]>;
  const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const statement = (rows: string[][]) =>
    Buffer.from(`\ufeff交易流水号,交易时间,借方金额,贷方金额,对方户名,子账号,摘要\r\n${rows.map((r) => r.join(',')).join('\r\n')}\r\n`, 'utf8').toString('base64');
  const importStatement = (filename: string, rows: string[][]) => t.http().post('/api/bank-statements').set(bearer(finance)).send({ filename, contentBase64: statement(rows) });
  const refunds = async () => (await t.http().get('/api/refunds').query({ lotId }).set(bearer(finance)).expect(200)).body as Refund[];
  const entries = async () => (await sql<{ n: string }>(`SELECT count(*)::text AS n FROM journal_entry`))[0]!.n;

  beforeAll(async () => {
    t = await createTestApp();
    const url = await listen(t);
    const s = await new SaleBuilder(t).init('tk');
    finance = await t.tokenFor([Role.FinanceOfficer], 'tk.finance');
    ({ lotId } = await soldLot(t, s, url, ['9800000.00', '9850000.00', '9900000.00']));
    await t.app.get(SettlementService).runOnce();
    // two refunds of the same amount: the second is the one the old matching suggested instead
    [first, second] = (await refunds()).sort((a, b) => (a.reference < b.reference ? -1 : 1)) as [Refund, Refund];
    expect([first.amount, second.amount]).toEqual(['1960000.00', '1960000.00']);
  }, 90_000);
  afterAll(() => t.close());

  it('the statement line quoting the TK reference of a refund paid by hand confirms that payment: matched, linked, booked once, no other refund touched', async () => {
    await t.http().post(`/api/refunds/${first.id}/payment`).set(bearer(finance)).send({ bankReference: 'HAND-001', paidOn: today() }).expect(201);
    const [booked] = await sql<{ n: string }>(`SELECT count(*)::text AS n FROM journal_entry WHERE source_type = 'refund_paid'`);
    expect(booked!.n).toBe('1');
    const before = await entries();

    const res = await importStatement('tk-1.csv', [['BANK-RF-1', `${today()} 09:00:00`, '1960000.00', '', '甲置业有限公司', '', `保证金退款 ${first.reference}`]]).expect(201);
    expect(res.body.counts).toMatchObject({ matched: 1, partial: 0, unmatched: 0 });
    expect(res.body.matched[0].item).toMatchObject({ id: `refund:${first.id}`, kind: 'refund', recorded: true });
    expect(res.body.unmatched).toEqual([]);
    expect(await entries()).toBe(before);

    const after = await refunds();
    const confirmed = after.find((r) => r.id === first.id)!;
    expect(confirmed).toMatchObject({ status: 'paid', bankReference: 'HAND-001', reconciledWith: { txnId: 'BANK-RF-1', statementId: res.body.statementId } });
    // the other refund of the same amount is still due and still expected
    expect(after.find((r) => r.id === second.id)).toMatchObject({ status: 'due', bankReference: null, reconciledWith: null });
    const [line] = await sql<{ status: string; matched_kind: string; matched_id: string }>(`SELECT status, matched_kind, matched_id FROM bank_statement_line WHERE txn_id = 'BANK-RF-1'`);
    expect(line).toEqual({ status: 'matched', matched_kind: 'refund', matched_id: `refund:${first.id}` });
    const [audit] = await sql<{ n: string }>(`SELECT count(*)::text AS n FROM audit_event WHERE action = 'refund.bank_confirmed'`);
    expect(audit!.n).toBe('1');
  });

  it('a confirmed refund is no longer expected: the same reference on a later line is not matched again', async () => {
    const before = await entries();
    const res = await importStatement('tk-2.csv', [['BANK-RF-1B', `${today()} 10:00:00`, '1960000.00', '', '甲置业有限公司', '', `保证金退款 ${first.reference}`]]).expect(201);
    expect(res.body.counts).toMatchObject({ matched: 0, unmatched: 1 });
    expect(JSON.stringify(res.body.unmatched[0].suggestions)).not.toContain(first.id);
    expect(await entries()).toBe(before);
    expect((await refunds()).find((r) => r.id === first.id)!.reconciledWith?.txnId).toBe('BANK-RF-1');
  });

  it('a line quoting the TK reference of a refund paid by hand with another amount is a mismatch to resolve, not a confirmation, and suggests no other refund', async () => {
    await t.http().post(`/api/refunds/${second.id}/payment`).set(bearer(finance)).send({ bankReference: 'HAND-002', paidOn: today() }).expect(201);
    const before = await entries();
    const res = await importStatement('tk-3.csv', [['BANK-RF-2', `${today()} 11:00:00`, '1959980.00', '', '乙地产有限公司', '', `保证金退款 ${second.reference}`]]).expect(201);
    expect(res.body.counts).toMatchObject({ matched: 0, partial: 1, unmatched: 0 });
    expect(res.body.partial[0]).toMatchObject({ item: { id: `refund:${second.id}`, recorded: true }, difference: '-20.00' });
    expect(res.body.partial[0].line.suggestions.map((x: { id: string }) => x.id)).toEqual([`refund:${second.id}`]);
    expect((await refunds()).find((r) => r.id === second.id)!.reconciledWith).toBeNull();
    expect(await entries()).toBe(before);

    // finance decides, with a reason: the bank charged its fee on the transfer; nothing is booked twice
    const lineId = res.body.partial[0].line.id as string;
    const resolved = await t.http().post(`/api/bank-statement-lines/${lineId}/resolution`).set(bearer(finance)).send({ action: 'match', itemId: `refund:${second.id}`, reason: '银行从退款中扣收手续费20元' }).expect(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', matchedKind: 'refund', difference: '-20.00' });
    expect(await entries()).toBe(before);
    expect((await refunds()).find((r) => r.id === second.id)).toMatchObject({ status: 'paid', bankReference: 'HAND-002', reconciledWith: { txnId: 'BANK-RF-2' } });
  });

  it('the books: each refund paid out exactly once, whether recorded by hand or confirmed by the bank', async () => {
    const [paid] = await sql<{ n: string; total: string }>(`SELECT count(*)::text AS n, sum(l.debit)::text AS total FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id AND l.account_code = '2242' WHERE e.source_type = 'refund_paid'`);
    expect(paid).toEqual({ n: '2', total: '3920000.00' });
  });
});
