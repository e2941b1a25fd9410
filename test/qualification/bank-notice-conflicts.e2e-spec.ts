import { createHash } from 'node:crypto';
import { Role } from '@app/auth';
import { PARCEL_A } from '../support/fixtures';
import { bankNotice, postNotice, type NoticeInput } from '../support/bank';
import { registerCompany } from '../support/bidders';
import { bearer, LISTING_TERMS, mondayAfter, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * A bank transaction never changes: the same txnId again with the same content is a harmless resend,
 * with any other content an error or a forgery. It changes nothing, is kept with both versions, and
 * finance sees it; the bank is told 409.
 */
describe('bank notices that reuse a transaction id with other content', () => {
  let t: TestApp;
  let finance: string;
  let subAccount: string;
  let otherSubAccount: string;
  const PAYER = '冲突测试置业有限公司';
  // The deposit, the ledger and the deposit's audit trail: none of them may move on a conflict.
  const money = async () =>
    JSON.stringify(
      await t.dataSource.query(
        `SELECT (SELECT json_agg(json_build_object('txn', bank_txn_id, 'amount', amount::text, 'sub', sub_account, 'payer', payer_name, 'account', payer_account, 'at', arrived_at) ORDER BY bank_txn_id) FROM deposit_payment) AS deposits,
                (SELECT count(*) FROM journal_line) AS lines,
                (SELECT count(*) FROM audit_event WHERE action LIKE 'deposit.%' OR action LIKE 'application.qualify') AS audits,
                (SELECT json_agg(status ORDER BY id) FROM application) AS statuses`,
      ),
    );

  beforeAll(async () => {
    t = await createTestApp();
    const s = await new SaleBuilder(t).init('conf');
    finance = await t.tokenFor([Role.FinanceOfficer]);
    const parcelId = await s.readyParcel(PARCEL_A, 'SG2026-951');
    const a = await t.http().post('/api/announcements').set(bearer(s.tokens.trading)).send({ number: '寿自然资告字〔2026〕80号', title: '出让公告', body: '正文' }).expect(201);
    const lot = await t
      .http()
      .post(`/api/announcements/${a.body.id}/lots`)
      .set(bearer(s.tokens.trading))
      .send({ lotNumber: 'CF-01', title: '地块', parcelIds: [parcelId], terms: { ...LISTING_TERMS, hasReserve: false, reserveRoundingUnit: undefined }, schedule: await s.listingSchedule(mondayAfter(30), 10) })
      .expect(201);
    await t.http().post(`/api/announcements/${a.body.id}/publish`).set(bearer(s.tokens.trading)).expect(201);
    await t.dataSource.query(`UPDATE lot SET application_start = now() - interval '1 minute'`);
    const subs: string[] = [];
    for (const [i, name] of [PAYER, '另一申请人公司'].entries()) {
      const b = await registerCompany(t, `conf.b${i}`, name, 9950 + i);
      const app = await t.http().post(`/api/lots/${lot.body.id}/applications`).set(bearer(b.token)).send({}).expect(201);
      subs.push((await t.http().post(`/api/applications/${app.body.id}/submit`).set(bearer(b.token)).expect(201)).body.deposit.subAccount);
    }
    [subAccount, otherSubAccount] = subs as [string, string];
  });
  afterAll(() => t.close());

  const ARRIVED = new Date(Date.now() - 3_600_000).toISOString();
  const original = (txnId: string): NoticeInput => ({ txnId, subAccount, amount: '500000.00', payerName: PAYER, arrivedAt: ARRIVED });

  it('answers an identical resend as a duplicate and changes nothing', async () => {
    await postNotice(t, bankNotice(original('CF-SAME'))).expect(200);
    const before = await money();
    expect((await postNotice(t, bankNotice(original('CF-SAME'))).expect(200)).body).toMatchObject({ status: 'duplicate', txnId: 'CF-SAME' });
    expect(await money()).toBe(before);
  });

  it.each<[string, Partial<NoticeInput>]>([
    ['amount', { amount: '5000000.00' }],
    ['subAccount', { subAccount: 'OTHER' }],
    ['payerName', { payerName: '冒名付款公司' }],
    ['payerAccount', { payerAccount: '6222020000000000001' }],
    ['arrivedAt', { arrivedAt: new Date(Date.now() - 60_000).toISOString() }],
  ])('refuses a resend with another %s: 409, nothing changes, the conflict is kept with both versions', async (field, change) => {
    const txnId = `CF-${field}`;
    await postNotice(t, bankNotice(original(txnId))).expect(200);
    const before = await money();
    const changed = bankNotice({ ...original(txnId), ...change, ...(change.subAccount ? { subAccount: otherSubAccount } : {}) });
    const res = await postNotice(t, changed).expect(409);
    expect(res.body).toMatchObject({ code: 'BANK_NOTICE_CONFLICT', field });
    expect(res.body.message).toContain(txnId);
    expect(await money()).toBe(before);

    const list = await t.http().get('/api/bank/notice-conflicts').set(bearer(finance)).expect(200);
    const conflict = list.body.items.find((c: { txnId: string }) => c.txnId === txnId);
    expect(conflict).toMatchObject({ differences: [field], timesReceived: 1, rawBodySha256: createHash('sha256').update(changed.body).digest('hex') });
    expect(conflict.applied).toMatchObject({ txnId, subAccount, amount: '500000.00', payerName: PAYER });
    expect(conflict.received).toMatchObject({ txnId, ...(field === 'subAccount' ? { subAccount: otherSubAccount } : {}), ...(field === 'amount' ? { amount: '5000000.00' } : {}) });
    const [log] = (await t.dataSource.query(`SELECT outcome FROM bank_notice_log WHERE txn_id = $1 ORDER BY id DESC LIMIT 1`, [txnId])) as Array<{ outcome: string }>;
    expect(log).toEqual({ outcome: 'conflict' });
  });

  it('counts a bank resending the same conflicting notice instead of listing it again', async () => {
    await postNotice(t, bankNotice(original('CF-RETRY'))).expect(200);
    const input = { ...original('CF-RETRY'), amount: '499999.99' };
    await postNotice(t, bankNotice(input)).expect(409);
    await postNotice(t, bankNotice(input)).expect(409);
    const list = await t.http().get('/api/bank/notice-conflicts').set(bearer(finance)).expect(200);
    const rows = list.body.items.filter((c: { txnId: string }) => c.txnId === 'CF-RETRY');
    expect(rows).toHaveLength(1);
    expect(rows[0].timesReceived).toBe(2);
    expect(new Date(rows[0].lastReceivedAt).getTime()).toBeGreaterThanOrEqual(new Date(rows[0].firstReceivedAt).getTime());
  });

  it('lists conflicts for finance and supervisors only', async () => {
    await t.http().get('/api/bank/notice-conflicts').set(bearer(await t.tokenFor([Role.Supervisor]))).expect(200);
    for (const role of [Role.TradingOfficer, Role.Bidder, Role.Admin]) await t.http().get('/api/bank/notice-conflicts').set(bearer(await t.tokenFor([role]))).expect(403);
    await t.http().get('/api/bank/notice-conflicts').expect(401);
  });
});
