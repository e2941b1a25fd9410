import { SettlementService } from '@app/settlement';
import { soldLot, type MoneyBidder } from '../support/money-sale';
import { bearer, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';
import { listen } from '../support/trading';

/** An approved payment extension (延期缴款) moves an installment that is not yet due, with its reason on record. */
describe('extending an installment', () => {
  let t: TestApp;
  let s: SaleBuilder;
  let contractId: string;
  let bidders: MoneyBidder[];
  const path = (n: number) => `/api/contracts/${contractId}/installments/${n}/extension`;

  beforeAll(async () => {
    t = await createTestApp();
    const url = await listen(t);
    s = await new SaleBuilder(t).init('extend');
    let lotId: string;
    ({ lotId, bidders } = await soldLot(t, s, url, ['9800000.00']));
    await t.app.get(SettlementService).runOnce();
    await t.http().post(`/api/lots/${lotId}/confirmation/signature`).set(bearer(bidders[0].token)).expect(201);
    const today = ((await t.dataSource.query(`SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS d`)) as Array<{ d: string }>)[0].d;
    contractId = (await t.http().post(`/api/lots/${lotId}/contract`).set(bearer(s.tokens.trading)).send({ contractNumber: 'HT-EXT-001', signedOn: today }).expect(201)).body.id as string;
  }, 60_000);
  afterAll(() => t.close());

  it('moves a due date later, audited with the approval, and changes no amount', async () => {
    const before = (await t.http().get(`/api/contracts/${contractId}`).set(bearer(s.tokens.trading)).expect(200)).body as { installments: Array<{ dueDate: string; payable: string }> };
    // the day before the second installment falls due
    const d = new Date(`${before.installments[1].dueDate}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    const target = d.toISOString().slice(0, 10);
    const res = await t.http().post(path(1)).set(bearer(s.tokens.trading)).send({ dueDate: target, reason: '寿政办〔2026〕12号批准延期缴款' }).expect(201);
    expect(res.body.installments[0].dueDate).toBe(target);
    expect(res.body.installments.map((i: { payable: string }) => i.payable)).toEqual(before.installments.map((i) => i.payable));
    const audit = await t.http().get('/api/audit').query({ action: 'installment.extend' }).set(bearer(s.tokens.supervisor)).expect(200);
    expect(JSON.stringify(audit.body)).toContain('寿政办〔2026〕12号批准延期缴款');
  });

  it('refuses an earlier date, a date past the next installment, a missing reason, and a bidder', async () => {
    const view = (await t.http().get(`/api/contracts/${contractId}`).set(bearer(s.tokens.trading)).expect(200)).body as { installments: Array<{ dueDate: string }> };
    const first = view.installments[0].dueDate;
    expect((await t.http().post(path(1)).set(bearer(s.tokens.trading)).send({ dueDate: first, reason: '同一天' }).expect(400)).body.code).toBe('EXTENSION_NOT_LATER');
    const tooLate = `${Number.parseInt(view.installments[1].dueDate.slice(0, 4), 10) + 1}${view.installments[1].dueDate.slice(4)}`;
    expect((await t.http().post(path(1)).set(bearer(s.tokens.trading)).send({ dueDate: tooLate, reason: '超过第二期' }).expect(400)).body.code).toBe('EXTENSION_PAST_NEXT');
    expect((await t.http().post(path(1)).set(bearer(s.tokens.trading)).send({ dueDate: tooLate }).expect(400)).body.field).toBe('reason');
    await t.http().post(path(1)).set(bearer(bidders[0].token)).send({ dueDate: tooLate, reason: '自己延期' }).expect(403);
    const after = (await t.http().get(`/api/contracts/${contractId}`).set(bearer(s.tokens.trading)).expect(200)).body as { installments: Array<{ dueDate: string }> };
    expect(after.installments[0].dueDate).toBe(first);
  });

  it('refuses to extend an installment that has already fallen due', async () => {
    await t.dataSource.query(`UPDATE installment SET due_date = (now() AT TIME ZONE 'Asia/Shanghai')::date - 3 WHERE contract_id = $1 AND number = 1`, [contractId]);
    const res = await t.http().post(path(1)).set(bearer(s.tokens.trading)).send({ dueDate: '2099-01-01', reason: '补批' }).expect(400);
    expect(res.body.code).toBe('INSTALLMENT_ALREADY_DUE');
  });
});
