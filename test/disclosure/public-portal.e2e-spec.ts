import { PARCEL_A, PARCEL_B } from '../support/fixtures';
import { AUCTION_TERMS, bearer, LISTING_TERMS, mondayAfter, SaleBuilder, shanghaiDate, addDays } from '../support/sale-builder';
import { schemaProblems, type OpenApiDocument, type Schema } from '../api/support/openapi-examples';
import { createTestApp, type TestApp } from '../support/test-app';
import { openTradingNow } from '../support/trading';

interface Notice {
  id: string;
  kind: string;
  title: string;
  announcementId: string;
  announcementNumber: string;
  lotId: string | null;
}

/**
 * The public portal's lists: the notice feed with its search and filters (text, kind, publication day,
 * district, planned use, method) and the lot list (phase, trading now, district, use, method). Two
 * announcements: a listing lot on PARCEL_A (圣城街道, residential) and an auction lot on PARCEL_B
 * (文家街道, commercial).
 */
describe('public notices and lots: search and filters', () => {
  let t: TestApp;
  let s: SaleBuilder;
  const listing = { announcementId: '', lotId: '', number: '寿自然资告字〔2026〕41号' };
  const auction = { announcementId: '', lotId: '', number: '寿自然资告字〔2026〕42号' };
  const reserve = ['10312345.67', '10456789.01', '10398765.43'];

  beforeAll(async () => {
    t = await createTestApp();
    s = await new SaleBuilder(t).init('portal');
    const sales = [
      { sale: listing, parcel: PARCEL_A, code: 'SG2026-P41', terms: LISTING_TERMS, title: '圣城街道住宅用地挂牌出让公告', schedule: await s.listingSchedule(mondayAfter(30), 10) },
      { sale: auction, parcel: PARCEL_B, code: 'SG2026-P42', terms: AUCTION_TERMS, title: '文家街道商业用地拍卖出让公告', schedule: await s.auctionSchedule(mondayAfter(30)) },
    ];
    for (const { sale, parcel, code, terms, title, schedule } of sales) {
      const parcelId = await s.readyParcel(parcel, code);
      const a = await t.http().post('/api/announcements').set(bearer(s.tokens.trading)).send({ number: sale.number, title, body: '正文' }).expect(201);
      const lot = await t
        .http()
        .post(`/api/announcements/${a.body.id}/lots`)
        .set(bearer(s.tokens.trading))
        .send({ lotNumber: code, title: `${parcel.name}地块`, parcelIds: [parcelId], terms, schedule })
        .expect(201);
      if (terms.hasReserve) {
        await t.http().put(`/api/lots/${lot.body.id}/committee`).set(bearer(s.tokens.trading)).send({ memberIds: s.memberIds }).expect(200);
        for (const [i, value] of reserve.entries()) {
          await t.http().post(`/api/lots/${lot.body.id}/reserve-proposals`).set(bearer(s.tokens.members[i]!)).send({ value }).expect(201);
        }
      }
      await t.http().post(`/api/announcements/${a.body.id}/publish`).set(bearer(s.tokens.trading)).expect(201);
      sale.announcementId = a.body.id as string;
      sale.lotId = lot.body.id as string;
    }
  });
  afterAll(() => t.close());

  async function notices(query: Record<string, string>): Promise<Notice[]> {
    const res = await t.http().get('/api/public/notices').query({ pageSize: 100, ...query }).expect(200);
    return res.body.items as Notice[];
  }
  const announcementsOf = (items: Notice[]) => [...new Set(items.map((n) => n.announcementId))].sort();

  it('the feed carries each notice’s announcement number; with no filter both sales are in it', async () => {
    const all = await notices({});
    expect(announcementsOf(all)).toEqual([listing.announcementId, auction.announcementId].sort());
    expect(all.find((n) => n.announcementId === auction.announcementId)?.announcementNumber).toBe(auction.number);
  });

  it('finds notices by text in the title or the announcement number', async () => {
    expect(announcementsOf(await notices({ q: '文家街道' }))).toEqual([auction.announcementId]);
    expect(announcementsOf(await notices({ q: '〔2026〕41' }))).toEqual([listing.announcementId]);
    expect(await notices({ q: '100%_' })).toEqual([]);
  });

  it('filters by district, planned use and method of the lots a notice is about, all holding for one lot', async () => {
    expect(announcementsOf(await notices({ district: '圣城街道' }))).toEqual([listing.announcementId]);
    expect(announcementsOf(await notices({ plannedUse: 'commercial' }))).toEqual([auction.announcementId]);
    expect(announcementsOf(await notices({ method: 'listing' }))).toEqual([listing.announcementId]);
    expect(await notices({ district: '圣城街道', method: 'auction' })).toEqual([]);
    const sealed = await notices({ kind: 'reserve_sealed', method: 'listing' });
    expect(sealed.length).toBeGreaterThan(0);
    expect(sealed.every((n) => n.kind === 'reserve_sealed' && n.lotId === listing.lotId)).toBe(true);
  });

  it('filters by day of publication (Beijing time), both ends included', async () => {
    const today = shanghaiDate(new Date());
    expect((await notices({ from: today, to: today })).length).toBeGreaterThanOrEqual(2);
    expect(await notices({ from: addDays(today, 1) })).toEqual([]);
    expect(await notices({ to: addDays(today, -1) })).toEqual([]);
  });

  it('refuses bad filters with 400 and the field at fault, in Chinese by default', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ plannedUse: 'farmland' }, 'plannedUse'],
      [{ method: 'lottery' }, 'method'],
      [{ from: '2026-02-30' }, 'from'],
      [{ to: '30/12/2026' }, 'to'],
      [{ kind: 'rumour' }, 'kind'],
      [{ q: 'x'.repeat(101) }, 'q'],
      [{ page: '0' }, 'page'],
    ];
    for (const [query, field] of cases) {
      const res = await t.http().get('/api/public/notices').query(query).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', field });
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const en = await t.http().get('/api/public/lots').set('Accept-Language', 'en').query({ trading: 'yes' }).expect(400);
    expect(en.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'trading' });
  });

  it('lists published lots with their announcement, filtered by method, district, use, phase and trading now', async () => {
    const lots = async (query: Record<string, string>) =>
      ((await t.http().get('/api/public/lots').query(query).expect(200)).body.items as Array<{ id: string; phase: string; announcement: { number: string } }>).map((l) => l.id).sort();
    expect(await lots({})).toEqual([listing.lotId, auction.lotId].sort());
    expect(await lots({ method: 'auction' })).toEqual([auction.lotId]);
    expect(await lots({ district: '圣城街道' })).toEqual([listing.lotId]);
    expect(await lots({ plannedUse: 'commercial' })).toEqual([auction.lotId]);
    expect(await lots({ trading: 'true' })).toEqual([]);
    await openTradingNow(t, listing.lotId);
    expect(await lots({ trading: 'true' })).toEqual([listing.lotId]);
    expect(await lots({ trading: 'false' })).toEqual([auction.lotId]);
    expect(await lots({ phase: 'listing' })).toEqual([listing.lotId]);
    const page = await t.http().get('/api/public/lots').query({ pageSize: 1 }).expect(200);
    expect(page.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(page.body.items[0].announcement.number).toMatch(/寿自然资告字/);
  });

  it('a lot in the list shows the reserve commitment only: never the sealed value or a proposal', async () => {
    const res = await t.http().get('/api/public/lots').query({ method: 'listing' }).expect(200);
    expect(res.body.items[0].reserve).toMatchObject({ hasReserve: true, sealed: true, revealed: null });
    expect(res.body.items[0].reserve.commitment).toMatch(/^[0-9a-f]{64}$/);
    for (const secret of [...reserve, '10390000']) expect(res.text).not.toContain(secret);
  });

  it('offers the districts, planned uses and methods of the published lots as facets', async () => {
    const res = await t.http().get('/api/public/facets').expect(200);
    expect(res.body.districts).toEqual(expect.arrayContaining(['圣城街道', '文家街道']));
    expect(res.body.plannedUses).toEqual(expect.arrayContaining(['residential', 'commercial']));
    expect(res.body.methods).toEqual(['auction', 'listing']);
  });

  it('every public disclosure route answers exactly what its OpenAPI response declares', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as OpenApiDocument;
    const noticeId = (await notices({}))[0]!.id;
    const calls: Array<[string, string, () => Promise<{ status: number; body: unknown }>]> = [
      ['/api/public/notices', 'get', () => t.http().get('/api/public/notices').query({ q: '公告' })],
      ['/api/public/notices/{id}', 'get', () => t.http().get(`/api/public/notices/${noticeId}`)],
      ['/api/public/announcements', 'get', () => t.http().get('/api/public/announcements')],
      ['/api/public/announcements/{id}', 'get', () => t.http().get(`/api/public/announcements/${listing.announcementId}`)],
      ['/api/public/announcements/{id}/versions/{version}', 'get', () => t.http().get(`/api/public/announcements/${listing.announcementId}/versions/1`)],
      ['/api/public/lots', 'get', () => t.http().get('/api/public/lots')],
      ['/api/public/lots/{id}', 'get', () => t.http().get(`/api/public/lots/${listing.lotId}`)],
      ['/api/public/facets', 'get', () => t.http().get('/api/public/facets')],
      ['/api/public/reserve/verify', 'post', () => t.http().post('/api/public/reserve/verify').send({ lotId: listing.lotId, value: '10390000.00', salt: '0'.repeat(64) })],
    ];
    const problems: string[] = [];
    for (const [path, method, call] of calls) {
      const res = await call();
      const schema = doc.paths[path]?.[method]?.responses?.[String(res.status)]?.content?.['application/json']?.schema as Schema | undefined;
      if (!schema) problems.push(`${method.toUpperCase()} ${path}: ${res.status} declares no JSON schema`);
      else problems.push(...schemaProblems(doc, schema, res.body, '').map((p) => `${method.toUpperCase()} ${path}: ${p}`));
    }
    expect(problems).toEqual([]);
  });
});
