import { ALL_ROLES, hasPermission, Permission, Role } from '@app/auth';
import { PARCEL_A } from '../support/fixtures';
import { bankNotice, postNotice } from '../support/bank';
import { registerCompany } from '../support/bidders';
import { concretePaths, listRoutes } from '../support/routes';
import { bearer, LISTING_TERMS, mondayAfter, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * DESIGN §4: bidder identities are visible only to trading staff (and supervisors). This calls every
 * GET route a bidder or the public can reach, with the ids of a sale that has two qualified bidders,
 * and fails if one bidder's name or credit code shows up in a response to the other or to the public.
 */
describe('bidders see numbers, never each other', () => {
  let t: TestApp;
  const ids: Record<string, string[]> = { id: [], version: ['1'], key: ['listing.minListingDays'], date: ['2026-10-01'] };
  let alpha: Awaited<ReturnType<typeof registerCompany>>;
  let beta: Awaited<ReturnType<typeof registerCompany>>;

  beforeAll(async () => {
    t = await createTestApp();
    const s = await new SaleBuilder(t).init('ident');
    const parcelId = await s.readyParcel(PARCEL_A, 'SG2026-501');
    const a = await t.http().post('/api/announcements').set(bearer(s.tokens.trading)).send({ number: '寿自然资告字〔2026〕30号', title: '出让公告', body: '正文' }).expect(201);
    const lot = await t
      .http()
      .post(`/api/announcements/${a.body.id}/lots`)
      .set(bearer(s.tokens.trading))
      .send({ lotNumber: 'ID-01', title: '地块', parcelIds: [parcelId], terms: { ...LISTING_TERMS, hasReserve: false, reserveRoundingUnit: undefined }, schedule: await s.listingSchedule(mondayAfter(30), 10) })
      .expect(201);
    await t.http().post(`/api/announcements/${a.body.id}/publish`).set(bearer(s.tokens.trading)).expect(201);
    await t.dataSource.query(`UPDATE lot SET application_start = now() - interval '1 minute'`);
    alpha = await registerCompany(t, 'alpha.co', '甲方置业有限公司', 8101);
    beta = await registerCompany(t, 'beta.co', '乙方地产有限公司', 8102);
    const appIds: string[] = [];
    for (const b of [alpha, beta]) {
      const app = await t.http().post(`/api/lots/${lot.body.id}/applications`).set(bearer(b.token)).send({}).expect(201);
      const sub = (await t.http().post(`/api/applications/${app.body.id}/submit`).set(bearer(b.token)).expect(201)).body.deposit.subAccount;
      await postNotice(t, bankNotice({ subAccount: sub, amount: '2000000.00', payerName: b.name })).expect(200);
      appIds.push(app.body.id);
    }
    const notices = await t.http().get('/api/public/notices').expect(200);
    ids.id = [a.body.id, lot.body.id, ...appIds, alpha.id, beta.id, ...notices.body.items.map((n: { id: string }) => n.id)];
  });
  afterAll(() => t.close());

  it('both bidders are qualified with numbers (so the scan has identities to find)', async () => {
    const rows: Array<{ bidder_number: string }> = await t.dataSource.query(`SELECT bidder_number FROM application WHERE status = 'qualified'`);
    expect(rows).toHaveLength(2);
  });

  it('no response to a bidder names another bidder, and no public response names any', async () => {
    const routes = listRoutes(t.app).filter((r) => r.method === 'GET');
    const reachable = routes.filter(
      (r) => r.access?.kind === 'public' || r.access?.kind === 'authenticated' || (r.access?.kind === 'permission' && r.access.permissions.some((p) => hasPermission([Role.Bidder], p))),
    );
    expect(ALL_ROLES).toContain(Role.Bidder);
    expect(hasPermission([Role.Bidder], Permission.BidderRead)).toBe(false);
    const leaks: string[] = [];
    let answered = 0;
    for (const route of reachable) {
      const paths = concretePaths(route.path, ids);
      for (const path of paths) {
        for (const [who, token, forbidden] of [
          ['public', undefined, [alpha, beta]],
          ['alpha', alpha.token, [beta]],
          ['beta', beta.token, [alpha]],
        ] as const) {
          const req = t.http().get(path);
          if (token) req.set(bearer(token));
          const res = await req;
          if (res.status === 200) answered++;
          for (const other of forbidden) {
            for (const secret of [other.name, other.creditCode]) if (res.text.includes(secret)) leaks.push(`${who} GET ${path} → ${secret}`);
          }
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(answered).toBeGreaterThan(20);
  });

  it('trading staff do see who the bidders are', async () => {
    const staff = await t.tokenFor([Role.TradingOfficer]);
    const lotId = ids.id[1]!;
    const res = await t.http().get(`/api/lots/${lotId}/applications`).set(bearer(staff)).expect(200);
    expect(res.text).toContain(alpha.name);
    expect(res.text).toContain(beta.creditCode);
  });
});
