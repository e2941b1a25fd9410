import { PARCEL_A, PARCEL_B } from '../support/fixtures';
import { at, bearer, LISTING_TERMS, mondayAfter, SaleBuilder, addDays } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';

describe('publication rules on the working-day calendar', () => {
  let t: TestApp;
  let s: SaleBuilder;
  beforeAll(async () => {
    t = await createTestApp();
    s = await new SaleBuilder(t).init('rules');
  });
  afterAll(() => t.close());

  const snapshot = async () =>
    JSON.stringify(await t.dataSource.query(`SELECT (SELECT count(*) FROM public_notice) AS n, (SELECT json_agg(status) FROM announcement) AS a, (SELECT json_agg(state ORDER BY code) FROM parcel) AS p, (SELECT json_agg(phase) FROM lot) AS l`));

  async function draftWithListing(number: string, parcelId: string, schedule: object, terms: object = { ...LISTING_TERMS, hasReserve: false, reserveRoundingUnit: undefined }) {
    const a = await t.http().post('/api/announcements').set(bearer(s.tokens.trading)).send({ number, title: '挂牌出让公告', body: '正文' }).expect(201);
    const lot = await t.http().post(`/api/announcements/${a.body.id}/lots`).set(bearer(s.tokens.trading)).send({ lotNumber: `${number}-1`, title: '地块', parcelIds: [parcelId], terms, schedule });
    return { id: a.body.id as string, lot };
  }

  it('refuses a listing of 9 working days across a holiday, and publishes the same dates once the holiday is gone', async () => {
    const parcelId = await s.readyParcel(PARCEL_A, 'SG2026-201');
    const start = mondayAfter(30);
    const holiday = addDays(start, 3); // the Thursday of the first week
    await t.http().put(`/api/calendar/days/${holiday}`).set(bearer(s.tokens.trading)).send({ kind: 'holiday', name: '临时假日', reason: '测试' }).expect(200);
    const schedule = await s.listingSchedule(start, 9);
    // Nine working days, but ten calendar weekdays: the span crosses the holiday.
    expect(addDays(start, 11)).toBe(schedule.listingEnd.slice(0, 10));
    const { id, lot } = await draftWithListing('测试〔2026〕1号', parcelId, schedule);
    expect(lot.status).toBe(201);
    const before = await snapshot();
    const res = await t.http().post(`/api/announcements/${id}/publish`).set(bearer(s.tokens.trading)).expect(400);
    expect(res.body.code).toBe('PUBLICATION_INVALID');
    expect(res.body.errors).toEqual([expect.objectContaining({ code: 'LISTING_TOO_SHORT', field: 'lots[0].schedule.listingEnd' })]);
    expect(await snapshot()).toBe(before);

    await t.http().delete(`/api/calendar/days/${holiday}`).query({ reason: '撤销' }).set(bearer(s.tokens.trading)).expect(204);
    await t.http().post(`/api/announcements/${id}/publish`).set(bearer(s.tokens.trading)).expect(201);
  });

  it('reports every rule broken at once: lead time, deposit below 20%, deadline order', async () => {
    const parcelId = await s.readyParcel(PARCEL_B, 'SG2026-202');
    const soon = addDays(new Date().toISOString().slice(0, 10), 10);
    const schedule = {
      applicationStart: at(addDays(soon, -5), '09:00'),
      applicationEnd: at(addDays(soon, 12), '12:00'),
      depositDeadline: at(addDays(soon, 13), '12:00'),
      listingStart: at(soon, '09:00'),
      listingEnd: at(addDays(soon, 21), '15:00'),
    };
    const { id, lot } = await draftWithListing('测试〔2026〕2号', parcelId, schedule);
    expect(lot.status).toBe(201);
    const res = await t.http().post(`/api/announcements/${id}/publish`).set(bearer(s.tokens.trading)).expect(400);
    const codes = res.body.errors.map((e: { code: string }) => e.code);
    expect(codes).toEqual(expect.arrayContaining(['LEAD_TIME_TOO_SHORT', 'DEPOSIT_DEADLINE_AFTER_APPLICATION_END']));
    const low = await t
      .http()
      .post(`/api/announcements/${id}/lots`)
      .set(bearer(s.tokens.trading))
      .send({ lotNumber: 'X-2', title: 'x', parcelIds: [parcelId], terms: { ...LISTING_TERMS, hasReserve: false, reserveRoundingUnit: undefined, deposit: '1999999.99' }, schedule });
    expect(low.status).toBe(400);
    expect(low.body.errors.map((e: { code: string }) => e.code)).toEqual(expect.arrayContaining(['DEPOSIT_TOO_LOW', 'PARCEL_ALREADY_IN_LOT']));
  });

  it('rejects money sent as a JSON number or with three decimals in lot terms, naming the field', async () => {
    const a = await t.http().post('/api/announcements').set(bearer(s.tokens.trading)).send({ number: '测试〔2026〕3号', title: 't', body: 'b' }).expect(201);
    const schedule = await s.listingSchedule(mondayAfter(30), 10);
    const asNumber = await t.http().post(`/api/announcements/${a.body.id}/lots`).set(bearer(s.tokens.trading)).send({ lotNumber: 'N-1', title: 'x', parcelIds: ['00000000-0000-4000-8000-000000000000'], terms: { ...LISTING_TERMS, startPrice: 10000000 }, schedule }).expect(400);
    expect(asNumber.body.field).toBe('terms.startPrice');
    const places = await t.http().post(`/api/announcements/${a.body.id}/lots`).set(bearer(s.tokens.trading)).send({ lotNumber: 'N-1', title: 'x', parcelIds: ['00000000-0000-4000-8000-000000000000'], terms: { ...LISTING_TERMS, increment: '100.005' }, schedule }).expect(400);
    expect(places.body.field).toBe('terms.increment');
    const lots: unknown[] = await t.dataSource.query(`SELECT 1 FROM lot WHERE lot_number = 'N-1'`);
    expect(lots).toHaveLength(0);
  });

  it('shows nothing of a draft to the public: not the announcement, not its lots, not in the feed', async () => {
    const parcelId = await s.readyParcel(PARCEL_A, 'SG2026-203');
    const { id, lot } = await draftWithListing('测试〔2026〕4号', parcelId, await s.listingSchedule(mondayAfter(30), 10));
    expect(lot.status).toBe(201);
    await t.http().get(`/api/public/announcements/${id}`).expect(404);
    await t.http().get(`/api/public/lots/${lot.body.id}`).expect(404);
    const list = await t.http().get('/api/public/announcements').query({ pageSize: 500 }).expect(200);
    expect(list.body.items.map((a: { id: string }) => a.id)).not.toContain(id);
    const feed = await t.http().get('/api/public/notices').query({ pageSize: 500 }).expect(200);
    expect(feed.body.items.map((n: { announcementId: string }) => n.announcementId)).not.toContain(id);
  });
});
