import { Role } from '@app/auth';
import { PARCEL_A } from '../support/fixtures';
import { simulateDeposit } from '../support/bank';
import { registerCompany } from '../support/bidders';
import { bearer, LISTING_TERMS, mondayAfter, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The simulated bank fakes deposits, so it is a staff tool of a demo only: finance or an administrator
 * must log in, and with DEMO=off the route does not exist, whatever BANK_SIMULATOR says.
 */
describe('the simulated bank', () => {
  describe('in a demo (DEMO=on, BANK_SIMULATOR=on)', () => {
    let t: TestApp;
    let subAccount: string;
    let company: Awaited<ReturnType<typeof registerCompany>>;
    const payments = async () => Number((await t.dataSource.query(`SELECT count(*) AS n FROM deposit_payment`))[0].n);

    beforeAll(async () => {
      t = await createTestApp({ DEMO: 'on', BANK_SIMULATOR: 'on' });
      const s = await new SaleBuilder(t).init('sim');
      const parcelId = await s.readyParcel(PARCEL_A, 'SG2026-901');
      const a = await t.http().post('/api/announcements').set(bearer(s.tokens.trading)).send({ number: '寿自然资告字〔2026〕70号', title: '出让公告', body: '正文' }).expect(201);
      const lot = await t
        .http()
        .post(`/api/announcements/${a.body.id}/lots`)
        .set(bearer(s.tokens.trading))
        .send({ lotNumber: 'SIM-01', title: '地块', parcelIds: [parcelId], terms: { ...LISTING_TERMS, hasReserve: false, reserveRoundingUnit: undefined }, schedule: await s.listingSchedule(mondayAfter(30), 10) })
        .expect(201);
      await t.http().post(`/api/announcements/${a.body.id}/publish`).set(bearer(s.tokens.trading)).expect(201);
      await t.dataSource.query(`UPDATE lot SET application_start = now() - interval '1 minute'`);
      company = await registerCompany(t, 'sim.company', '模拟到账竞买公司', 9901);
      const app = await t.http().post(`/api/lots/${lot.body.id}/applications`).set(bearer(company.token)).send({}).expect(201);
      subAccount = (await t.http().post(`/api/applications/${app.body.id}/submit`).set(bearer(company.token)).expect(201)).body.deposit.subAccount;
    });
    afterAll(() => t.close());

    it('refuses an anonymous caller with 401 and fakes nothing', async () => {
      const res = await t.http().post('/api/dev/bank/deposits').send({ subAccount, amount: '2000000.00', payerName: company.name }).expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
      expect(await payments()).toBe(0);
    });

    it('refuses a bidder and the other staff with 403, even the bidder paying its own deposit', async () => {
      for (const token of [company.token, await t.tokenFor([Role.TradingOfficer]), await t.tokenFor([Role.Supervisor])]) {
        expect((await simulateDeposit(t, token, { subAccount, amount: '2000000.00', payerName: company.name }).expect(403)).body.code).toBe('FORBIDDEN');
      }
      expect(await payments()).toBe(0);
    });

    it('lets a finance officer deliver a signed notice, on the record as the officer’s doing', async () => {
      const finance = await t.tokenFor([Role.FinanceOfficer], 'sim.finance');
      const res = await simulateDeposit(t, finance, { subAccount, amount: '1000000.00', payerName: company.name }).expect(200);
      expect(res.body).toMatchObject({ status: 'accepted', qualified: false });
      const [audit] = (await t.dataSource.query(`SELECT actor_name, after->>'simulated' AS simulated FROM audit_event WHERE action = 'deposit.arrival'`)) as Array<{ actor_name: string; simulated: string }>;
      expect(audit).toEqual({ actor_name: 'sim.finance', simulated: 'true' });
    });

    it('lets an administrator deliver one too', async () => {
      const admin = await t.tokenFor([Role.Admin]);
      expect((await simulateDeposit(t, admin, { subAccount, amount: '1000000.00', payerName: company.name }).expect(200)).body).toMatchObject({ status: 'accepted', qualified: true });
    });
  });

  describe('outside a demo', () => {
    it.each([
      ['DEMO=off with BANK_SIMULATOR=on', { DEMO: 'off', BANK_SIMULATOR: 'on' }],
      ['DEMO=on with BANK_SIMULATOR=off', { DEMO: 'on', BANK_SIMULATOR: 'off' }],
    ])('is not served at all with %s: it answers like an unknown route, even to finance', async (_what, env) => {
      const t = await createTestApp(env);
      try {
        const finance = await t.tokenFor([Role.FinanceOfficer]);
        const body = { subAccount: '955880000000000000', amount: '1.00', payerName: 'x' };
        const simulator = await t.http().post('/api/dev/bank/deposits').set(bearer(finance)).send(body);
        const unknown = await t.http().post('/api/dev/bank/nothing-here').set(bearer(finance)).send(body);
        const shape = (r: typeof simulator) => ({ status: r.status, code: r.body.code, message: String(r.body.message).replace('/api/dev/bank/deposits', '/api/dev/bank/nothing-here') });
        expect(shape(simulator)).toEqual(shape(unknown));
        expect(simulator.status).toBe(404);
        expect((await t.http().post('/api/dev/bank/deposits').send(body)).status).toBe(404);
      } finally {
        await t.close();
      }
    });
  });
});
