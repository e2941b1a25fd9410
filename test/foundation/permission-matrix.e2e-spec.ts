import { ALL_ROLES, Role } from '@app/auth';
import { listRoutes } from '../support/routes';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Who gets through each route. `public`: anyone without a token; `signed-in`: any account; otherwise
 * the roles allowed (everyone else gets 403, and no token gets 401). A new route must be added here, or
 * the first test fails: nothing ships without a decision on who may call it.
 */
const STAFF_READERS = [Role.ReserveOfficer, Role.TradingOfficer, Role.Supervisor, Role.FinanceOfficer];

const MATRIX: Record<string, 'public' | 'signed-in' | 'bank-signed' | readonly Role[]> = {
  'GET /api/health': 'public',
  'GET /api/audit': [Role.Supervisor],
  'POST /api/auth/login': 'public',
  'POST /api/auth/refresh': 'public',
  'POST /api/auth/logout': 'public',
  'GET /api/auth/me': 'signed-in',
  'POST /api/auth/password': 'signed-in',
  'GET /api/users': [Role.Admin],
  'POST /api/users': [Role.Admin],
  'GET /api/users/:id': [Role.Admin],
  'PATCH /api/users/:id': [Role.Admin],
  'GET /api/calendar/days': 'public',
  'PUT /api/calendar/days/:date': [Role.Admin, Role.TradingOfficer],
  'DELETE /api/calendar/days/:date': [Role.Admin, Role.TradingOfficer],
  'GET /api/calendar/working-day': 'public',
  'GET /api/calendar/add-working-days': 'public',
  'GET /api/calendar/working-days-between': 'public',
  'POST /api/tools/price-figures': 'public',
  'GET /api/settings': 'public',
  'PUT /api/settings/:key': [Role.Admin],
  'POST /api/parcels': [Role.ReserveOfficer],
  'GET /api/parcels': STAFF_READERS,
  'GET /api/parcels/:id': STAFF_READERS,
  'PATCH /api/parcels/:id': [Role.ReserveOfficer],
  'POST /api/parcels/:id/transitions': [Role.ReserveOfficer],
  'POST /api/parcels/:id/costs': [Role.ReserveOfficer],
  'POST /api/parcels/:id/documents': [Role.ReserveOfficer],
  'GET /api/parcels/:id/history': STAFF_READERS,
  'GET /api/reserve/report': STAFF_READERS,
  'GET /api/reserve/supply-plan': STAFF_READERS,
  'POST /api/announcements': [Role.TradingOfficer],
  'GET /api/announcements': [Role.TradingOfficer, Role.Supervisor],
  'GET /api/announcements/:id': [Role.TradingOfficer, Role.Supervisor],
  'DELETE /api/announcements/:id': [Role.TradingOfficer],
  'POST /api/announcements/:id/lots': [Role.TradingOfficer],
  'POST /api/announcements/:id/publish': [Role.TradingOfficer],
  'POST /api/announcements/:id/amendments': [Role.TradingOfficer],
  'POST /api/announcements/:id/suspension-requests': [Role.TradingOfficer],
  'POST /api/announcements/:id/termination-requests': [Role.TradingOfficer],
  'POST /api/announcements/:id/resumption': [Role.TradingOfficer],
  'GET /api/lots/:id': [Role.TradingOfficer, Role.Supervisor],
  'PATCH /api/lots/:id': [Role.TradingOfficer],
  'DELETE /api/lots/:id': [Role.TradingOfficer],
  'GET /api/pricing-committee/candidates': [Role.TradingOfficer],
  'PUT /api/lots/:id/committee': [Role.TradingOfficer],
  'POST /api/lots/:id/reserve-proposals': [Role.PricingCommittee],
  'GET /api/lots/:id/reserve-proposals/mine': [Role.PricingCommittee],
  'GET /api/approvals': [Role.TradingOfficer, Role.Supervisor],
  'POST /api/approvals/:id/decision': [Role.Supervisor],
  'GET /api/notifications/mine': 'signed-in',
  'POST /api/notifications/:id/read': 'signed-in',
  'POST /api/notifications/read-all': 'signed-in',
  'GET /api/public/notices': 'public',
  'GET /api/public/notices/:id': 'public',
  'GET /api/public/announcements': 'public',
  'GET /api/public/announcements/:id': 'public',
  'GET /api/public/announcements/:id/versions/:version': 'public',
  'GET /api/public/lots': 'public',
  'GET /api/public/facets': 'public',
  'GET /api/public/lots/:id': 'public',
  'GET /api/public/time': 'public',
  'GET /api/public/web-config': 'public',
  'GET /api/public/lots/:id/trading': 'public',
  'GET /api/public/lots/:id/events': 'public',
  'GET /api/public/lots/:id/chain': 'public',
  'GET /api/public/lots/:id/chain/verify': 'public',
  'GET /api/public/lots/:id/result': 'public',
  'POST /api/lots/:id/trading/freeze': [Role.TradingOfficer, Role.Supervisor],
  'POST /api/lots/:id/trading/resume': [Role.TradingOfficer, Role.Supervisor],
  'POST /api/lots/:id/trading/increment': [Role.TradingOfficer, Role.Supervisor],
  'GET /api/lots/:id/trading/bids': [Role.TradingOfficer, Role.Supervisor],
  'GET /api/settlements': [Role.TradingOfficer, Role.Supervisor, Role.FinanceOfficer],
  'GET /api/lots/:id/confirmation': 'signed-in',
  'GET /api/lots/:id/confirmation/pdf': 'signed-in',
  'POST /api/lots/:id/confirmation/signature': [Role.Bidder],
  'GET /api/public/confirmations/:code': 'public',
  'POST /api/public/confirmations/:code/check': 'public',
  'GET /verify': 'public',
  'GET /verify/:code': 'public',
  'POST /verify/:code': 'public',
  'POST /api/lots/:id/contract': [Role.TradingOfficer],
  'GET /api/contracts/:id': 'signed-in',
  'GET /api/contracts/mine': [Role.Bidder],
  'GET /api/refunds/mine': [Role.Bidder],
  'GET /api/settlements/mine': [Role.Bidder],
  'POST /api/contracts/:id/payments': [Role.FinanceOfficer],
  'POST /api/contracts/:id/installments/:number/extension': [Role.TradingOfficer],
  'GET /api/refunds': [Role.TradingOfficer, Role.Supervisor, Role.FinanceOfficer],
  'POST /api/refunds/:id/payment': [Role.FinanceOfficer],
  'POST /api/lots/:id/result-publication': [Role.TradingOfficer],
  'POST /api/settlements/run': [Role.TradingOfficer],
  'POST /api/public/reserve/verify': 'public',
  'POST /api/bidders': 'public',
  'GET /api/bidders/me': [Role.Bidder],
  'GET /api/bidders': [Role.TradingOfficer, Role.Supervisor],
  'GET /api/bidders/:id': [Role.TradingOfficer, Role.Supervisor],
  'POST /api/bidders/:id/blacklist': [Role.TradingOfficer],
  'POST /api/lots/:id/applications': [Role.Bidder],
  'GET /api/lots/:id/applications': [Role.TradingOfficer, Role.Supervisor],
  'GET /api/lots/:id/deposits': [Role.TradingOfficer, Role.Supervisor, Role.FinanceOfficer],
  'GET /api/applications/mine': [Role.Bidder],
  'GET /api/applications/overdue-reviews': [Role.TradingOfficer, Role.Supervisor],
  'GET /api/applications/:id': 'signed-in',
  'GET /api/invitations/mine': [Role.Bidder],
  'POST /api/applications/:id/acceptance': [Role.Bidder],
  'POST /api/applications/:id/decline': [Role.Bidder],
  'POST /api/applications/:id/withdrawal': [Role.Bidder],
  'POST /api/applications/:id/documents': [Role.Bidder],
  'GET /api/applications/:id/documents/:documentId': 'signed-in',
  'POST /api/applications/:id/submit': [Role.Bidder],
  'POST /api/applications/:id/review': [Role.TradingOfficer],
  'GET /api/applications/:id/confirmation': 'signed-in',
  'POST /api/bank/notices': 'bank-signed',
  'GET /api/bank/notice-conflicts': [Role.FinanceOfficer, Role.Supervisor],
  // Served only in a demo with the simulated bank on (this app is started so); otherwise no such route.
  'POST /api/dev/bank/deposits': [Role.FinanceOfficer, Role.Admin],
  'POST /api/bank-statements': [Role.FinanceOfficer],
  'GET /api/bank-statements': [Role.FinanceOfficer, Role.Supervisor],
  'GET /api/bank-statements/:id': [Role.FinanceOfficer, Role.Supervisor],
  'GET /api/bank-statement-lines': [Role.FinanceOfficer, Role.Supervisor],
  'POST /api/bank-statement-lines/:id/resolution': [Role.FinanceOfficer],
  'POST /api/treasury-remittances': [Role.FinanceOfficer],
  'GET /api/treasury-remittances': [Role.FinanceOfficer, Role.Supervisor],
  'GET /api/ledger/unremitted': [Role.FinanceOfficer, Role.Supervisor],
  'GET /api/ledger/trial-balance': [Role.FinanceOfficer, Role.Supervisor],
  'GET /api/ledger/entries': [Role.FinanceOfficer, Role.Supervisor],
  'GET /api/ledger/accounts/:code/balance': [Role.FinanceOfficer, Role.Supervisor],
  'POST /api/ledger/entries/:id/reversal': [Role.FinanceOfficer],
  'GET /api/reports/land-sales': [Role.FinanceOfficer, Role.Supervisor],
  'GET /api/public/statistics/land-sales': 'public',
  'POST /api/practice-lots': [Role.Bidder, Role.TradingOfficer],
  'GET /api/practice-lots/mine': [Role.Bidder, Role.TradingOfficer],
  'GET /api/practice-lots/:id': [Role.Bidder, Role.TradingOfficer],
  'POST /api/practice-lots/:id/bidders': [Role.TradingOfficer],

  // Console additions (issue 12), one block per console section.
  // -- reserve --

  // -- listing --

  // -- sale --

  // -- pricing and admin --

  // -- supervision --

  // -- finance --

  // -- books --

};

/** Placeholder values for path parameters: well-formed, pointing at nothing. */
const PARAMS: Record<string, string> = { id: '00000000-0000-4000-8000-000000000000', documentId: '00000000-0000-4000-8000-000000000000', date: '2031-01-04', key: 'no.such.setting', version: '1' };

function concrete(path: string): string {
  return path.replace(/:(\w+)/g, (_m, name: string) => PARAMS[name] ?? 'x');
}

describe('permission matrix', () => {
  let t: TestApp;
  const tokens = new Map<Role, string>();
  beforeAll(async () => {
    t = await createTestApp({ DEMO: 'on', BANK_SIMULATOR: 'on' });
    for (const role of ALL_ROLES) tokens.set(role, await t.tokenFor([role]));
  });
  afterAll(() => t.close());

  it('lists every route of the application, and every route declares who may call it', () => {
    const routes = listRoutes(t.app);
    expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(Object.keys(MATRIX).sort());
    expect(routes.filter((r) => r.access === undefined)).toEqual([]);
  });

  const cases = Object.entries(MATRIX);
  it.each(cases)('%s: lets through exactly the roles in the matrix', async (route, allowed) => {
    const [method, path] = route.split(' ') as [string, string];
    const call = (token?: string) => {
      const req = t.http()[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](concrete(path));
      if (token) req.set('authorization', `Bearer ${token}`);
      return method === 'GET' || method === 'DELETE' ? req : req.send({});
    };
    const anonymous = await call();
    if (allowed === 'bank-signed') {
      // Authenticated by the bank's HMAC, not by a login: no token helps, an unsigned call is refused.
      expect(anonymous.status).toBe(401);
      for (const role of ALL_ROLES) expect({ role, status: (await call(tokens.get(role))).status }).toEqual({ role, status: 401 });
      return;
    }
    if (allowed === 'public') expect({ deniedWith: [401, 403].includes(anonymous.status) ? anonymous.status : null }).toEqual({ deniedWith: null });
    else expect(anonymous.status).toBe(401);

    for (const role of ALL_ROLES) {
      const res = await call(tokens.get(role));
      const permitted = allowed === 'public' || allowed === 'signed-in' || allowed.includes(role);
      if (permitted) expect({ role, deniedWith: [401, 403].includes(res.status) ? res.status : null }).toEqual({ role, deniedWith: null });
      else expect({ role, status: res.status, code: res.body.code }).toEqual({ role, status: 403, code: 'FORBIDDEN' });
    }
  });
});
