import { PARCEL_A, PARCEL_B } from '../support/fixtures';
import { applyJointly, registerCompany, uscc } from '../support/bidders';
import { bearer, LISTING_TERMS, mondayAfter, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * DOMAIN §4 joint bids, hardened: an invitation takes nobody's place until it is accepted, a partner
 * may decline, the inviter sees codes and answers but no names before acceptance, and nothing tells
 * the inviter whether a credit code is registered at all.
 */
describe('joint-bid invitations', () => {
  let t: TestApp;
  let lotA: string;
  let lotB: string;
  let seed = 20_000;
  const company = (name: string) => registerCompany(t, `jv${++seed}`, name, seed);
  const membership = async (lotId: string) =>
    JSON.stringify(await t.dataSource.query(`SELECT application_id, bidder_id, released_at IS NOT NULL AS released FROM application_partner WHERE lot_id = $1 ORDER BY application_id, bidder_id`, [lotId]));

  beforeAll(async () => {
    t = await createTestApp();
    const s = await new SaleBuilder(t).init('jv');
    const terms = { ...LISTING_TERMS, hasReserve: false, reserveRoundingUnit: undefined };
    const a = await t.http().post('/api/announcements').set(bearer(s.tokens.trading)).send({ number: '寿自然资告字〔2026〕50号', title: '出让公告', body: '正文' }).expect(201);
    const ids: string[] = [];
    for (const [i, parcel] of [PARCEL_A, PARCEL_B].entries()) {
      const parcelId = await s.readyParcel(parcel, `SG2026-70${i}`);
      const lot = await t
        .http()
        .post(`/api/announcements/${a.body.id}/lots`)
        .set(bearer(s.tokens.trading))
        .send({ lotNumber: `JV-0${i + 1}`, title: '联合竞买地块', parcelIds: [parcelId], terms, schedule: await s.listingSchedule(mondayAfter(30), 10) })
        .expect(201);
      ids.push(lot.body.id);
    }
    [lotA, lotB] = ids as [string, string];
    await t.http().post(`/api/announcements/${a.body.id}/publish`).set(bearer(s.tokens.trading)).expect(201);
    await t.dataSource.query(`UPDATE lot SET application_start = now() - interval '1 minute'`);
  });
  afterAll(() => t.close());

  it('an invitation does not take the partner’s place: the invited company still applies alone', async () => {
    const lead = await company('邀请方置业有限公司');
    const invited = await company('被邀请地产有限公司');
    await t
      .http()
      .post(`/api/lots/${lotA}/applications`)
      .set(bearer(lead.token))
      .send({ partners: [{ identifier: lead.creditCode, share: '60.00' }, { identifier: invited.creditCode, share: '40.00' }] })
      .expect(201);
    const alone = await t.http().post(`/api/lots/${lotA}/applications`).set(bearer(invited.token)).send({}).expect(201);
    expect(alone.body).toMatchObject({ joint: false, status: 'draft' });
  });

  it('inviting an unregistered credit code answers exactly like inviting a registered one', async () => {
    const registered = await company('已注册合作公司');
    const answers = [];
    for (const partnerCode of [registered.creditCode, uscc(++seed)]) {
      const lead = await company(`邀请方${seed}号公司`);
      const res = await t
        .http()
        .post(`/api/lots/${lotA}/applications`)
        .set(bearer(lead.token))
        .send({ partners: [{ identifier: lead.creditCode, share: '50.00' }, { identifier: partnerCode.toLowerCase(), share: '50.00' }] });
      // Everything that is the lead's own or the request's own is masked out; what remains must match.
      const text = JSON.stringify(res.body).replaceAll(res.body.id, 'ID').replaceAll(lead.creditCode, 'LEAD').replaceAll(lead.name, 'LEAD_NAME').replaceAll(partnerCode, 'PARTNER');
      answers.push({ status: res.status, body: text });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]!.status).toBe(201);
    expect(answers[0]!.body).not.toContain(registered.name);
  });

  it('shows the inviter each partner by the code it typed, with no name until the partner accepts', async () => {
    const lead = await company('牵头人置业有限公司');
    const b = await company('合作方乙地产有限公司');
    const c = await company('合作方丙建设有限公司');
    const appId = await applyJointly(t, lotB, lead, [{ ...b, share: '30.00' }, { ...c, share: '30.00' }], '40.00', []);
    const before = await t.http().get(`/api/applications/${appId}`).set(bearer(lead.token)).expect(200);
    expect(before.body.members).toEqual([
      expect.objectContaining({ identifier: lead.creditCode, name: lead.name, share: '40.00', isLead: true, status: 'accepted' }),
      expect.objectContaining({ identifier: b.creditCode, name: null, share: '30.00', isLead: false, status: 'pending', accepted: false }),
      expect.objectContaining({ identifier: c.creditCode, name: null, share: '30.00', isLead: false, status: 'pending', accepted: false }),
    ]);
    expect(before.text).not.toContain(b.name);
    await t.http().post(`/api/applications/${appId}/acceptance`).set(bearer(b.token)).expect(201);
    const after = await t.http().get(`/api/applications/${appId}`).set(bearer(lead.token)).expect(200);
    expect(after.body.members[1]).toMatchObject({ name: b.name, status: 'accepted' });
    expect(after.body.members[2]).toMatchObject({ name: null, status: 'pending' });
    expect(after.text).not.toContain(c.name);
  });

  it('a partner lists the invitations to its credit code and accepts one, becoming a member (audited)', async () => {
    const lead = await company('甲联合置业有限公司');
    const partner = await company('乙联合地产有限公司');
    const appId = await applyJointly(t, lotB, lead, [{ ...partner, share: '45.50' }], '54.50', []);
    const mine = await t.http().get('/api/invitations/mine').set(bearer(partner.token)).expect(200);
    expect(mine.body).toEqual([expect.objectContaining({ applicationId: appId, lotId: lotB, lotNumber: 'JV-02', lead: lead.name, share: '45.50', partners: 2, status: 'pending' })]);
    expect((await t.http().get('/api/invitations/mine').set(bearer(lead.token)).expect(200)).body).toEqual([]);
    const accepted = await t.http().post(`/api/applications/${appId}/acceptance`).set(bearer(partner.token)).expect(201);
    expect(accepted.body).toMatchObject({ id: appId, isLead: false, joint: true });
    // Accepting again changes nothing.
    await t.http().post(`/api/applications/${appId}/acceptance`).set(bearer(partner.token)).expect(201);
    const rows: Array<{ share: string }> = await t.dataSource.query(`SELECT share::text FROM application_partner WHERE application_id = $1 AND bidder_id = $2`, [appId, partner.id]);
    expect(rows).toEqual([{ share: '0.4550' }]);
    const audit: Array<{ action: string; actor_name: string }> = await t.dataSource.query(`SELECT action, actor_name FROM audit_event WHERE entity_id = $1 AND action LIKE 'application.partner.%'`, [appId]);
    expect(audit).toEqual([{ action: 'application.partner.accept', actor_name: expect.stringMatching(/^jv\d+$/) }]);
    expect((await t.http().get('/api/invitations/mine').set(bearer(partner.token)).expect(200)).body[0]).toMatchObject({ status: 'accepted' });
  });

  it('refuses the acceptance with ALONE_AND_JOINT when the partner has meanwhile applied alone, and changes nothing', async () => {
    const lead = await company('先邀请置业有限公司');
    const partner = await company('后单独竞买有限公司');
    const appId = await applyJointly(t, lotA, lead, [{ ...partner, share: '50.00' }], '50.00', []);
    await t.http().post(`/api/lots/${lotA}/applications`).set(bearer(partner.token)).send({}).expect(201);
    const before = await membership(lotA);
    const res = await t.http().post(`/api/applications/${appId}/acceptance`).set(bearer(partner.token)).expect(409);
    expect(res.body).toMatchObject({ code: 'ALONE_AND_JOINT', field: 'id' });
    expect(res.body.message).toContain('单独申请');
    expect(await membership(lotA)).toBe(before);
    expect((await t.http().get('/api/invitations/mine').set(bearer(partner.token)).expect(200)).body[0]).toMatchObject({ applicationId: appId, status: 'pending' });
  });

  it('refuses to let one company join two groups for the same lot', async () => {
    const [lead1, lead2, partner] = [await company('第一联合体牵头公司'), await company('第二联合体牵头公司'), await company('两边受邀地产公司')];
    await applyJointly(t, lotA, lead1, [{ ...partner, share: '50.00' }], '50.00');
    const second = await applyJointly(t, lotA, lead2, [{ ...partner, share: '50.00' }], '50.00', []);
    const res = await t.http().post(`/api/applications/${second}/acceptance`).set(bearer(partner.token)).expect(409);
    expect(res.body.code).toBe('ALREADY_APPLIED');
  });

  it('a partner declines (audited with its reason); the lead cannot submit, withdraws, and everyone may apply again', async () => {
    const lead = await company('婉拒测试牵头公司');
    const keen = await company('愿意合作地产公司');
    const reluctant = await company('婉拒合作建设公司');
    const appId = await applyJointly(t, lotA, lead, [{ ...keen, share: '30.00' }, { ...reluctant, share: '30.00' }], '40.00', [keen]);
    const declined = await t.http().post(`/api/applications/${appId}/decline`).set(bearer(reluctant.token)).send({ reason: '董事会未批准' }).expect(200);
    expect(declined.body).toMatchObject({ applicationId: appId, status: 'declined', lead: lead.name });
    const [audit] = (await t.dataSource.query(`SELECT reason FROM audit_event WHERE entity_id = $1 AND action = 'application.partner.decline'`, [appId])) as Array<{ reason: string }>;
    expect(audit).toEqual({ reason: '董事会未批准' });
    // Declining is final: the lead must start over.
    expect((await t.http().post(`/api/applications/${appId}/acceptance`).set(bearer(reluctant.token)).expect(409)).body.code).toBe('ALREADY_DECLINED');
    const seen = await t.http().get(`/api/applications/${appId}`).set(bearer(lead.token)).expect(200);
    expect(seen.body.members[2]).toMatchObject({ identifier: reluctant.creditCode, status: 'declined', name: null });
    const submit = await t.http().post(`/api/applications/${appId}/submit`).set(bearer(lead.token)).expect(400);
    expect(submit.body).toMatchObject({ code: 'PARTNER_DECLINED', field: 'partners' });
    expect(submit.body.message).toContain(reluctant.creditCode);
    expect(submit.body.message).not.toContain(reluctant.name);

    // Only the lead withdraws; the partner who accepted cannot.
    expect((await t.http().post(`/api/applications/${appId}/withdrawal`).set(bearer(keen.token)).send({}).expect(400)).body.code).toBe('NOT_THE_LEAD');
    const withdrawn = await t.http().post(`/api/applications/${appId}/withdrawal`).set(bearer(lead.token)).send({ reason: '联合体成员调整' }).expect(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const history: Array<{ action: string; reason: string }> = await t.dataSource.query(`SELECT action, reason FROM audit_event WHERE entity_id = $1 AND action = 'application.withdraw'`, [appId]);
    expect(history).toEqual([{ action: 'application.withdraw', reason: '联合体成员调整' }]);
    // The places are free: the lead and the willing partner apply again with a new group.
    const replacement = await company('替补合作置业公司');
    const again = await applyJointly(t, lotA, lead, [{ ...keen, share: '30.00' }, { ...replacement, share: '30.00' }], '40.00');
    expect((await t.http().post(`/api/applications/${again}/submit`).set(bearer(lead.token)).expect(201)).body.status).toBe('awaiting_deposit');
    // The old application stays on record for its members.
    expect((await t.http().get(`/api/applications/${appId}`).set(bearer(keen.token)).expect(200)).body.status).toBe('withdrawn');
  });

  it('submits only once every partner has accepted, naming the waiting partners by code', async () => {
    const lead = await company('等待接受牵头公司');
    const slow = await company('迟迟未答复公司');
    const appId = await applyJointly(t, lotB, lead, [{ ...slow, share: '50.00' }], '50.00', []);
    const early = await t.http().post(`/api/applications/${appId}/submit`).set(bearer(lead.token)).expect(400);
    expect(early.body).toMatchObject({ code: 'PARTNERS_NOT_ACCEPTED', field: 'partners' });
    expect(early.body.message).toContain(slow.creditCode);
    expect(early.body.message).not.toContain(slow.name);
    await t.http().post(`/api/applications/${appId}/acceptance`).set(bearer(slow.token)).expect(201);
    await t.http().post(`/api/applications/${appId}/submit`).set(bearer(lead.token)).expect(201);
    // Too late to accept or decline anything now that it is submitted: nothing is pending.
    expect((await t.http().post(`/api/applications/${appId}/decline`).set(bearer(slow.token)).send({}).expect(409)).body.code).toBe('ALREADY_ACCEPTED');
  });

  it('does not tell the lead that an invited partner is barred; the barred partner cannot accept', async () => {
    const s = await t.tokenFor(['trading_officer']);
    const lead = await company('不知情牵头公司');
    const barred = await company('失信被执行合作公司');
    await t.http().post(`/api/bidders/${barred.id}/blacklist`).set(bearer(s)).send({ reason: '成交后未签订出让合同', endsAt: '2029-12-31T23:59:59+08:00' }).expect(201);
    const res = await t
      .http()
      .post(`/api/lots/${lotB}/applications`)
      .set(bearer(lead.token))
      .send({ partners: [{ identifier: lead.creditCode, share: '50.00' }, { identifier: barred.creditCode, share: '50.00' }] })
      .expect(201);
    expect(res.text).not.toContain('成交后未签订出让合同');
    const refused = await t.http().post(`/api/applications/${res.body.id}/acceptance`).set(bearer(barred.token)).expect(400);
    expect(refused.body.code).toBe('BIDDER_BLACKLISTED');
  });

  it('refuses a malformed partner code by its field and creates nothing', async () => {
    const lead = await company('格式错误牵头公司');
    const count = async () => (await t.dataSource.query(`SELECT (SELECT count(*) FROM application) + (SELECT count(*) FROM joint_invitation) AS n`))[0].n;
    const before = await count();
    const res = await t
      .http()
      .post(`/api/lots/${lotB}/applications`)
      .set(bearer(lead.token))
      .send({ partners: [{ identifier: lead.creditCode, share: '50.00' }, { identifier: '91370783MA3C5X2Q1Z', share: '50.00' }] })
      .expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ code: 'PARTNER_IDENTIFIER_INVALID', field: 'partners[1].identifier' })]);
    expect(await count()).toBe(before);
  });
});
