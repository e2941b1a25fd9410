import { Role } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { SaleNotices } from '@app/notification';
import { generateSubAccount } from '@app/qualification/domain/virtual-account';
import { SettlementService } from '@app/settlement';
import { bankNotice, postNotice } from '../support/bank';
import { registerCompany } from '../support/bidders';
import { PARCEL_A, PARCEL_B } from '../support/fixtures';
import { soldLot, type MoneyBidder } from '../support/money-sale';
import { addDays, AUCTION_TERMS, bearer, LISTING_TERMS, mondayAfter, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';
import { listen } from '../support/trading';

interface Note {
  kind: string;
  subject: string;
  body: string;
  relatedType: string | null;
  relatedId: string | null;
}

/**
 * Every trigger of issue item 11: who hears of what, in Chinese, with the announcement and lot numbers.
 * Each test fails when its trigger is removed.
 */
describe('notifications reach the people a change concerns', () => {
  let t: TestApp;
  let s: SaleBuilder;
  let url: string;
  let seed = 0;
  const inbox = async (token: string): Promise<Note[]> => (await t.http().get('/api/notifications/mine').query({ pageSize: 500 }).set(bearer(token)).expect(200)).body.items as Note[];
  const ofKind = async (token: string, kind: string) => (await inbox(token)).filter((n) => n.kind === kind);
  const company = async (label: string) => registerCompany(t, `ntf.b${++seed}`, `寿光${label}置业有限公司`, 6100 + seed);
  const openApplications = (lotId: string) => t.dataSource.query(`UPDATE lot SET application_start = now() - interval '1 minute' WHERE id = $1`, [lotId]);
  const sql = <T = Record<string, unknown>>(q: string, params: unknown[] = []) => t.dataSource.query(q, params) as Promise<T[]>;
  const today = async () => (await sql<{ d: string }>(`SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS d`))[0]!.d;

  /**
   * A joint application written straight to the tables (the invitation and acceptance flow is
   * tested in test/qualification): its lead and partner, in the given state.
   */
  async function jointApplication(lotId: string, lead: { id: string }, partner: { id: string }, status = 'draft', subAccount: string | null = null): Promise<string> {
    const [app] = await sql<{ id: string }>(
      `INSERT INTO application (lot_id, lead_bidder_id, joint, status, review_mode, submitted_at, deposit_required, deposit_deadline, sub_account, sub_account_issued_at, version)
       SELECT $1, $2, true, $3, 'post_review', now(), deposit, deposit_deadline, $4::text, CASE WHEN $4::text IS NULL THEN NULL ELSE now() END, 1 FROM lot WHERE id = $1 RETURNING id`,
      [lotId, lead.id, status, subAccount],
    );
    await sql(`INSERT INTO application_partner (application_id, bidder_id, lot_id, share, is_lead, accepted_at) VALUES ($1, $2, $3, 0.6, true, now()), ($1, $4, $3, 0.4, false, now())`, [app!.id, lead.id, lotId, partner.id]);
    return app!.id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    url = await listen(t);
    s = await new SaleBuilder(t).init('ntf');
  });
  afterAll(() => t.close());

  describe('the notices of an announcement', () => {
    let announcementId: string;
    let number: string;
    let lot2: string;
    let lead: Awaited<ReturnType<typeof company>>;
    let partner: Awaited<ReturnType<typeof company>>;
    let solo: Awaited<ReturnType<typeof company>>;
    let bystander: Awaited<ReturnType<typeof company>>;

    beforeAll(async () => {
      const start = mondayAfter(30);
      number = '寿自然资告字〔2026〕N1号';
      const a = await t.http().post('/api/announcements').set(bearer(s.tokens.trading)).send({ number, title: '寿光市国有建设用地使用权拍卖出让公告', body: '正文' }).expect(201);
      announcementId = a.body.id as string;
      const terms = { ...AUCTION_TERMS, eligibility: { jointBidsAllowed: true, review: 'post_review', exclusions: '' } };
      const add = async (lotNumber: string, parcel: typeof PARCEL_A, code: string, day: string) =>
        (await t.http().post(`/api/announcements/${announcementId}/lots`).set(bearer(s.tokens.trading)).send({ lotNumber, title: '测试地块', parcelIds: [await s.readyParcel(parcel, code)], terms, schedule: await s.auctionSchedule(day) }).expect(201)).body.id as string;
      const lot1 = await add('N1-01', PARCEL_A, 'SG2026-N11', start);
      lot2 = await add('N1-02', PARCEL_B, 'SG2026-N12', addDays(start, 7));
      await t.http().post(`/api/announcements/${announcementId}/publish`).set(bearer(s.tokens.trading)).expect(201);
      await openApplications(lot1);
      await openApplications(lot2);
      [lead, partner, solo, bystander] = [await company('甲'), await company('乙'), await company('丙'), await company('丁')];
      await jointApplication(lot1, lead, partner);
      await t.http().post(`/api/lots/${lot2}/applications`).set(bearer(solo.token)).send({}).expect(201);
    });

    it('an amendment of one lot reaches every applicant of the announcement, joint partners included, and says what changed', async () => {
      const schedule = await s.auctionSchedule(addDays(mondayAfter(30), 14));
      await t.http().post(`/api/announcements/${announcementId}/amendments`).set(bearer(s.tokens.trading)).send({ summary: '调整N1-02拍卖时间', reason: '规划条件复核', lots: [{ lotId: lot2, schedule }] }).expect(201);
      for (const who of [lead, partner, solo]) {
        const [note] = await ofKind(who.token, 'announcement.amendment');
        expect(note).toMatchObject({ subject: `补充公告：${number}`, relatedType: 'announcement', relatedId: announcementId });
        expect(note!.body).toContain('标的N1-02拍卖开始时间由');
        expect(note!.body).toContain('涉及标的：N1-01、N1-02');
      }
      expect(await inbox(bystander.token)).toEqual([]);
    });

    it('a corrected title alone is an amendment too, and reaches them all', async () => {
      await t.http().post(`/api/announcements/${announcementId}/amendments`).set(bearer(s.tokens.trading)).send({ title: '寿光市国有建设用地使用权拍卖出让公告（更正）', summary: '更正公告标题', reason: '标题笔误', lots: [] }).expect(201);
      for (const who of [lead, partner, solo]) {
        const notes = await ofKind(who.token, 'announcement.amendment');
        expect(notes).toHaveLength(2);
        expect(notes[0]!.body).toContain('公告标题由“寿光市国有建设用地使用权拍卖出让公告”调整为“寿光市国有建设用地使用权拍卖出让公告（更正）”');
      }
    });

    it('a suspension, the resumption and the termination each reach every applicant', async () => {
      const req = await t.http().post(`/api/announcements/${announcementId}/suspension-requests`).set(bearer(s.tokens.trading)).send({ ground: 'court_or_discipline_request', reason: '法院协助执行通知' }).expect(201);
      await t.http().post(`/api/approvals/${req.body.id}/decision`).set(bearer(s.tokens.supervisor)).send({ decision: 'approve', reason: '情况属实' }).expect(201);
      await t.http().post(`/api/announcements/${announcementId}/resumption`).set(bearer(s.tokens.trading)).send({ resumesAt: new Date(Date.now() + 6 * 86_400_000).toISOString(), reason: '情况已消除' }).expect(201);
      const end = await t.http().post(`/api/announcements/${announcementId}/termination-requests`).set(bearer(s.tokens.trading)).send({ reason: '规划条件调整' }).expect(201);
      await t.http().post(`/api/approvals/${end.body.id}/decision`).set(bearer(s.tokens.supervisor)).send({ decision: 'approve', reason: '同意' }).expect(201);
      for (const who of [lead, partner, solo]) {
        const notes = await inbox(who.token);
        const byKind = (k: string) => notes.filter((n) => n.kind === k);
        expect(byKind('announcement.suspension')[0]!.body).toContain('法院协助执行通知');
        expect(byKind('announcement.resumption')[0]!.subject).toBe(`恢复公告：${number}`);
        expect(byKind('announcement.termination')[0]!.body).toContain('规划条件调整');
      }
      expect(await inbox(bystander.token)).toEqual([]);
    });
  });

  it('tells each official named to a pricing committee, once, and not the ones already on it', async () => {
    const a = await t.http().post('/api/announcements').set(bearer(s.tokens.trading)).send({ number: '寿自然资告字〔2026〕N2号', title: '挂牌出让公告', body: '正文' }).expect(201);
    const lot = await t
      .http()
      .post(`/api/announcements/${a.body.id}/lots`)
      .set(bearer(s.tokens.trading))
      .send({ lotNumber: 'N2-01', title: '挂牌地块', parcelIds: [await s.readyParcel(PARCEL_A, 'SG2026-N21')], terms: LISTING_TERMS, schedule: await s.listingSchedule(mondayAfter(30), 10) })
      .expect(201);
    await t.http().put(`/api/lots/${lot.body.id}/committee`).set(bearer(s.tokens.trading)).send({ memberIds: s.memberIds }).expect(200);
    for (const token of s.tokens.members) {
      const [note] = await ofKind(token, 'committee.appointed');
      expect(note).toMatchObject({ subject: '底价委员会任命：标的N2-01', relatedType: 'lot', relatedId: lot.body.id });
      expect(note!.body).toContain('寿自然资告字〔2026〕N2号');
      expect(note!.body).toContain('起始价10000000.00元');
    }
    const fourth = await t.tokenFor([Role.PricingCommittee], 'ntf.member4');
    const fourthId = (await t.http().get('/api/auth/me').set(bearer(fourth)).expect(200)).body.id as string;
    await t.http().put(`/api/lots/${lot.body.id}/committee`).set(bearer(s.tokens.trading)).send({ memberIds: [...s.memberIds.slice(1), fourthId] }).expect(200);
    expect(await ofKind(fourth, 'committee.appointed')).toHaveLength(1);
    expect(await ofKind(s.tokens.members[1]!, 'committee.appointed')).toHaveLength(1);
  });

  describe('the notices of an application', () => {
    let lotId: string;
    beforeAll(async () => {
      const a = await t.http().post('/api/announcements').set(bearer(s.tokens.trading)).send({ number: '寿自然资告字〔2026〕N3号', title: '拍卖出让公告', body: '正文' }).expect(201);
      lotId = (
        await t
          .http()
          .post(`/api/announcements/${a.body.id}/lots`)
          .set(bearer(s.tokens.trading))
          .send({ lotNumber: 'N3-01', title: '资格前审地块', parcelIds: [await s.readyParcel(PARCEL_B, 'SG2026-N31')], terms: AUCTION_TERMS, schedule: await s.auctionSchedule(mondayAfter(30)) })
          .expect(201)
      ).body.id as string;
      await t.http().post(`/api/announcements/${a.body.id}/publish`).set(bearer(s.tokens.trading)).expect(201);
      await openApplications(lotId);
    });

    it('tells the bidder its pre-review result: approved with its deposit account, or rejected with the reason', async () => {
      const [ok, no] = [await company('戊'), await company('己')];
      const review = async (who: typeof ok, decision: string, reason: string) => {
        const app = await t.http().post(`/api/lots/${lotId}/applications`).set(bearer(who.token)).send({}).expect(201);
        await t.http().post(`/api/applications/${app.body.id}/submit`).set(bearer(who.token)).expect(201);
        await t.http().post(`/api/applications/${app.body.id}/review`).set(bearer(s.tokens.trading)).send({ decision, reason }).expect(201);
        return app.body.id as string;
      };
      const approvedId = await review(ok, 'approve', '材料齐全');
      await review(no, 'reject', '营业执照已过期');
      const mine = (await t.http().get('/api/applications/mine').set(bearer(ok.token)).expect(200)).body[0];
      const [approved] = await ofKind(ok.token, 'application.approved');
      expect(approved).toMatchObject({ subject: '资格审查通过：标的N3-01', relatedType: 'application', relatedId: approvedId });
      expect(approved!.body).toContain(mine.deposit.subAccount);
      const [rejected] = await ofKind(no.token, 'application.rejected');
      expect(rejected!.body).toContain('营业执照已过期');
      expect(rejected!.body).toContain('寿自然资告字〔2026〕N3号标的N3-01');

      // The deposit arrives in full: qualified, with the bidder number drawn.
      await postNotice(t, bankNotice({ subAccount: mine.deposit.subAccount, amount: AUCTION_TERMS.deposit, payerName: ok.name })).expect(200);
      const number = (await t.http().get('/api/applications/mine').set(bearer(ok.token)).expect(200)).body[0].bidderNumber as string;
      const [qualified] = await ofKind(ok.token, 'application.qualified');
      expect(qualified!.subject).toBe(`竞买资格确认：标的N3-01，号牌${number}`);
      expect(await ofKind(no.token, 'application.qualified')).toEqual([]);
    });

    it('tells every member of a joint bid that it is qualified, with its bidder number', async () => {
      const [lead, partner] = [await company('庚'), await company('辛')];
      const subAccount = generateSubAccount('955880');
      await jointApplication(lotId, lead, partner, 'awaiting_deposit', subAccount);
      await postNotice(t, bankNotice({ subAccount, amount: AUCTION_TERMS.deposit, payerName: lead.name })).expect(200);
      const [number] = await sql<{ bidder_number: string }>(`SELECT bidder_number FROM application WHERE sub_account = $1`, [subAccount]);
      for (const who of [lead, partner]) expect((await ofKind(who.token, 'application.qualified'))[0]!.body).toContain(`竞买号牌为${number!.bidder_number}`);
    });

    it('tells the bidders of an application returned for more documents what to add', async () => {
      const who = await company('壬');
      const app = await t.http().post(`/api/lots/${lotId}/applications`).set(bearer(who.token)).send({}).expect(201);
      await t.app.get(TransactionRunner).run((em) => t.app.get(SaleNotices).applicationReviewed(em, app.body.id as string, 'return', '缺少法定代表人授权委托书'));
      expect((await ofKind(who.token, 'application.returned'))[0]!.body).toContain('缺少法定代表人授权委托书');
    });
  });

  describe('the notices after the hammer', () => {
    let lotId: string;
    let bidders: MoneyBidder[];
    let finance: string;
    const settle = () => t.app.get(SettlementService).runOnce();

    beforeAll(async () => {
      finance = await t.tokenFor([Role.FinanceOfficer], 'ntf.finance');
      ({ lotId, bidders } = await soldLot(t, s, url, ['9800000.00', '9850000.00', '9900000.00']));
      await settle();
    }, 60_000);

    it('tells the winner it won and that its confirmation awaits its signature, and each other bidder that it did not, with its refund', async () => {
      const [won] = await ofKind(bidders[2]!.token, 'lot.won');
      expect(won!.body).toContain('成交价9900000.00元');
      expect(won!.body).toContain('保证金1960000.00元转为定金');
      const [confirmation] = await ofKind(bidders[2]!.token, 'confirmation.issued');
      const code = (await t.http().get(`/api/lots/${lotId}/confirmation`).set(bearer(bidders[2]!.token)).expect(200)).body.verificationCode as string;
      expect(confirmation!.body).toContain(code);
      for (const loser of bidders.slice(0, 2)) {
        const notes = await inbox(loser.token);
        expect(notes.filter((n) => n.kind === 'lot.won' || n.kind === 'confirmation.issued')).toEqual([]);
        const [lost] = notes.filter((n) => n.kind === 'lot.not_won');
        expect(lost!.body).toMatch(/您（号牌\d+）未竞得/);
        expect(lost!.body).toContain('您交纳的保证金1960000.00元将于');
      }
      // Settling again (another instance, a retry) tells nobody twice.
      await settle();
      expect(await ofKind(bidders[0]!.token, 'lot.not_won')).toHaveLength(1);
    });

    it('tells a bidder its deposit was refunded, with the bank reference', async () => {
      const refunds = (await t.http().get('/api/refunds').query({ lotId }).set(bearer(finance)).expect(200)).body as Array<{ id: string; applicationId: string }>;
      const refund = refunds.find((r) => r.applicationId === bidders[0]!.applicationId)!;
      await t.http().post(`/api/refunds/${refund.id}/payment`).set(bearer(finance)).send({ bankReference: 'BK20261207001', paidOn: await today() }).expect(201);
      const [paid] = await ofKind(bidders[0]!.token, 'refund.paid');
      expect(paid!.body).toContain('1960000.00元');
      expect(paid!.body).toContain('BK20261207001');
      expect(await ofKind(bidders[1]!.token, 'refund.paid')).toEqual([]);
    });

    it('reminds the winner of an installment falling due, once, and tells it when one is overdue', async () => {
      await t.http().post(`/api/lots/${lotId}/confirmation/signature`).set(bearer(bidders[2]!.token)).expect(201);
      const contract = await t.http().post(`/api/lots/${lotId}/contract`).set(bearer(s.tokens.trading)).send({ contractNumber: 'HT-NTF-001', signedOn: await today() }).expect(201);
      // Time passes (simulated): the first installment falls due in 3 days, within the 7-day reminder window.
      await sql(`UPDATE installment SET due_date = (now() AT TIME ZONE 'Asia/Shanghai')::date + 3 WHERE contract_id = $1 AND number = 1`, [contract.body.id]);
      await settle();
      await settle();
      const soon = await ofKind(bidders[2]!.token, 'installment.due_soon');
      expect(soon).toHaveLength(1);
      expect(soon[0]).toMatchObject({ subject: '出让价款缴纳提醒：合同HT-NTF-001第1期', relatedType: 'contract', relatedId: contract.body.id });
      expect(soon[0]!.body).toContain(`尚需缴纳${contract.body.installments[0].payable as string}元`);
      expect(await ofKind(bidders[2]!.token, 'installment.overdue')).toEqual([]);

      await sql(`UPDATE installment SET due_date = (now() AT TIME ZONE 'Asia/Shanghai')::date - 2 WHERE contract_id = $1 AND number = 1`, [contract.body.id]);
      await settle();
      await settle();
      const overdue = await ofKind(bidders[2]!.token, 'installment.overdue');
      expect(overdue).toHaveLength(1);
      expect(overdue[0]!.body).toContain('滞纳金');
      expect(await ofKind(bidders[0]!.token, 'installment.overdue')).toEqual([]);
    });
  });
});
