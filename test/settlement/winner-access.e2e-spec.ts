import { Role } from '@app/auth';
import { SettlementService } from '@app/settlement';
import { registerCompany } from '../support/bidders';
import { soldLot, type MoneyBidder } from '../support/money-sale';
import { bearer, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';
import { listen } from '../support/trading';

/**
 * What is theirs after the sale: the winning bidder — every member of a winning joint bid — reads its
 * settlement, contract, installments, payments, penalties and refunds; a losing bidder reads its own
 * refund; nobody reads another bidder's (the same 404 as an id that does not exist). Staff as before.
 */
describe('winners and losers read what is theirs', () => {
  let t: TestApp;
  let s: SaleBuilder;
  let lotId: string;
  let bidders: MoneyBidder[];
  let winner: MoneyBidder;
  let partner: { token: string };
  let contractId: string;
  let outsider: string;
  let finance: string;
  const get = (path: string, token: string) => t.http().get(path).set(bearer(token));

  beforeAll(async () => {
    t = await createTestApp();
    const url = await listen(t);
    s = await new SaleBuilder(t).init('mine');
    finance = await t.tokenFor([Role.FinanceOfficer], 'mine.finance');
    ({ lotId, bidders } = await soldLot(t, s, url, ['9800000.00', '9850000.00', '9900000.00'], { jointWinner: true }));
    winner = bidders[2]!;
    partner = winner.partner!;
    outsider = (await registerCompany(t, 'mine.outsider', '戊置业有限公司', 8801)).token;
    await t.app.get(SettlementService).runOnce();
  }, 90_000);
  afterAll(() => t.close());

  it('the lead and the partner of the winning joint bid both read the settlement and the confirmation; only the lead signs', async () => {
    for (const token of [winner.token, partner.token]) {
      const mine = (await get('/api/settlements/mine', token).expect(200)).body as Array<Record<string, unknown>>;
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ lotId, status: 'awaiting_contract', price: '9900000.00', earnest: '1960000.00', contractId: null });
      expect(mine[0]).not.toHaveProperty('refundsDue');
      await get(`/api/lots/${lotId}/confirmation`, token).expect(200);
    }
    await t.http().post(`/api/lots/${lotId}/confirmation/signature`).set(bearer(partner.token)).expect(404);
    await t.http().post(`/api/lots/${lotId}/confirmation/signature`).set(bearer(winner.token)).expect(201);
  });

  it('answers a bidder asking for another bidder’s confirmation exactly as for a lot that has none', async () => {
    const unknown = '00000000-0000-4000-8000-00000000abcd';
    for (const [method, suffix, language] of [
      ['get', 'confirmation', 'zh-CN'],
      ['get', 'confirmation', 'en'],
      ['get', 'confirmation/pdf', 'en'],
      ['post', 'confirmation/signature', 'en'],
    ] as const) {
      const call = (id: string) =>
        (method === 'get' ? t.http().get(`/api/lots/${id}/${suffix}`) : t.http().post(`/api/lots/${id}/${suffix}`)).set(bearer(outsider)).set('accept-language', language);
      const [theirs, none] = [await call(lotId), await call(unknown)];
      expect(theirs.status).toBe(404);
      expect({ status: theirs.status, body: { ...theirs.body, message: theirs.body.message.replace(lotId, 'ID'), requestId: 'R' } }).toEqual({
        status: none.status,
        body: { ...none.body, message: none.body.message.replace(unknown, 'ID'), requestId: 'R' },
      });
    }
  });

  it('the winner reads its contract with installments, payments and penalties — by id and in its list — once it is signed', async () => {
    const today = (await t.dataSource.query(`SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS d`))[0].d as string;
    contractId = (await t.http().post(`/api/lots/${lotId}/contract`).set(bearer(s.tokens.trading)).send({ contractNumber: 'HT-MINE-001', signedOn: today }).expect(201)).body.id as string;
    await t.http().post(`/api/contracts/${contractId}/payments`).set(bearer(finance)).send({ kind: 'premium', amount: '1000000.00', paidOn: today, bankTxnId: 'MINE-PAY-1' }).expect(201);
    for (const token of [winner.token, partner.token]) {
      const one = (await get(`/api/contracts/${contractId}`, token).expect(200)).body;
      expect(one).toMatchObject({ id: contractId, lotId, contractNumber: 'HT-MINE-001', price: '9900000.00', outstanding: '6940000.00' });
      expect(one.installments).toHaveLength(2);
      expect(one.payments).toEqual([{ kind: 'premium', paidOn: today, amount: '1000000.00', bankTxnId: 'MINE-PAY-1' }]);
      expect(one.penalties).toMatchObject({ accrued: '0.00', unpaid: '0.00' });
      const list = (await get('/api/contracts/mine', token).expect(200)).body as Array<{ id: string }>;
      expect(list.map((c) => c.id)).toEqual([contractId]);
      expect((await get('/api/settlements/mine', token).expect(200)).body[0]).toMatchObject({ status: 'contracted', contractId });
    }
  });

  it('a losing bidder reads its own refund, not the other loser’s, and nothing of the winner’s', async () => {
    for (const [i, loser] of [bidders[0]!, bidders[1]!].entries()) {
      const refunds = (await get('/api/refunds/mine', loser.token).expect(200)).body as Array<Record<string, unknown>>;
      expect(refunds).toHaveLength(1);
      expect(refunds[0]).toMatchObject({ lotId, applicationId: loser.applicationId, amount: '1960000.00', status: 'due', reason: 'not_winner' });
      expect(refunds[0]!.reference).toMatch(/^TK[0-9A-F]{12}$/);
      expect(JSON.stringify(refunds)).not.toContain(bidders[1 - i]!.applicationId);
      expect((await get('/api/settlements/mine', loser.token).expect(200)).body).toEqual([]);
      expect((await get('/api/contracts/mine', loser.token).expect(200)).body).toEqual([]);
    }
    // the winner's deposit became earnest money: nothing to refund
    expect((await get('/api/refunds/mine', winner.token).expect(200)).body).toEqual([]);
  });

  it('another bidder’s contract answers exactly like a contract that does not exist', async () => {
    const unknown = await get('/api/contracts/00000000-0000-4000-8000-000000000000', bidders[0]!.token).expect(404);
    for (const token of [bidders[0]!.token, outsider]) {
      const res = await get(`/api/contracts/${contractId}`, token).expect(404);
      expect(res.body.code).toBe(unknown.body.code);
      expect(res.body.message).toBe(unknown.body.message.replace('00000000-0000-4000-8000-000000000000', contractId));
      expect(JSON.stringify(res.body)).not.toContain('HT-MINE-001');
    }
    await get(`/api/lots/${lotId}/confirmation`, outsider).expect(404);
    expect((await get('/api/refunds/mine', outsider).expect(200)).body).toEqual([]);
  });

  it('staff read as before; a bidder still cannot list everyone’s refunds or settlements', async () => {
    await get(`/api/contracts/${contractId}`, finance).expect(200);
    await get(`/api/contracts/${contractId}`, s.tokens.trading).expect(200);
    expect((await get('/api/refunds', finance).expect(200)).body).toHaveLength(2);
    await get('/api/refunds', winner.token).expect(403);
    await get('/api/settlements', bidders[0]!.token).expect(403);
    await get('/api/refunds/mine', finance).expect(403);
  });
});
