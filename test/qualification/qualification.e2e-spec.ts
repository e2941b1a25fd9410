import { PARCEL_A, PARCEL_B } from '../support/fixtures';
import { bankNotice, postNotice } from '../support/bank';
import { registerCompany, uscc } from '../support/bidders';
import { addDays, AUCTION_TERMS, bearer, LISTING_TERMS, mondayAfter, SaleBuilder } from '../support/sale-builder';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';

describe('from registration to a bidder number, through signed bank notices', () => {
  let t: TestApp;
  let s: SaleBuilder;
  let postLot: string;
  let preLot: string;
  const state = async () =>
    JSON.stringify(
      await t.dataSource.query(
        `SELECT (SELECT count(*) FROM bidder) AS bidders, (SELECT count(*) FROM application) AS apps, (SELECT count(*) FROM deposit_payment) AS payments,
                (SELECT json_agg(json_build_object('s', status, 'n', bidder_number) ORDER BY id) FROM application) AS statuses`,
      ),
    );

  beforeAll(async () => {
    t = await createTestApp();
    s = await new SaleBuilder(t).init('qual');
    const p1 = await s.readyParcel(PARCEL_A, 'SG2026-401');
    const p2 = await s.readyParcel(PARCEL_B, 'SG2026-402');
    const a = await t.http().post('/api/announcements').set(bearer(s.tokens.trading)).send({ number: '寿自然资告字〔2026〕20号', title: '出让公告', body: '正文' }).expect(201);
    const start = mondayAfter(30);
    postLot = (
      await t
        .http()
        .post(`/api/announcements/${a.body.id}/lots`)
        .set(bearer(s.tokens.trading))
        .send({ lotNumber: 'Q-01', title: '挂牌地块', parcelIds: [p1], terms: { ...LISTING_TERMS, hasReserve: false, reserveRoundingUnit: undefined }, schedule: await s.listingSchedule(start, 10) })
        .expect(201)
    ).body.id;
    preLot = (
      await t
        .http()
        .post(`/api/announcements/${a.body.id}/lots`)
        .set(bearer(s.tokens.trading))
        .send({ lotNumber: 'Q-02', title: '拍卖地块', parcelIds: [p2], terms: { ...AUCTION_TERMS, eligibility: { jointBidsAllowed: true, review: 'pre_review', exclusions: '' } }, schedule: await s.auctionSchedule(addDays(start, 21)) })
        .expect(201)
    ).body.id;
    await t.http().post(`/api/announcements/${a.body.id}/publish`).set(bearer(s.tokens.trading)).expect(201);
    // The application window opens: move its start to the past, as time passing would.
    await t.dataSource.query(`UPDATE lot SET application_start = now() - interval '1 minute'`);
  });
  afterAll(() => t.close());

  it('refuses a credit code with a wrong check character, naming the field, and registers nothing', async () => {
    const before = await state();
    const good = uscc(4242);
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await t
      .http()
      .post('/api/bidders')
      .send({ kind: 'company', name: '错误代码公司', creditCode: bad, legalRepresentative: '张三', contactName: '张三', contactPhone: '13800000000', address: '寿光', username: 'bad.code', password: TEST_PASSWORD })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'USCC_CHECK_CHARACTER', field: 'creditCode' });
    expect(await state()).toBe(before);
    const users: unknown[] = await t.dataSource.query(`SELECT 1 FROM app_user WHERE username = 'bad.code'`);
    expect(users).toHaveLength(0);
  });

  it('qualifies an independent bidder: application, sub-account, a signed notice in time, a random bidder number', async () => {
    const hy = await registerCompany(t, 'hongyuan', '寿光市宏远置业有限公司', 1001);
    const app = await t.http().post(`/api/lots/${postLot}/applications`).set(bearer(hy.token)).send({}).expect(201);
    await t
      .http()
      .post(`/api/applications/${app.body.id}/documents`)
      .set(bearer(hy.token))
      .send({ title: '营业执照', fileName: 'license.pdf', contentBase64: Buffer.from('%PDF-1.4 license').toString('base64') })
      .expect(201);
    const submitted = await t.http().post(`/api/applications/${app.body.id}/submit`).set(bearer(hy.token)).expect(201);
    expect(submitted.body.status).toBe('awaiting_deposit');
    expect(submitted.body.deposit.subAccount).toMatch(/^955880\d{12}$/);
    expect(submitted.body.deposit.instructions).toContain('2000000.00');
    expect(submitted.body.documents[0].sha256).toMatch(/^[0-9a-f]{64}$/);

    const res = await postNotice(t, bankNotice({ subAccount: submitted.body.deposit.subAccount, amount: '2000000.00', payerName: '寿光市宏远置业有限公司' })).expect(200);
    expect(res.body).toMatchObject({ status: 'accepted', qualified: true });
    const mine = await t.http().get('/api/applications/mine').set(bearer(hy.token)).expect(200);
    expect(mine.body[0]).toMatchObject({ status: 'qualified', deposit: { counted: '2000000.00', outstanding: '0.00', fullyPaidInTime: true } });
    expect(mine.body[0].bidderNumber).toMatch(/^\d{3}$/);
    const confirmation = await t.http().get(mine.body[0].confirmationUrl).set(bearer(hy.token)).expect(200);
    expect(confirmation.body).toMatchObject({ title: '竞买资格确认书', bidderNumber: mine.body[0].bidderNumber });
    expect(confirmation.body.text).toContain(`竞买号牌为${mine.body[0].bidderNumber}`);
  });

  it('qualifies a three-partner joint group after review, with two payments that add up', async () => {
    const lead = await registerCompany(t, 'lead.co', '寿光市城投置业有限公司', 2001);
    const p2 = await registerCompany(t, 'partner.two', '潍坊滨海建设有限公司', 2002);
    const p3 = await registerCompany(t, 'partner.three', '山东鲁丰地产有限公司', 2003);
    const partners = [
      { identifier: lead.creditCode, share: '40.00' },
      { identifier: p2.creditCode, share: '33.33' },
      { identifier: p3.creditCode, share: '26.67' },
    ];
    const app = await t.http().post(`/api/lots/${preLot}/applications`).set(bearer(lead.token)).send({ partners }).expect(201);
    expect(app.body.joint).toBe(true);
    const early = await t.http().post(`/api/applications/${app.body.id}/submit`).set(bearer(lead.token)).expect(400);
    expect(early.body.code).toBe('PARTNERS_NOT_ACCEPTED');
    for (const p of [p2, p3]) await t.http().post(`/api/applications/${app.body.id}/acceptance`).set(bearer(p.token)).expect(201);
    const submitted = await t.http().post(`/api/applications/${app.body.id}/submit`).set(bearer(lead.token)).expect(201);
    expect(submitted.body.status).toBe('under_review');
    expect(submitted.body.deposit.subAccount).toBeNull();

    const reviewed = await t.http().post(`/api/applications/${app.body.id}/review`).set(bearer(s.tokens.trading)).send({ decision: 'approve', reason: '资料齐全' }).expect(201);
    expect(reviewed.body.status).toBe('awaiting_deposit');
    const sub = reviewed.body.subAccount as string;
    const first = await postNotice(t, bankNotice({ subAccount: sub, amount: '1000000.00', payerName: '寿光市城投置业有限公司' })).expect(200);
    expect(first.body.qualified).toBe(false);
    const second = await postNotice(t, bankNotice({ subAccount: sub, amount: '960000.00', payerName: '潍坊滨海建设有限公司' })).expect(200);
    expect(second.body.qualified).toBe(true);
    const view = await t.http().get(`/api/applications/${app.body.id}`).set(bearer(p3.token)).expect(200);
    expect(view.body).toMatchObject({ status: 'qualified', deposit: { counted: '1960000.00', outstanding: '0.00' } });
    expect(view.body.members.map((m: { share: string }) => m.share)).toEqual(['40.00', '33.33', '26.67']);
  });

  it('refuses shares summing to 99.99%, naming the rule, and creates nothing', async () => {
    const a = await registerCompany(t, 'share.a', '份额甲公司', 3001);
    const b = await registerCompany(t, 'share.b', '份额乙公司', 3002);
    const before = await state();
    const res = await t
      .http()
      .post(`/api/lots/${preLot}/applications`)
      .set(bearer(a.token))
      .send({ partners: [{ identifier: a.creditCode, share: '50.00' }, { identifier: b.creditCode, share: '49.99' }] })
      .expect(400);
    expect(JSON.stringify(res.body)).toContain('SHARES_NOT_100');
    expect(await state()).toBe(before);
  });

  it('refuses to let a bidder apply twice, or alone and in a group, for the same lot', async () => {
    const solo = await registerCompany(t, 'solo.co', '独立竞买公司', 4001);
    const other = await registerCompany(t, 'other.co', '联合发起公司', 4002);
    await t.http().post(`/api/lots/${postLot}/applications`).set(bearer(solo.token)).send({}).expect(201);
    expect((await t.http().post(`/api/lots/${postLot}/applications`).set(bearer(solo.token)).send({}).expect(409)).body.code).toBe('ALREADY_APPLIED');
    // Inviting solo is only an invitation (nothing tells the inviter that solo applied); solo cannot accept it.
    const invited = await t
      .http()
      .post(`/api/lots/${postLot}/applications`)
      .set(bearer(other.token))
      .send({ partners: [{ identifier: other.creditCode, share: '50.00' }, { identifier: solo.creditCode, share: '50.00' }] })
      .expect(201);
    const res = await t.http().post(`/api/applications/${invited.body.id}/acceptance`).set(bearer(solo.token)).expect(409);
    expect(res.body.code).toBe('ALONE_AND_JOINT');
  });

  it('does not count a payment that arrived after the deadline, marks it for refund, and leaves the applicant unqualified', async () => {
    const late = await registerCompany(t, 'late.co', '迟到付款公司', 5001);
    const app = await t.http().post(`/api/lots/${postLot}/applications`).set(bearer(late.token)).send({}).expect(201);
    const sub = (await t.http().post(`/api/applications/${app.body.id}/submit`).set(bearer(late.token)).expect(201)).body.deposit.subAccount as string;
    // The deposit deadline passes.
    await t.dataSource.query(`UPDATE application SET deposit_deadline = now() - interval '1 hour' WHERE id = $1`, [app.body.id]);
    const res = await postNotice(t, bankNotice({ subAccount: sub, amount: '2000000.00', payerName: '迟到付款公司', arrivedAt: new Date(Date.now() - 1000).toISOString() })).expect(200);
    expect(res.body).toMatchObject({ status: 'accepted', qualified: false });
    const ledger = await t.http().get(`/api/lots/${postLot}/deposits`).set(bearer(s.tokens.trading)).expect(200);
    const row = ledger.body.rows.find((r: { applicationId: string }) => r.applicationId === app.body.id);
    expect(row).toMatchObject({ status: 'awaiting_deposit', counted: '0.00', late: '2000000.00', outstanding: '2000000.00' });
    expect(row.payments[0]).toMatchObject({ inTime: false, payerName: '迟到付款公司' });
    const finance = await t.tokenFor(['finance_officer']);
    const forFinance = await t.http().get(`/api/lots/${postLot}/deposits`).set(bearer(finance)).expect(200);
    expect(forFinance.text).not.toContain('迟到付款公司');
    expect(forFinance.body.rows.find((r: { applicationId: string }) => r.applicationId === app.body.id)).toMatchObject({ late: '2000000.00' });
  });

  it('ignores a replayed notice, refuses a forged one, and logs both without changing anything', async () => {
    const rp = await registerCompany(t, 'replay.co', '重放测试公司', 6001);
    const app = await t.http().post(`/api/lots/${postLot}/applications`).set(bearer(rp.token)).send({}).expect(201);
    const sub = (await t.http().post(`/api/applications/${app.body.id}/submit`).set(bearer(rp.token)).expect(201)).body.deposit.subAccount as string;
    const notice = bankNotice({ subAccount: sub, amount: '500000.00', payerName: '重放测试公司' });
    await postNotice(t, notice).expect(200);
    const before = await state();
    const replay = await postNotice(t, notice).expect(200);
    expect(replay.body.status).toBe('duplicate');
    const forged = { ...notice, body: notice.body.replace('500000.00', '2000000.00') };
    const refused = await postNotice(t, forged).expect(401);
    expect(refused.body.code).toBe('BANK_SIGNATURE_INVALID');
    expect(await state()).toBe(before);
    const log: Array<{ outcome: string }> = await t.dataSource.query(`SELECT outcome FROM bank_notice_log ORDER BY id DESC LIMIT 2`);
    expect(log.map((l) => l.outcome)).toEqual(['rejected_bad_signature', 'duplicate']);
    const mine = await t.http().get(`/api/applications/${app.body.id}`).set(bearer(rp.token)).expect(200);
    expect(mine.body.deposit).toMatchObject({ counted: '500000.00', outstanding: '1500000.00' });
  });

  it('refuses a blacklisted bidder with the reason and the end of the ban', async () => {
    const banned = await registerCompany(t, 'banned.co', '失信竞买公司', 7001);
    await t.http().post(`/api/bidders/${banned.id}/blacklist`).set(bearer(s.tokens.trading)).send({ reason: '成交后未签订出让合同', endsAt: '2029-12-31T23:59:59+08:00' }).expect(201);
    const res = await t.http().post(`/api/lots/${postLot}/applications`).set(bearer(banned.token)).send({}).expect(400);
    expect(res.body.code).toBe('BIDDER_BLACKLISTED');
    expect(res.body.message).toContain('成交后未签订出让合同');
    expect(res.body.message).toContain('2029-12-31');
  });
});
