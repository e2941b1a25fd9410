import { ALL_ROLES, Role } from '@app/auth';
import { PARCEL_A } from '../support/fixtures';
import { concretePaths, listRoutes } from '../support/routes';
import { bearer, LISTING_TERMS, mondayAfter, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * DESIGN §4 Secrecy: until the close, the reserve value is visible to nobody through the API, and a
 * member's proposal only to that member. This walks every GET route as every role (and anonymously)
 * with the ids of a live sale and fails if a sealed value appears in any response.
 */
describe('the sealed reserve stays sealed before the close', () => {
  let t: TestApp;
  let s: SaleBuilder;
  const proposals = ['10312345.67', '10456789.01', '10398765.43'];
  const reserve = '10390000.00';
  const ids: Record<string, string[]> = { id: [], version: ['1'], key: ['listing.minListingDays'], date: ['2026-10-01'] };

  beforeAll(async () => {
    t = await createTestApp();
    s = await new SaleBuilder(t).init('secret');
    const parcelId = await s.readyParcel(PARCEL_A, 'SG2026-301');
    const a = await t.http().post('/api/announcements').set(bearer(s.tokens.trading)).send({ number: '寿自然资告字〔2026〕9号', title: '挂牌出让公告', body: '正文' }).expect(201);
    const lot = await t
      .http()
      .post(`/api/announcements/${a.body.id}/lots`)
      .set(bearer(s.tokens.trading))
      .send({ lotNumber: 'SG2026-31', title: '地块', parcelIds: [parcelId], terms: LISTING_TERMS, schedule: await s.listingSchedule(mondayAfter(30), 10) })
      .expect(201);
    await t.http().put(`/api/lots/${lot.body.id}/committee`).set(bearer(s.tokens.trading)).send({ memberIds: s.memberIds }).expect(200);
    for (const [i, value] of proposals.entries()) {
      await t.http().post(`/api/lots/${lot.body.id}/reserve-proposals`).set(bearer(s.tokens.members[i]!)).send({ value }).expect(201);
    }
    await t.http().post(`/api/announcements/${a.body.id}/publish`).set(bearer(s.tokens.trading)).expect(201);
    const notices = await t.http().get('/api/public/notices').expect(200);
    ids.id = [a.body.id, lot.body.id, parcelId, ...notices.body.items.map((n: { id: string }) => n.id)];
  });
  afterAll(() => t.close());

  it('the sale is live and sealed (so the scan below has something to find)', async () => {
    const rows: Array<{ n: string }> = await t.dataSource.query(`SELECT count(*) AS n FROM reserve_seal WHERE revealed_at IS NULL`);
    expect(rows[0]!.n).toBe('1');
  });

  it('no GET response, for any role or none, contains the reserve; none but its author sees a proposal', async () => {
    const routes = listRoutes(t.app).filter((r) => r.method === 'GET');
    const callers: Array<{ role: string; token?: string }> = [{ role: 'anonymous' }];
    for (const role of ALL_ROLES) callers.push({ role, token: role === Role.PricingCommittee ? s.tokens.members[0] : await t.tokenFor([role]) });
    let fetched = 0;
    const leaks: string[] = [];
    for (const route of routes) {
      const combos = concretePaths(route.path, ids);
      for (const path of combos) {
        for (const caller of callers) {
          const req = t.http().get(path);
          if (caller.token) req.set(bearer(caller.token));
          const res = await req;
          fetched += res.status === 200 ? 1 : 0;
          const text = res.text;
          const secrets = caller.role === Role.PricingCommittee ? [reserve, reserve.replace('.00', '')] : [reserve, reserve.replace('.00', ''), ...proposals];
          for (const secret of secrets) if (text.includes(secret)) leaks.push(`${caller.role} GET ${path} → ${secret}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(fetched).toBeGreaterThan(50);
  });

  it('keeps the reserve and every proposal encrypted at rest', async () => {
    const dump = JSON.stringify([
      ...(await t.dataSource.query(`SELECT * FROM reserve_seal`)),
      ...(await t.dataSource.query(`SELECT * FROM reserve_proposal`)),
      ...(await t.dataSource.query(`SELECT * FROM audit_event`)),
      ...(await t.dataSource.query(`SELECT * FROM public_notice`)),
      ...(await t.dataSource.query(`SELECT * FROM announcement_version`)),
    ]);
    for (const secret of [reserve, '10390000', ...proposals]) expect(dump).not.toContain(secret);
  });
});
