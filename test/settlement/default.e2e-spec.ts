import { SettlementService } from '@app/settlement';
import { soldLot, type MoneyBidder } from '../support/money-sale';
import { bearer, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';
import { listen, publishedLot } from '../support/trading';

/**
 * DOMAIN.md §7: a winner that does not sign the land contract within the deadline forfeits its deposit
 * (earnest money) and is blacklisted through the qualification module; the others are refunded anyway.
 */
describe('a defaulting winner', () => {
  let t: TestApp;
  let s: SaleBuilder;
  let lotId: string;
  let bidders: MoneyBidder[];
  const sql = <T = Record<string, unknown>>(q: string, params: unknown[] = []) => t.dataSource.query(q, params) as Promise<T[]>;
  const held = async (applicationId: string) =>
    (await sql<{ balance: string }>(`SELECT (coalesce(sum(credit), 0) - coalesce(sum(debit), 0))::text AS balance FROM journal_line WHERE account_code = '2241' AND subject = $1`, [applicationId]))[0].balance;

  beforeAll(async () => {
    t = await createTestApp();
    const url = await listen(t);
    s = await new SaleBuilder(t).init('default');
    ({ lotId, bidders } = await soldLot(t, s, url, ['9800000.00', '9850000.00']));
    await t.app.get(SettlementService).runOnce();
  }, 60_000);
  afterAll(() => t.close());

  it('nothing happens before the contract deadline', async () => {
    expect((await t.app.get(SettlementService).runOnce()).defaulted).toEqual([]);
    expect(await held(bidders[1].applicationId)).toBe('1960000.00');
  });

  it('after the deadline the deposit is forfeited to revenue and the winner is blacklisted', async () => {
    await sql(`UPDATE settlement SET contract_deadline = now() - interval '1 second' WHERE lot_id = $1`, [lotId]);
    expect((await t.app.get(SettlementService).runOnce()).defaulted).toEqual([lotId]);
    expect(await held(bidders[1].applicationId)).toBe('0.00');
    const [forfeited] = await sql<{ amount: string }>(`SELECT sum(credit)::text AS amount FROM journal_line WHERE account_code = '4103'`);
    expect(forfeited.amount).toBe('1960000.00');
    const bans = await sql<{ bidder_id: string; reason: string }>(`SELECT bidder_id, reason FROM blacklist_entry`);
    expect(bans.map((b) => b.bidder_id)).toEqual([bidders[1].bidderId]);
    expect(bans[0].reason).toContain('未在期限内签订出让合同');
    const [st] = await sql<{ status: string }>(`SELECT status FROM settlement WHERE lot_id = $1`, [lotId]);
    expect(st.status).toBe('defaulted');
    // the losers' refunds are due regardless
    expect((await sql(`SELECT 1 FROM refund WHERE lot_id = $1 AND status = 'due'`, [lotId])).length).toBe(2);
    // and a contract can no longer be recorded
    const late = await t.http().post(`/api/lots/${lotId}/contract`).set(bearer(s.tokens.trading)).send({ contractNumber: 'HT-LATE', signedOn: '2026-11-01' });
    expect(late.status).toBe(400);
    // a second run changes nothing
    expect((await t.app.get(SettlementService).runOnce()).defaulted).toEqual([]);
    expect((await sql(`SELECT 1 FROM journal_entry WHERE source_type = 'deposit_forfeited'`)).length).toBe(1);
  });

  it('the blacklisted bidder cannot apply for another lot, with the reason', async () => {
    const next = await publishedLot(t, s);
    await sql(`UPDATE lot SET application_start = now() - interval '1 minute' WHERE id = $1`, [next]);
    const refused = await t.http().post(`/api/lots/${next}/applications`).set(bearer(bidders[1].token)).send({});
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('BIDDER_BLACKLISTED');
    expect(refused.body.message).toContain('未在期限内签订出让合同');
    await t.http().post(`/api/lots/${next}/applications`).set(bearer(bidders[0].token)).send({}).expect(201);
  });
});
