import { Role } from '@app/auth';
import { PARCEL_A } from '../support/fixtures';
import { bankNotice, postNotice } from '../support/bank';
import { registerCompany, uscc } from '../support/bidders';
import { bearer, LISTING_TERMS, mondayAfter, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';

interface Note {
  kind: string;
  subject: string;
  body: string;
  relatedType: string | null;
  relatedId: string | null;
}

/**
 * The notices around a joint bid (the invitation, each partner's answer, the lead's withdrawal) and the
 * alert to finance when a bank notice reuses a transaction id with other content. Each is sent inside
 * the change's own transaction, and none tells the lead whether an invited code is registered.
 */
describe('notifications of joint bids and of conflicting bank notices', () => {
  let t: TestApp;
  let lotId: string;
  let seed = 31_000;
  let finance: string;
  const company = (name: string) => registerCompany(t, `njv${++seed}`, name, seed);
  const inbox = async (token: string): Promise<Note[]> => (await t.http().get('/api/notifications/mine').query({ pageSize: 500 }).set(bearer(token)).expect(200)).body.items as Note[];
  const ofKind = async (token: string, kind: string) => (await inbox(token)).filter((n) => n.kind === kind);
  const countOfKind = async (kind: string) => Number((await t.dataSource.query(`SELECT count(*) AS n FROM notification WHERE kind = $1`, [kind]))[0].n);
  const applyWith = (lead: { token: string; creditCode: string }, partner: string) =>
    t
      .http()
      .post(`/api/lots/${lotId}/applications`)
      .set(bearer(lead.token))
      .send({ partners: [{ identifier: lead.creditCode, share: '60.00' }, { identifier: partner, share: '40.00' }] })
      .expect(201);

  beforeAll(async () => {
    t = await createTestApp();
    const s = await new SaleBuilder(t).init('njv');
    finance = await t.tokenFor([Role.FinanceOfficer]);
    const parcelId = await s.readyParcel(PARCEL_A, 'SG2026-961');
    const a = await t.http().post('/api/announcements').set(bearer(s.tokens.trading)).send({ number: '寿自然资告字〔2026〕91号', title: '出让公告', body: '正文' }).expect(201);
    const lot = await t
      .http()
      .post(`/api/announcements/${a.body.id}/lots`)
      .set(bearer(s.tokens.trading))
      .send({ lotNumber: 'NJV-01', title: '联合竞买通知地块', parcelIds: [parcelId], terms: { ...LISTING_TERMS, hasReserve: false, reserveRoundingUnit: undefined }, schedule: await s.listingSchedule(mondayAfter(30), 10) })
      .expect(201);
    lotId = lot.body.id;
    await t.http().post(`/api/announcements/${a.body.id}/publish`).set(bearer(s.tokens.trading)).expect(201);
    await t.dataSource.query(`UPDATE lot SET application_start = now() - interval '1 minute'`);
  });
  afterAll(() => t.close());

  it('tells the holder of an invited code, naming the lead and the share; an unregistered code tells nobody, and the lead hears nothing', async () => {
    const lead = await company('邀请通知置业有限公司');
    const partner = await company('受邀通知地产有限公司');
    const before = await countOfKind('invitation.received');
    const app = await applyWith(lead, partner.creditCode.toLowerCase());
    const [note] = await ofKind(partner.token, 'invitation.received');
    expect(note).toMatchObject({ subject: '联合竞买邀请：标的NJV-01', relatedType: 'application', relatedId: app.body.id });
    expect(note!.body).toContain('邀请通知置业有限公司');
    expect(note!.body).toContain('40.00%');
    expect(await inbox(lead.token)).toEqual([]);

    const other = await company('另一邀请方置业有限公司');
    await applyWith(other, uscc(++seed));
    expect(await countOfKind('invitation.received')).toBe(before + 1);
    expect(await inbox(other.token)).toEqual([]);
  });

  it('tells the lead when a partner accepts (with its name) or declines (by code and reason, no name)', async () => {
    const lead = await company('答复通知牵头公司');
    const yes = await company('接受方置业有限公司');
    const app = await applyWith(lead, yes.creditCode);
    await t.http().post(`/api/applications/${app.body.id}/acceptance`).set(bearer(yes.token)).expect(201);
    const [accepted] = await ofKind(lead.token, 'invitation.accepted');
    expect(accepted!.body).toContain('接受方置业有限公司');
    expect(await ofKind(yes.token, 'invitation.accepted')).toEqual([]);

    const lead2 = await company('拒绝通知牵头公司');
    const no = await company('拒绝方置业有限公司');
    const app2 = await applyWith(lead2, no.creditCode);
    await t.http().post(`/api/applications/${app2.body.id}/decline`).set(bearer(no.token)).send({ reason: '董事会未批准' }).expect(200);
    const [declined] = await ofKind(lead2.token, 'invitation.declined');
    expect(declined!.body).toContain(no.creditCode);
    expect(declined!.body).toContain('董事会未批准');
    expect(declined!.body).not.toContain('拒绝方置业有限公司');
  });

  it('tells the partners who accepted and the holders of lapsing invitations when the lead withdraws', async () => {
    const lead = await company('撤回通知牵头公司');
    const joined = await company('已接受成员公司');
    const waiting = await company('未答复成员公司');
    const app = await t
      .http()
      .post(`/api/lots/${lotId}/applications`)
      .set(bearer(lead.token))
      .send({ partners: [{ identifier: lead.creditCode, share: '50.00' }, { identifier: joined.creditCode, share: '25.00' }, { identifier: waiting.creditCode, share: '25.00' }] })
      .expect(201);
    await t.http().post(`/api/applications/${app.body.id}/acceptance`).set(bearer(joined.token)).expect(201);
    await t.http().post(`/api/applications/${app.body.id}/withdrawal`).set(bearer(lead.token)).send({ reason: '调整联合体成员' }).expect(200);
    for (const who of [joined, waiting]) {
      const [note] = await ofKind(who.token, 'application.withdrawn');
      expect(note!.body).toContain('调整联合体成员');
    }
    expect(await ofKind(lead.token, 'application.withdrawn')).toEqual([]);
  });

  it('alerts every finance officer once to a bank notice that reuses a transaction id with other content, and nobody else', async () => {
    const bidder = await company('到账冲突置业有限公司');
    const app = await t.http().post(`/api/lots/${lotId}/applications`).set(bearer(bidder.token)).send({}).expect(201);
    const subAccount = (await t.http().post(`/api/applications/${app.body.id}/submit`).set(bearer(bidder.token)).expect(201)).body.deposit.subAccount as string;
    const arrivedAt = new Date(Date.now() - 3_600_000).toISOString();
    await postNotice(t, bankNotice({ txnId: 'NJV-CF-1', subAccount, amount: '500000.00', payerName: '到账冲突置业有限公司', arrivedAt })).expect(200);
    const changed = bankNotice({ txnId: 'NJV-CF-1', subAccount, amount: '5000000.00', payerName: '到账冲突置业有限公司', arrivedAt });
    await postNotice(t, changed).expect(409);
    await postNotice(t, changed).expect(409);
    const alerts = await ofKind(finance, 'bank_notice.conflict');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ subject: '银行到账通知冲突：流水号NJV-CF-1', relatedType: 'bank_notice_conflict' });
    expect(alerts[0]!.body).toContain('amount');
    expect(await ofKind(bidder.token, 'bank_notice.conflict')).toEqual([]);
  });
});
