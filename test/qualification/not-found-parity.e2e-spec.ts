import { randomUUID } from 'node:crypto';
import { Role } from '@app/auth';
import { PARCEL_A, PARCEL_B } from '../support/fixtures';
import { applyJointly, registerCompany } from '../support/bidders';
import { base64, SAMPLE } from '../support/documents';
import { bearer, LISTING_TERMS, mondayAfter, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Responses must not tell anyone that somebody else's application, document or invitation exists:
 * for every qualification route that takes such an id, a caller who does not own it gets exactly the
 * answer an unknown id gets (status, code, message, field), whatever state the application is in.
 */
describe('somebody else’s id answers exactly like an unknown id', () => {
  let t: TestApp;
  let lotId: string;
  let draftLotId: string;
  let owned: { appId: string; documentId: string };
  /** Callers who do not own the application; staff ones meet the bidder-only routes' 403 first. */
  const callers: Record<string, string> = {};
  const STAFF = ['a finance officer', 'a reserve officer'];

  beforeAll(async () => {
    t = await createTestApp();
    const s = await new SaleBuilder(t).init('nf');
    const parcelId = await s.readyParcel(PARCEL_A, 'SG2026-991');
    const a = await t.http().post('/api/announcements').set(bearer(s.tokens.trading)).send({ number: '寿自然资告字〔2026〕90号', title: '出让公告', body: '正文' }).expect(201);
    const terms = { ...LISTING_TERMS, hasReserve: false, reserveRoundingUnit: undefined };
    const schedule = await s.listingSchedule(mondayAfter(30), 10);
    lotId = (await t.http().post(`/api/announcements/${a.body.id}/lots`).set(bearer(s.tokens.trading)).send({ lotNumber: 'NF-01', title: '地块', parcelIds: [parcelId], terms, schedule }).expect(201)).body.id;
    await t.http().post(`/api/announcements/${a.body.id}/publish`).set(bearer(s.tokens.trading)).expect(201);
    const draft = await t.http().post('/api/announcements').set(bearer(s.tokens.trading)).send({ number: '寿自然资告字〔2026〕91号', title: '未发布公告', body: '正文' }).expect(201);
    const parcel2 = await s.readyParcel(PARCEL_B, 'SG2026-992');
    draftLotId = (await t.http().post(`/api/announcements/${draft.body.id}/lots`).set(bearer(s.tokens.trading)).send({ lotNumber: 'NF-SECRET', title: '未公开地块', parcelIds: [parcel2], terms, schedule }).expect(201)).body.id;
    await t.dataSource.query(`UPDATE lot SET application_start = now() - interval '1 minute'`);

    // Somebody else's joint application (lead and an accepted partner) with a document.
    const lead = await registerCompany(t, 'nf.lead', '他人牵头置业公司', 9981);
    const partner = await registerCompany(t, 'nf.partner', '他人合作地产公司', 9982);
    const appId = await applyJointly(t, lotId, lead, [{ ...partner, share: '50.00' }], '50.00');
    const doc = await t.http().post(`/api/applications/${appId}/documents`).set(bearer(lead.token)).send({ title: '营业执照', fileName: 'l.pdf', contentBase64: base64(SAMPLE.pdf()) }).expect(201);
    owned = { appId, documentId: doc.body.id };

    const outsider = await registerCompany(t, 'nf.outsider', '好奇的竞买公司', 9983);
    // The outsider has applications and documents of its own, so "yours" is not the empty answer.
    const own = await t.http().post(`/api/lots/${lotId}/applications`).set(bearer(outsider.token)).send({}).expect(201);
    await t.http().post(`/api/applications/${own.body.id}/documents`).set(bearer(outsider.token)).send({ title: '营业执照', fileName: 'o.pdf', contentBase64: base64(SAMPLE.pdf('own')) }).expect(201);
    callers['a bidder with applications of its own'] = outsider.token;
    callers['a bidder with none'] = (await registerCompany(t, 'nf.fresh', '新注册竞买公司', 9984)).token;
    callers['a finance officer'] = await t.tokenFor([Role.FinanceOfficer]);
    callers['a reserve officer'] = await t.tokenFor([Role.ReserveOfficer]);
  });
  afterAll(() => t.close());

  type Call = { method: 'get' | 'post'; path: (appId: string, documentId: string) => string; body?: object };
  const ROUTES: Record<string, Call> = {
    'GET /api/applications/:id': { method: 'get', path: (a) => `/api/applications/${a}` },
    'GET /api/applications/:id/confirmation': { method: 'get', path: (a) => `/api/applications/${a}/confirmation` },
    'POST /api/applications/:id/acceptance': { method: 'post', path: (a) => `/api/applications/${a}/acceptance` },
    'POST /api/applications/:id/decline': { method: 'post', path: (a) => `/api/applications/${a}/decline`, body: {} },
    'POST /api/applications/:id/withdrawal': { method: 'post', path: (a) => `/api/applications/${a}/withdrawal`, body: {} },
    'POST /api/applications/:id/submit': { method: 'post', path: (a) => `/api/applications/${a}/submit` },
    'POST /api/applications/:id/documents': {
      method: 'post',
      path: (a) => `/api/applications/${a}/documents`,
      body: { title: '营业执照', fileName: 'x.pdf', contentBase64: base64(SAMPLE.pdf('probe')) },
    },
    'GET /api/applications/:id/documents/:documentId': { method: 'get', path: (a, d) => `/api/applications/${a}/documents/${d}` },
  };

  const answer = async (call: Call, token: string, appId: string, documentId: string) => {
    const req = t.http()[call.method](call.path(appId, documentId)).set(bearer(token));
    const res = call.method === 'post' ? await req.send(call.body ?? {}) : await req;
    return { status: res.status, code: res.body.code, message: res.body.message, field: res.body.field };
  };

  for (const [route, call] of Object.entries(ROUTES)) {
    it(`${route}: another's id and an unknown id get the same answer, for every caller who does not own it`, async () => {
      for (const [who, token] of Object.entries(callers)) {
        const theirs = await answer(call, token, owned.appId, owned.documentId);
        const unknown = await answer(call, token, randomUUID(), randomUUID());
        expect({ who, ...theirs }).toEqual({ who, ...unknown });
        const bidderOnly = call.method === 'post';
        expect({ who, status: theirs.status }).toEqual({ who, status: STAFF.includes(who) && bidderOnly ? 403 : 404 });
      }
    });
  }

  it('a document id of another application, asked under the caller’s own application, answers like an unknown document', async () => {
    const token = callers['a bidder with applications of its own']!;
    const mine = (await t.http().get('/api/applications/mine').set(bearer(token)).expect(200)).body[0].id as string;
    const theirs = await answer(ROUTES['GET /api/applications/:id/documents/:documentId']!, token, mine, owned.documentId);
    const unknown = await answer(ROUTES['GET /api/applications/:id/documents/:documentId']!, token, mine, randomUUID());
    expect(theirs).toEqual(unknown);
    expect(theirs).toMatchObject({ status: 404, code: 'DOCUMENT_NOT_FOUND' });
  });

  it('a lot not yet published answers like an unknown lot, without its number', async () => {
    const token = callers['a bidder with none']!;
    const draft = await t.http().post(`/api/lots/${draftLotId}/applications`).set(bearer(token)).send({});
    const unknown = await t.http().post(`/api/lots/${randomUUID()}/applications`).set(bearer(token)).send({});
    expect({ status: draft.status, code: draft.body.code, message: draft.body.message }).toEqual({ status: unknown.status, code: unknown.body.code, message: unknown.body.message });
    expect(draft.text).not.toContain('NF-SECRET');
  });
});
