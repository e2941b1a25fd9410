import { ReservePriceService } from '@app/listing';
import { PARCEL_A, PARCEL_B } from '../support/fixtures';
import { addDays, AUCTION_TERMS, bearer, LISTING_TERMS, mondayAfter, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';

describe('from a reserved parcel to a published announcement with two lots', () => {
  let t: TestApp;
  let s: SaleBuilder;
  let announcementId: string;
  let listingLotId: string;
  let auctionLotId: string;
  let parcelIds: string[];
  const count = async (table: string) => Number((await t.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    s = await new SaleBuilder(t).init('sale');
  });
  afterAll(() => t.close());

  it('drafts an announcement with a listing lot (with a reserve) and an auction lot, each on a parcel ready for supply', async () => {
    parcelIds = [await s.readyParcel(PARCEL_A, 'SG2026-101'), await s.readyParcel(PARCEL_B, 'SG2026-102')];
    const draft = await t
      .http()
      .post('/api/announcements')
      .set(bearer(s.tokens.trading))
      .send({ number: '寿自然资告字〔2026〕8号', title: '寿光市国有建设用地使用权挂牌拍卖出让公告', body: '经寿光市人民政府批准，寿光市自然资源和规划局决定以挂牌、拍卖方式出让以下地块的国有建设用地使用权。' })
      .expect(201);
    announcementId = draft.body.id;
    const start = mondayAfter(30);
    const lot1 = await t
      .http()
      .post(`/api/announcements/${announcementId}/lots`)
      .set(bearer(s.tokens.trading))
      .send({ lotNumber: 'SG2026-01', title: '市林业局办公院地块', parcelIds: [parcelIds[0]], terms: LISTING_TERMS, schedule: await s.listingSchedule(start, 10) })
      .expect(201);
    listingLotId = lot1.body.id;
    const lot2 = await t
      .http()
      .post(`/api/announcements/${announcementId}/lots`)
      .set(bearer(s.tokens.trading))
      .send({ lotNumber: 'SG2026-02', title: '华源凯马事业部北院地块', parcelIds: [parcelIds[1]], terms: AUCTION_TERMS, schedule: await s.auctionSchedule(addDays(start, 21)) })
      .expect(201);
    auctionLotId = lot2.body.id;
    expect(lot1.body).toMatchObject({ phase: 'draft', startPrice: '10000000.00', deposit: '2000000.00' });
    expect(lot2.body).toMatchObject({ method: 'auction', increment: '50000.00' });
  });

  it('refuses to publish while the lot with a reserve has no pricing committee, listing the rule', async () => {
    const res = await t.http().post(`/api/announcements/${announcementId}/publish`).set(bearer(s.tokens.trading)).expect(400);
    expect(res.body.code).toBe('PUBLICATION_INVALID');
    expect(res.body.errors).toEqual([expect.objectContaining({ code: 'COMMITTEE_TOO_SMALL', field: 'lots[0].committee' })]);
  });

  it('seals the reserve from three proposals: their average rounded to the price unit, behind a published commitment', async () => {
    await t.http().put(`/api/lots/${listingLotId}/committee`).set(bearer(s.tokens.trading)).send({ memberIds: s.memberIds }).expect(200);
    const below = await t.http().post(`/api/lots/${listingLotId}/reserve-proposals`).set(bearer(s.tokens.members[0]!)).send({ value: '9999999.99' }).expect(400);
    expect(below.body).toMatchObject({ code: 'RESERVE_BELOW_START', field: 'value' });
    expect(await count('reserve_proposal')).toBe(0);

    const values = ['10312345.67', '10456789.01', '10398765.43'];
    for (const [i, value] of values.entries()) {
      const res = await t.http().post(`/api/lots/${listingLotId}/reserve-proposals`).set(bearer(s.tokens.members[i]!)).send({ value }).expect(201);
      expect(res.body).toMatchObject({ submitted: true, myValue: value, sealed: i === 2 });
    }
    const staff = await t.http().get(`/api/lots/${listingLotId}`).set(bearer(s.tokens.trading)).expect(200);
    expect(staff.body.reserve).toMatchObject({ hasReserve: true, sealed: true, revealedValue: null });
    expect(staff.body.reserve.commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(staff.body.reserve.committee.every((m: { submitted: boolean }) => m.submitted)).toBe(true);
  });

  it('answers a pricing official who does not sit on the lot exactly as for a lot that does not exist', async () => {
    const outsider = await t.tokenFor(['pricing_committee' as never], 'sale.outsider.member');
    const unknown = '00000000-0000-4000-8000-00000000abcd';
    for (const [method, path, body] of [
      ['get', 'reserve-proposals/mine', undefined],
      ['post', 'reserve-proposals', { value: '11000000.00' }],
    ] as const) {
      const call = (lotId: string) => (method === 'get' ? t.http().get(`/api/lots/${lotId}/${path}`) : t.http().post(`/api/lots/${lotId}/${path}`).send(body)).set(bearer(outsider));
      const [theirs, none] = [await call(listingLotId), await call(unknown)];
      expect(theirs.status).toBe(404);
      expect({ status: theirs.status, body: { ...theirs.body, message: theirs.body.message.replace(listingLotId, 'ID'), requestId: 'R' } }).toEqual({
        status: none.status,
        body: { ...none.body, message: none.body.message.replace(unknown, 'ID'), requestId: 'R' },
      });
    }
  });

  it('refuses any change after sealing: a second proposal, and an UPDATE of the seal in the database', async () => {
    const again = await t.http().post(`/api/lots/${listingLotId}/reserve-proposals`).set(bearer(s.tokens.members[0]!)).send({ value: '11000000.00' }).expect(400);
    expect(['RESERVE_ALREADY_SEALED', 'DUPLICATE_PROPOSAL']).toContain(again.body.code);
    await expect(t.dataSource.query(`UPDATE reserve_seal SET commitment = repeat('0', 64)`)).rejects.toThrow(/cannot be changed/);
    await expect(t.dataSource.query(`DELETE FROM reserve_seal`)).rejects.toThrow(/cannot be deleted/);
    await expect(t.dataSource.query(`UPDATE reserve_proposal SET submitted_at = now()`)).rejects.toThrow(/cannot be changed/);
    const committee = await t.http().put(`/api/lots/${listingLotId}/committee`).set(bearer(s.tokens.trading)).send({ memberIds: s.memberIds }).expect(400);
    expect(committee.body.code).toBe('COMMITTEE_LOCKED');
  });

  it('publishes: parcels become listed, version 1 is kept, and the notices appear publicly in Chinese', async () => {
    const res = await t.http().post(`/api/announcements/${announcementId}/publish`).set(bearer(s.tokens.trading)).expect(201);
    expect(res.body).toMatchObject({ status: 'published', version: 1 });
    expect(res.body.lots.map((l: { phase: string }) => l.phase)).toEqual(['published', 'published']);
    for (const id of parcelIds) {
      expect((await t.http().get(`/api/parcels/${id}`).set(bearer(s.tokens.reserve)).expect(200)).body.state).toBe('listed');
    }
    const feed = await t.http().get('/api/public/notices').expect(200);
    expect(feed.body.items.map((n: { kind: string }) => n.kind).sort()).toEqual(['announcement', 'reserve_sealed']);
    const notice = feed.body.items.find((n: { kind: string }) => n.kind === 'announcement');
    expect(notice.title).toContain('寿自然资告字〔2026〕8号');
    expect(notice.body).toContain('起始价10000000.00元');
    expect(notice.body).toContain('设有底价');
    const stable = await t.http().get(notice.url).expect(200);
    expect(stable.body.id).toBe(notice.id);
    const publicLot = await t.http().get(`/api/public/lots/${listingLotId}`).expect(200);
    expect(publicLot.body.reserve).toMatchObject({ hasReserve: true, sealed: true, revealed: null });
    expect(publicLot.body.parcels[0]).toMatchObject({ code: 'SG2026-101', area: '17800.00' });
  });

  it('keeps the earlier version when an amendment (补充公告) moves the auction, and publishes it', async () => {
    const newDate = addDays(mondayAfter(30), 28);
    const schedule = await s.auctionSchedule(newDate);
    const res = await t
      .http()
      .post(`/api/announcements/${announcementId}/amendments`)
      .set(bearer(s.tokens.trading))
      .send({ summary: '调整SG2026-02地块拍卖时间', reason: '规划条件复核', lots: [{ lotId: auctionLotId, schedule }] })
      .expect(201);
    expect(res.body.version).toBe(2);
    const v1 = await t.http().get(`/api/public/announcements/${announcementId}/versions/1`).expect(200);
    const v2 = await t.http().get(`/api/public/announcements/${announcementId}/versions/2`).expect(200);
    const auctionIn = (v: { body: { content: { lots: Array<{ lotNumber: string; schedule: { tradingStart: string } }> } } }) =>
      v.body.content.lots.find((l) => l.lotNumber === 'SG2026-02')!.schedule.tradingStart;
    expect(auctionIn(v1)).not.toBe(auctionIn(v2));
    expect(new Date(auctionIn(v2)).toISOString()).toBe(new Date(schedule.auctionStart).toISOString());
    const feed = await t.http().get('/api/public/notices').query({ kind: 'amendment' }).expect(200);
    expect(feed.body.items[0].title).toContain('补充公告');
  });

  it('a published commitment verifies against the value and salt revealed at close, and fails for any other value', async () => {
    const reserve = t.app.get(ReservePriceService);
    const revealed = await t.dataSource.transaction((em) => reserve.reveal(em, listingLotId));
    // (10312345.67 + 10456789.01 + 10398765.43) / 3 = 10389300.04, rounded to the 10,000 unit.
    expect(revealed.value.toString()).toBe('10390000.00');
    const ok = await t.http().post('/api/public/reserve/verify').send({ lotId: listingLotId, value: '10390000.00', salt: revealed.salt }).expect(200);
    expect(ok.body).toMatchObject({ valid: true, commitment: revealed.commitment });
    const bad = await t.http().post('/api/public/reserve/verify').send({ lotId: listingLotId, value: '10380000.00', salt: revealed.salt }).expect(200);
    expect(bad.body.valid).toBe(false);
    const lot = await t.http().get(`/api/public/lots/${listingLotId}`).expect(200);
    expect(lot.body.reserve.revealed).toMatchObject({ value: '10390000.00', salt: revealed.salt });
  });

  it('suspends only with a supervisor’s approval of a trading officer’s request, then terminates and returns the parcels to supply', async () => {
    const req = await t
      .http()
      .post(`/api/announcements/${announcementId}/suspension-requests`)
      .set(bearer(s.tokens.trading))
      .send({ ground: 'court_or_discipline_request', reason: '法院协助执行通知' })
      .expect(201);
    expect((await t.http().get(`/api/public/announcements/${announcementId}`).expect(200)).body.status).toBe('published');
    await t.http().post(`/api/approvals/${req.body.id}/decision`).set(bearer(s.tokens.trading)).send({ decision: 'approve', reason: 'x' }).expect(403);
    await t.http().post(`/api/approvals/${req.body.id}/decision`).set(bearer(s.tokens.supervisor)).send({ decision: 'approve', reason: '情况属实' }).expect(201);
    const suspended = await t.http().get(`/api/public/announcements/${announcementId}`).expect(200);
    expect(suspended.body.status).toBe('suspended');
    expect(suspended.body.lots.map((l: { phase: string }) => l.phase)).toEqual(['suspended', 'suspended']);
    expect(suspended.body.notices.map((n: { kind: string }) => n.kind)).toContain('suspension');

    const early = await t
      .http()
      .post(`/api/announcements/${announcementId}/resumption`)
      .set(bearer(s.tokens.trading))
      .send({ resumesAt: new Date(Date.now() + 2 * 86_400_000).toISOString(), reason: '情况消除' })
      .expect(400);
    expect(early.body).toMatchObject({ code: 'RESUMPTION_NOTICE_TOO_SHORT', field: 'resumesAt' });

    const term = await t.http().post(`/api/announcements/${announcementId}/termination-requests`).set(bearer(s.tokens.trading)).send({ reason: '规划条件调整，终止出让' }).expect(201);
    await t.http().post(`/api/approvals/${term.body.id}/decision`).set(bearer(s.tokens.supervisor)).send({ decision: 'approve', reason: '同意' }).expect(201);
    const ended = await t.http().get(`/api/public/announcements/${announcementId}`).expect(200);
    expect(ended.body.status).toBe('terminated');
    expect(ended.body.lots.map((l: { phase: string }) => l.phase)).toEqual(['terminated', 'terminated']);
    for (const id of parcelIds) {
      expect((await t.http().get(`/api/parcels/${id}`).set(bearer(s.tokens.reserve)).expect(200)).body.state).toBe('ready_for_supply');
    }
    const trail: Array<{ action: string }> = await t.dataSource.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`, [announcementId]);
    expect(trail.map((e) => e.action)).toEqual([
      'announcement.create',
      'announcement.publish',
      'announcement.amend',
      'announcement.suspend.request',
      'announcement.suspend',
      'announcement.terminate.request',
      'announcement.terminate',
    ]);
  });
});
