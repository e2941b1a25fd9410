import { Role } from '@app/auth';
import { PARCEL_A, PARCEL_B } from '../support/fixtures';
import { addDays, at, AUCTION_TERMS, bearer, LISTING_TERMS, mondayAfter, SaleBuilder, shanghaiDate } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';
import { publishedLot } from '../support/trading';

/**
 * Staff doing their job through the API (issue item 13): draft lots edited and deleted with their
 * parcels released, schedules already past refused when drafted, no sealing moment without a reserve,
 * no empty 补充公告, and committee members picked without the user-admin permission.
 */
describe('draft lots, schedules and amendments through the API', () => {
  let t: TestApp;
  let s: SaleBuilder;
  let n = 0;
  const NO_RESERVE = { ...AUCTION_TERMS, hasReserve: false };
  const sql = <T = Record<string, unknown>>(q: string, params: unknown[] = []) => t.dataSource.query(q, params) as Promise<T[]>;
  const draft = async () => (await t.http().post('/api/announcements').set(bearer(s.tokens.trading)).send({ number: `寿自然资告字〔2026〕D${++n}号`, title: '拍卖出让公告', body: '正文' }).expect(201)).body.id as string;
  const addLot = (announcementId: string, body: Record<string, unknown>) => t.http().post(`/api/announcements/${announcementId}/lots`).set(bearer(s.tokens.trading)).send(body);
  const auctionLot = async (announcementId: string, parcelIds: string[], terms: Record<string, unknown> = NO_RESERVE) =>
    (await addLot(announcementId, { lotNumber: `D-${++n}`, title: '草稿地块', parcelIds, terms, schedule: await s.auctionSchedule(mondayAfter(30)) }).expect(201)).body as { id: string; lotNumber: string; schedule: Record<string, string> };
  const parcel = (code: string, base: typeof PARCEL_A = PARCEL_A) => s.readyParcel(base, code);
  const stateOf = async (parcelId: string) => (await sql<{ state: string }>(`SELECT state FROM parcel WHERE id = $1`, [parcelId]))[0]!.state;
  const snapshot = async () => JSON.stringify(await sql(`SELECT (SELECT json_agg(l ORDER BY l.id) FROM lot l) AS lots, (SELECT json_agg(p ORDER BY p.lot_id, p.parcel_id) FROM lot_parcel p) AS links, (SELECT count(*) FROM announcement) AS a`));

  beforeAll(async () => {
    t = await createTestApp();
    s = await new SaleBuilder(t).init('draft');
  });
  afterAll(() => t.close());

  describe('a draft lot can be edited and deleted, and its parcels are released', () => {
    it('edits a draft lot: title, schedule and parcels; the parcel taken out is free for another lot, and the edit is audited', async () => {
      const [p1, p2] = [await parcel('SG2026-D01'), await parcel('SG2026-D02', PARCEL_B)];
      const a = await draft();
      const lot = await auctionLot(a, [p1, p2]);
      const schedule = await s.auctionSchedule(addDays(mondayAfter(30), 7));
      const res = await t.http().patch(`/api/lots/${lot.id}`).set(bearer(s.tokens.trading)).send({ title: '草稿地块（修改）', parcelIds: [p1], schedule }).expect(200);
      expect(res.body).toMatchObject({ title: '草稿地块（修改）', parcelIds: [p1], phase: 'draft' });
      expect(new Date(res.body.schedule.auctionStart).toISOString()).toBe(new Date(schedule.auctionStart).toISOString());
      expect(await stateOf(p2)).toBe('ready_for_supply');
      await auctionLot(await draft(), [p2]);
      const [audit] = await sql<{ before: { title: string }; after: { title: string; releasedParcels: string[] } }>(`SELECT before, after FROM audit_event WHERE action = 'lot.update' AND entity_id = $1`, [lot.id]);
      expect(audit).toMatchObject({ before: { title: '草稿地块' }, after: { title: '草稿地块（修改）', releasedParcels: [p2] } });
    });

    it('deletes a draft lot with its committee, and its parcel goes into another lot', async () => {
      const p = await parcel('SG2026-D03');
      const a = await draft();
      const lot = (await addLot(a, { lotNumber: `D-${++n}`, title: '有底价地块', parcelIds: [p], terms: LISTING_TERMS, schedule: await s.listingSchedule(mondayAfter(30), 10) }).expect(201)).body as { id: string };
      await t.http().put(`/api/lots/${lot.id}/committee`).set(bearer(s.tokens.trading)).send({ memberIds: s.memberIds }).expect(200);
      const res = await t.http().delete(`/api/lots/${lot.id}`).set(bearer(s.tokens.trading)).expect(200);
      expect(res.body).toEqual({ id: lot.id, deleted: true, releasedParcels: [p] });
      await t.http().get(`/api/lots/${lot.id}`).set(bearer(s.tokens.trading)).expect(404);
      expect(await sql(`SELECT 1 FROM reserve_committee_member WHERE lot_id = $1`, [lot.id])).toEqual([]);
      await auctionLot(await draft(), [p]);
      const [audit] = await sql<{ before: { committee: string[] } }>(`SELECT before FROM audit_event WHERE action = 'lot.delete' AND entity_id = $1`, [lot.id]);
      expect(audit!.before.committee.sort()).toEqual([...s.memberIds].sort());
    });

    it('deletes a draft announcement with all its lots and releases their parcels', async () => {
      const [p1, p2] = [await parcel('SG2026-D04'), await parcel('SG2026-D05', PARCEL_B)];
      const a = await draft();
      const lots = [await auctionLot(a, [p1]), await auctionLot(a, [p2])];
      const res = await t.http().delete(`/api/announcements/${a}`).set(bearer(s.tokens.trading)).expect(200);
      expect(res.body).toMatchObject({ id: a, deleted: true });
      expect([...res.body.deletedLots].sort()).toEqual(lots.map((l) => l.id).sort());
      expect([...res.body.releasedParcels].sort()).toEqual([p1, p2].sort());
      await t.http().get(`/api/announcements/${a}`).set(bearer(s.tokens.trading)).expect(404);
      expect(await sql(`SELECT 1 FROM lot WHERE announcement_id = $1`, [a])).toEqual([]);
      await auctionLot(await draft(), [p1, p2]);
      expect((await sql<{ action: string }>(`SELECT action FROM audit_event WHERE entity_id = ANY($1) ORDER BY id`, [[a, ...lots.map((l) => l.id)]])).map((e) => e.action)).toEqual([
        'announcement.create',
        'lot.create',
        'lot.create',
        'lot.delete',
        'lot.delete',
        'announcement.delete',
      ]);
    });

    it('refuses to edit or delete a published lot or announcement (amendments exist for that), changing nothing', async () => {
      const lotId = await publishedLot(t, s, NO_RESERVE);
      const [{ announcement_id: a }] = await sql<{ announcement_id: string }>(`SELECT announcement_id FROM lot WHERE id = $1`, [lotId]);
      const before = await snapshot();
      expect((await t.http().patch(`/api/lots/${lotId}`).set(bearer(s.tokens.trading)).send({ title: '改' }).expect(400)).body.code).toBe('ANNOUNCEMENT_NOT_DRAFT');
      expect((await t.http().delete(`/api/lots/${lotId}`).set(bearer(s.tokens.trading)).expect(400)).body.code).toBe('ANNOUNCEMENT_NOT_DRAFT');
      expect((await t.http().delete(`/api/announcements/${a}`).set(bearer(s.tokens.trading)).expect(400)).body.code).toBe('ANNOUNCEMENT_NOT_DRAFT');
      expect(await snapshot()).toBe(before);
      await t.http().patch(`/api/lots/00000000-0000-4000-8000-000000000000`).set(bearer(s.tokens.trading)).send({ title: 'x' }).expect(404);
    });

    it('refuses an edit that breaks rules, naming every one at once, and changes nothing', async () => {
      const [mine, other] = [await parcel('SG2026-D06'), await parcel('SG2026-D07', PARCEL_B)];
      const lot = await auctionLot(await draft(), [mine]);
      const taken = await auctionLot(await draft(), [other]);
      const before = await snapshot();
      const res = await t
        .http()
        .patch(`/api/lots/${lot.id}`)
        .set(bearer(s.tokens.trading))
        .send({ lotNumber: taken.lotNumber, parcelIds: [mine, other], terms: { ...NO_RESERVE, deposit: '1.00' } })
        .expect(400);
      expect(res.body.code).toBe('LOT_INVALID');
      expect(res.body.errors.map((e: { code: string }) => e.code).sort()).toEqual(['DEPOSIT_TOO_LOW', 'LOT_NUMBER_TAKEN', 'PARCEL_ALREADY_IN_LOT']);
      expect(await snapshot()).toBe(before);
    });

    it('keeps a lot whose committee has sealed proposals: its terms stay and it cannot be deleted', async () => {
      const a = await draft();
      const lot = (await addLot(a, { lotNumber: `D-${++n}`, title: '已密封地块', parcelIds: [await parcel('SG2026-D08')], terms: LISTING_TERMS, schedule: await s.listingSchedule(mondayAfter(30), 10) }).expect(201)).body as { id: string };
      await t.http().put(`/api/lots/${lot.id}/committee`).set(bearer(s.tokens.trading)).send({ memberIds: s.memberIds }).expect(200);
      await t.http().post(`/api/lots/${lot.id}/reserve-proposals`).set(bearer(s.tokens.members[0]!)).send({ value: '10500000.00' }).expect(201);
      expect((await t.http().delete(`/api/lots/${lot.id}`).set(bearer(s.tokens.trading)).expect(400)).body.code).toBe('RESERVE_PROPOSALS_SUBMITTED');
      expect((await t.http().delete(`/api/announcements/${a}`).set(bearer(s.tokens.trading)).expect(400)).body.code).toBe('RESERVE_PROPOSALS_SUBMITTED');
      const terms = await t.http().patch(`/api/lots/${lot.id}`).set(bearer(s.tokens.trading)).send({ terms: { ...LISTING_TERMS, startPrice: '12000000.00', deposit: '2400000.00' } }).expect(400);
      expect(terms.body.errors).toEqual([expect.objectContaining({ code: 'RESERVE_PROPOSALS_SUBMITTED', field: 'terms' })]);
      await t.http().patch(`/api/lots/${lot.id}`).set(bearer(s.tokens.trading)).send({ title: '已密封地块（更名）' }).expect(200);
    });
  });

  describe('a schedule is checked against the database clock when the lot is drafted', () => {
    it('refuses a lot whose instants, derived ones included, are already past, naming each field, and stores nothing', async () => {
      const p = await parcel('SG2026-D10');
      // Trading starts tomorrow at this time: the derived registration close (3 working days before) is past.
      const tomorrow = new Date(Date.now() + 86_400_000);
      const schedule = { applicationStart: at(addDays(shanghaiDate(new Date()), -3), '09:00'), applicationEnd: new Date(Date.now() + 3_600_000).toISOString(), depositDeadline: new Date(Date.now() + 3_600_000).toISOString(), auctionStart: tomorrow.toISOString() };
      const res = await addLot(await draft(), { lotNumber: `D-${++n}`, title: '过期地块', parcelIds: [p], terms: NO_RESERVE, schedule }).expect(400);
      expect(res.body.code).toBe('LOT_INVALID');
      const past = res.body.errors.filter((e: { code: string }) => e.code === 'SCHEDULE_IN_PAST');
      expect(past.map((e: { field: string }) => e.field).sort()).toEqual(['schedule.applicationStart', 'schedule.registrationCloseAt']);
      expect(past.find((e: { field: string }) => e.field === 'schedule.registrationCloseAt').message).toContain('推算');
      expect(await sql(`SELECT 1 FROM lot_parcel WHERE parcel_id = $1`, [p])).toEqual([]);
    });

    it('refuses an edit that moves a draft lot into the past', async () => {
      const lot = await auctionLot(await draft(), [await parcel('SG2026-D11')]);
      const schedule = { applicationStart: new Date(Date.now() - 60_000).toISOString(), applicationEnd: lot.schedule.applicationEnd, depositDeadline: lot.schedule.depositDeadline, auctionStart: lot.schedule.auctionStart };
      const res = await t.http().patch(`/api/lots/${lot.id}`).set(bearer(s.tokens.trading)).send({ schedule }).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ code: 'SCHEDULE_IN_PAST', field: 'schedule.applicationStart' })]);
    });

    it('derives a reserve sealing moment only for a lot with a reserve, and refuses one given without a reserve', async () => {
      const a = await draft();
      const without = await auctionLot(a, [await parcel('SG2026-D12')]);
      expect(without.schedule.reserveSealingAt).toBeUndefined();
      expect((await sql<{ d: Date | null }>(`SELECT reserve_seal_deadline AS d FROM lot WHERE id = $1`, [without.id]))[0]!.d).toBeNull();
      const withReserve = await auctionLot(a, [await parcel('SG2026-D13', PARCEL_B)], { ...AUCTION_TERMS, hasReserve: true, reserveRoundingUnit: '10000.00' });
      expect(new Date(withReserve.schedule.reserveSealingAt!).getTime()).toBe(new Date(withReserve.schedule.auctionStart!).getTime() - 3_600_000);
      const schedule = { ...(await s.auctionSchedule(mondayAfter(30))), reserveSealingAt: at(mondayAfter(30), '08:00') };
      const res = await addLot(a, { lotNumber: `D-${++n}`, title: '无底价', parcelIds: [await parcel('SG2026-D14')], terms: NO_RESERVE, schedule }).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ code: 'NO_RESERVE_TO_SEAL', field: 'schedule.reserveSealingAt' })]);
      // Dropping the reserve of a draft lot drops its sealing moment and its committee.
      await t.http().put(`/api/lots/${withReserve.id}/committee`).set(bearer(s.tokens.trading)).send({ memberIds: s.memberIds }).expect(200);
      const edited = await t.http().patch(`/api/lots/${withReserve.id}`).set(bearer(s.tokens.trading)).send({ terms: NO_RESERVE }).expect(200);
      expect(edited.body.schedule.reserveSealingAt).toBeUndefined();
      expect(await sql(`SELECT 1 FROM reserve_committee_member WHERE lot_id = $1`, [withReserve.id])).toEqual([]);
    });
  });

  describe('amendments (补充公告)', () => {
    let lotId: string;
    let announcementId: string;
    const notices = async () => Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM public_notice WHERE announcement_id = $1`, [announcementId]))[0]!.n);
    beforeAll(async () => {
      lotId = await publishedLot(t, s, NO_RESERVE);
      [{ announcement_id: announcementId }] = await sql<{ announcement_id: string }>(`SELECT announcement_id FROM lot WHERE id = $1`, [lotId]);
    });

    it('refuses an amendment that changes nothing, and publishes nothing', async () => {
      const lot = (await t.http().get(`/api/lots/${lotId}`).set(bearer(s.tokens.trading)).expect(200)).body as { schedule: Record<string, string>; terms: Record<string, unknown> };
      const before = { notices: await notices(), version: (await t.http().get(`/api/announcements/${announcementId}`).set(bearer(s.tokens.trading)).expect(200)).body.version };
      const same = { summary: '重申公告内容', reason: '例行复核', lots: [{ lotId, terms: lot.terms, schedule: { applicationStart: lot.schedule.applicationStart, applicationEnd: lot.schedule.applicationEnd, depositDeadline: lot.schedule.depositDeadline, auctionStart: lot.schedule.auctionStart } }] };
      for (const body of [same, { summary: '空的补充公告', reason: '例行复核', lots: [] }, { summary: '同一标题', reason: '例行复核', title: '国有建设用地使用权拍卖出让公告', lots: [] }]) {
        const res = await t.http().post(`/api/announcements/${announcementId}/amendments`).set(bearer(s.tokens.trading)).send(body).expect(400);
        expect(res.body).toMatchObject({ code: 'AMENDMENT_NO_CHANGE', field: 'lots' });
      }
      expect(await notices()).toBe(before.notices);
      expect((await t.http().get(`/api/announcements/${announcementId}`).set(bearer(s.tokens.trading)).expect(200)).body.version).toBe(before.version);
    });

    it('publishes what an amendment changes in its notice', async () => {
      const res = await t
        .http()
        .post(`/api/announcements/${announcementId}/amendments`)
        .set(bearer(s.tokens.trading))
        .send({ summary: '调整起始价', reason: '评估报告更新', lots: [{ lotId, terms: { ...NO_RESERVE, startPrice: '9000000.00' } }] })
        .expect(201);
      const lotNumber = res.body.lots[0].lotNumber as string;
      const feed = await t.http().get('/api/public/notices').query({ kind: 'amendment', pageSize: 500 }).expect(200);
      const notice = feed.body.items.find((x: { announcementId: string }) => x.announcementId === announcementId);
      expect(notice.body).toContain(`变更内容：\n1. 标的${lotNumber}起始价由“9800000.00元”调整为“9000000.00元”。`);
    });
  });

  it('lets a trading officer pick committee members without the user-admin permission: active officials with the role, id, username and name only', async () => {
    const admin = await t.tokenFor([Role.Admin], 'draft.admin');
    const retired = await t.tokenFor([Role.PricingCommittee], 'draft.retired');
    const retiredId = (await t.http().get('/api/auth/me').set(bearer(retired)).expect(200)).body.id as string;
    await t.http().patch(`/api/users/${retiredId}`).set(bearer(admin)).send({ active: false, reason: '退休' }).expect(200);
    await t.http().get('/api/users').set(bearer(s.tokens.trading)).expect(403);

    const res = await t.http().get('/api/pricing-committee/candidates').query({ pageSize: 500 }).set(bearer(s.tokens.trading)).expect(200);
    const ids = res.body.items.map((u: { id: string }) => u.id);
    expect(ids).toEqual(expect.arrayContaining(s.memberIds));
    expect(ids).not.toContain(retiredId);
    expect(res.body.items.every((u: Record<string, unknown>) => Object.keys(u).sort().join() === 'displayName,id,username')).toBe(true);
    expect(res.body.items.map((u: { username: string }) => u.username)).not.toContain('draft.trading');
    const filtered = await t.http().get('/api/pricing-committee/candidates').query({ q: 'member2' }).set(bearer(s.tokens.trading)).expect(200);
    expect(filtered.body.items.map((u: { username: string }) => u.username)).toEqual(['draft.member2']);
    const wildcard = await t.http().get('/api/pricing-committee/candidates').query({ q: '%' }).set(bearer(s.tokens.trading)).expect(200);
    expect(wildcard.body.total).toBe(0);
  });
});
