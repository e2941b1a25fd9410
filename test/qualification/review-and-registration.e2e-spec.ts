import { Role } from '@app/auth';
import { PARCEL_A } from '../support/fixtures';
import { registerCompany } from '../support/bidders';
import { AUCTION_TERMS, bearer, mondayAfter, SaleBuilder } from '../support/sale-builder';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A resident ID number with its GB 11643 check digit, computed here independently. */
function residentId(first17: string): string {
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * WEIGHTS[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

describe('persons, review time limits and registration close', () => {
  let t: TestApp;
  let s: SaleBuilder;
  let lotId: string;
  beforeAll(async () => {
    t = await createTestApp();
    s = await new SaleBuilder(t).init('rev');
    const parcelId = await s.readyParcel(PARCEL_A, 'SG2026-601');
    const a = await t.http().post('/api/announcements').set(bearer(s.tokens.trading)).send({ number: '寿自然资告字〔2026〕40号', title: '拍卖出让公告', body: '正文' }).expect(201);
    lotId = (
      await t
        .http()
        .post(`/api/announcements/${a.body.id}/lots`)
        .set(bearer(s.tokens.trading))
        .send({ lotNumber: 'R-01', title: '地块', parcelIds: [parcelId], terms: AUCTION_TERMS, schedule: await s.auctionSchedule(mondayAfter(35)) })
        .expect(201)
    ).body.id;
    await t.http().post(`/api/announcements/${a.body.id}/publish`).set(bearer(s.tokens.trading)).expect(201);
    await t.dataSource.query(`UPDATE lot SET application_start = now() - interval '1 minute'`);
  });
  afterAll(() => t.close());

  const person = (idNumber: string, username: string) => ({
    kind: 'person',
    name: '张伟',
    idNumber,
    legalRepresentative: '张伟',
    contactName: '张伟',
    contactPhone: '13905361234',
    address: '山东省寿光市',
    username,
    password: TEST_PASSWORD,
  });

  it('registers a person by resident ID and refuses a wrong check digit, naming the field', async () => {
    const id = residentId('37078319850312002');
    const ok = await t.http().post('/api/bidders').send(person(id, 'zhang.wei')).expect(201);
    expect(ok.body.idNumber).toBe(`${id.slice(0, 6)}********${id.slice(14)}`);
    const wrong = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    const res = await t.http().post('/api/bidders').send(person(wrong, 'zhang.wei2')).expect(400);
    expect(res.body).toMatchObject({ code: 'RESIDENT_ID_CHECK_DIGIT', field: 'idNumber' });
  });

  it('gives a pre-review until the end of the 2nd working day and lists it once overdue', async () => {
    const b = await registerCompany(t, 'review.co', '待审查公司', 9101);
    const app = await t.http().post(`/api/lots/${lotId}/applications`).set(bearer(b.token)).send({}).expect(201);
    await t.http().post(`/api/applications/${app.body.id}/submit`).set(bearer(b.token)).expect(201);
    const staff = await t.http().get(`/api/applications/${app.body.id}`).set(bearer(s.tokens.trading)).expect(200);
    const submitted = new Date(staff.body.submittedAt);
    const due = new Date(staff.body.reviewDueAt);
    const expected = (await t.http().get('/api/calendar/add-working-days').query({ start: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(submitted), days: 2 }).expect(200)).body.result;
    // Due at 24:00 Shanghai time of that working day.
    expect(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(due.getTime() - 1))).toBe(expected);
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(due)).toBe('00:00');
    expect((await t.http().get('/api/applications/overdue-reviews').set(bearer(s.tokens.trading)).expect(200)).body).toHaveLength(0);
    await t.dataSource.query(`UPDATE application SET review_due_at = now() - interval '1 hour' WHERE id = $1`, [app.body.id]);
    const overdue = await t.http().get('/api/applications/overdue-reviews').set(bearer(s.tokens.trading)).expect(200);
    expect(overdue.body.map((a: { id: string }) => a.id)).toEqual([app.body.id]);
    const rejected = await t.http().post(`/api/applications/${app.body.id}/review`).set(bearer(s.tokens.trading)).send({ decision: 'reject', reason: '营业执照已过期' }).expect(201);
    expect(rejected.body.status).toBe('rejected');
    const own = await t.http().get('/api/applications/mine').set(bearer(b.token)).expect(200);
    expect(own.body[0]).toMatchObject({ status: 'rejected', reviewReason: '营业执照已过期' });
  });

  it('refuses applications once registration has closed, and changes nothing', async () => {
    const late = await registerCompany(t, 'late.reg', '逾期报名公司', 9102);
    await t.dataSource.query(`UPDATE lot SET registration_close = now() - interval '1 minute' WHERE id = $1`, [lotId]);
    const res = await t.http().post(`/api/lots/${lotId}/applications`).set(bearer(late.token)).send({}).expect(400);
    expect(['REGISTRATION_CLOSED', 'APPLICATION_WINDOW_CLOSED']).toContain(res.body.code);
    const rows: unknown[] = await t.dataSource.query(`SELECT 1 FROM application a JOIN bidder b ON b.id = a.lead_bidder_id WHERE b.name = '逾期报名公司'`);
    expect(rows).toHaveLength(0);
  });

  it('only trading staff may review', async () => {
    const finance = await t.tokenFor([Role.FinanceOfficer]);
    await t.http().post(`/api/applications/00000000-0000-4000-8000-000000000000/review`).set(bearer(finance)).send({ decision: 'approve', reason: 'x' }).expect(403);
  });
});
