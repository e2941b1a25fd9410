import { Role } from '@app/auth';
import { bearer } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';
import { connect, listen, type Client } from '../support/trading';
import { openPracticeNow, practiceBidder, startPractice, type PracticeView } from './practice-helpers';

type Ack = { ok: boolean; code?: string };

/**
 * Who may do what with a practice lot: a trainer's class rehearses together and the trainer watches
 * with identities; the creator and the seated bidders see their own lot, nobody else does; limits keep
 * anyone from flooding the platform; bad input changes nothing; a practice lot never passes for a
 * real lot or announcement.
 */
describe('practice lots: a trainer’s class, access, limits and bad input', () => {
  let t: TestApp;
  let url: string;
  let trainer: string;
  let supervisor: string;
  let students: Array<Awaited<ReturnType<typeof practiceBidder>>>;
  let outsider: Awaited<ReturnType<typeof practiceBidder>>;
  let classLot: PracticeView;
  const clients: Client[] = [];
  const practiceCount = async () => ((await t.dataSource.query(`SELECT count(*)::int AS n FROM practice_lot`)) as Array<{ n: number }>)[0]!.n;

  beforeAll(async () => {
    t = await createTestApp();
    url = await listen(t);
    trainer = await t.tokenFor([Role.TradingOfficer], 'coach.li');
    supervisor = await t.tokenFor([Role.Supervisor]);
    students = [];
    for (let i = 0; i < 3; i++) students.push(await practiceBidder(t, `student.${i + 1}`, 900 + i));
    outsider = await practiceBidder(t, 'not.in.class', 950);
  }, 60_000);

  afterAll(async () => {
    clients.forEach((c) => c.close());
    await t.close();
  });

  it('a trainer starts a practice lot for a class: each named bidder is seated with its own number; the trainer holds none', async () => {
    classLot = await startPractice(t, trainer, { bidders: [students[0]!.username, students[1]!.username], opponents: 2, label: '第一期竞买人培训' });
    expect(classLot.title).toBe('模拟竞价·挂牌（限时竞价）·第一期竞买人培训');
    expect(classLot.you).toBeNull();
    expect(classLot.bidderCount).toBe(4);
    // The trainer watches with identities, as staff do: who is behind each number, and which are simulated.
    const people = classLot.participants!;
    expect(people.filter((p) => !p.simulated).map((p) => p.username).sort()).toEqual([students[0]!.username, students[1]!.username]);
    expect(people.filter((p) => p.simulated).map((p) => p.username)).toEqual([null, null]);
    expect(new Set(people.map((p) => p.bidderNumber)).size).toBe(4);
  });

  it('a seated student finds it in its list with its number, sees no identities, and can bid; an outsider cannot see or bid in it', async () => {
    const listed = (await t.http().get('/api/practice-lots/mine').set(bearer(students[0]!.token)).expect(200)).body as { items: PracticeView[] };
    expect(listed.items).toHaveLength(1);
    const mine = listed.items[0]!;
    const number = classLot.participants!.find((p) => p.username === students[0]!.username)!.bidderNumber;
    expect(mine).toMatchObject({ id: classLot.id, you: { bidderNumber: number }, startedBy: 'trainer' });
    expect(mine.participants).toBeUndefined();
    expect(JSON.stringify(mine)).not.toContain(students[1]!.username);
    const refused = await t.http().get(`/api/practice-lots/${classLot.id}`).set(bearer(outsider.token)).expect(404);
    expect(refused.body.code).toBe('PRACTICE_LOT_NOT_FOUND');
    expect((await t.http().get('/api/practice-lots/mine').set(bearer(outsider.token)).expect(200)).body.items).toEqual([]);

    await openPracticeNow(t, classLot.id);
    const student = await connect(url, students[0]!.token);
    const stranger = await connect(url, outsider.token);
    clients.push(student, stranger);
    expect(await student.emit('lot:join', { lotId: classLot.id })).toMatchObject({ ok: true, you: { bidderNumber: number } });
    expect(await student.emit<Ack>('bid:place', { lotId: classLot.id, clientBidId: 's1', price: '10000000.00' })).toMatchObject({ ok: true });
    expect(await stranger.emit<Ack>('bid:place', { lotId: classLot.id, clientBidId: 'x1', price: '10200000.00' })).toMatchObject({ ok: false, code: 'NOT_QUALIFIED' });
  });

  it('trading staff and supervisors see who bid, as on any lot', async () => {
    for (const token of [trainer, supervisor]) {
      const bids = (await t.http().get(`/api/lots/${classLot.id}/trading/bids`).set(bearer(token)).expect(200)).body as Array<{ bidderName: string }>;
      expect(bids.map((b) => b.bidderName)).toEqual([students[0]!.name]);
    }
  });

  it('the trainer seats one more student during the rehearsal (audited); seating someone twice keeps the number; the new one bids at once', async () => {
    const added = await t.http().post(`/api/practice-lots/${classLot.id}/bidders`).set(bearer(trainer)).send({ usernames: [students[2]!.username, students[0]!.username] }).expect(201);
    const people = (added.body as PracticeView).participants!;
    expect(people).toHaveLength(5);
    expect(people.filter((p) => p.username === students[0]!.username)).toHaveLength(1);
    const again = await t.http().post(`/api/practice-lots/${classLot.id}/bidders`).set(bearer(trainer)).send({ usernames: [students[2]!.username] }).expect(201);
    expect((again.body as PracticeView).participants).toEqual(people);
    const audits = (await t.dataSource.query(`SELECT after FROM audit_event WHERE action = 'practice.add_bidders' AND entity_id = $1`, [classLot.id])) as Array<{ after: { added: Array<{ username: string }> } }>;
    expect(audits.map((a) => a.after.added.map((x) => x.username))).toEqual([[students[2]!.username]]);
    const late = await connect(url, students[2]!.token);
    clients.push(late);
    expect(await late.emit<Ack>('bid:place', { lotId: classLot.id, clientBidId: 'l1', price: '10200000.00' })).toMatchObject({ ok: true });
  });

  it('seating is for trainers: a bidder cannot seat others, nor name them when it starts one; nothing is created', async () => {
    const before = await practiceCount();
    const forbidden = await t.http().post(`/api/practice-lots/${classLot.id}/bidders`).set(bearer(students[0]!.token)).send({ usernames: [outsider.username] }).expect(403);
    expect(forbidden.body.code).toBe('FORBIDDEN');
    const named = await t.http().post('/api/practice-lots').set(bearer(students[0]!.token)).send({ bidders: [outsider.username] }).expect(403);
    expect(named.body).toMatchObject({ code: 'FORBIDDEN', field: 'bidders' });
    expect(await practiceCount()).toBe(before);
  });

  it('naming an account that is not an active bidder is a 400 naming its position, and seats nobody', async () => {
    const seatsBefore = await t.dataSource.query(`SELECT count(*)::int AS n FROM application WHERE lot_id = $1`, [classLot.id]);
    const res = await t.http().post(`/api/practice-lots/${classLot.id}/bidders`).set(bearer(trainer)).send({ usernames: [outsider.username, 'no.such.user', 'coach.li'] }).expect(400);
    expect(res.body.code).toBe('INVALID_PRACTICE_BIDDER');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['usernames[1]', 'usernames[2]']);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM application WHERE lot_id = $1`, [classLot.id])).toEqual(seatsBefore);
    const bad = await t.http().post(`/api/practice-lots/${classLot.id}/bidders`).set(bearer(trainer)).send({ usernames: ['Robert"); DROP TABLE lot;--'] }).expect(400);
    expect(bad.body.field).toMatch(/^usernames/);
  });

  it('bad choices are refused with a 400 naming the field, and start nothing', async () => {
    const before = await practiceCount();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ startPrice: '10000001.00' }, 'INVALID_START_PRICE', 'startPrice'],
      [{ startPrice: 10000000 }, 'VALIDATION_FAILED', 'startPrice'],
      [{ countdownSeconds: 5 }, 'VALIDATION_FAILED', 'countdownSeconds'],
      [{ method: 'tender', capMode: 'lottery' }, 'CAP_NOT_FOR_TENDER', 'capMode'],
      [{ method: 'tender', increment: '100000.00' }, 'INCREMENT_NOT_FOR_TENDER', 'increment'],
      [{ method: 'sealed_auction' }, 'VALIDATION_FAILED', 'method'],
      [{ opponents: 4 }, 'VALIDATION_FAILED', 'opponents'],
      [{ practice: false }, 'VALIDATION_FAILED', 'practice'],
    ];
    for (const [body, code, field] of cases) {
      const res = await t.http().post('/api/practice-lots').set(bearer(students[1]!.token)).send(body);
      expect({ body, status: res.status, field: res.body.field }).toEqual({ body, status: 400, field });
      if (code !== 'VALIDATION_FAILED') expect(res.body.code).toBe(code);
    }
    expect(await practiceCount()).toBe(before);
  });

  it('an account with the bidder role but no registration is told to register; nothing is started', async () => {
    const before = await practiceCount();
    const token = await t.tokenFor([Role.Bidder]);
    const res = await t.http().post('/api/practice-lots').set(bearer(token)).send({}).expect(400);
    expect(res.body.code).toBe('NOT_A_BIDDER');
    expect(await practiceCount()).toBe(before);
  });

  it('nobody floods the platform: at most 3 running practice lots per account, even when started all at once', async () => {
    const flood = students[1]!;
    const answers = await Promise.all(Array.from({ length: 5 }, () => t.http().post('/api/practice-lots').set(bearer(flood.token)).send({ method: 'auction' })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 201, 429, 429]);
    expect(answers.find((a) => a.status === 429)!.body).toMatchObject({ code: 'PRACTICE_RATE_LIMITED', field: 'practice.maxRunningPerAccount' });
    const [{ n }] = (await t.dataSource.query(`SELECT count(*)::int AS n FROM practice_lot p JOIN app_user u ON u.id = p.created_by WHERE u.username = $1`, [flood.username])) as Array<{ n: number }>;
    expect(n).toBe(3);
    // Another account is not held back by it.
    await startPractice(t, students[2]!.token);
  });

  it('and at most practice.maxStartsPerAccountPerDay starts within 24 hours, however few still run', async () => {
    const admin = await t.tokenFor([Role.Admin]);
    await t.http().put('/api/settings/practice.maxStartsPerAccountPerDay').set(bearer(admin)).send({ value: 1, reason: '演练限额测试' }).expect(200);
    // students[2] has started one (above): its second start today is refused though it runs only one.
    const res = await t.http().post('/api/practice-lots').set(bearer(students[2]!.token)).send({}).expect(429);
    expect(res.body).toMatchObject({ code: 'PRACTICE_RATE_LIMITED', field: 'practice.maxStartsPerAccountPerDay' });
    await t.http().put('/api/settings/practice.maxStartsPerAccountPerDay').set(bearer(admin)).send({ value: 20, reason: '恢复默认' }).expect(200);
  });

  it('a practice lot never passes for a real one: no applications, no announcement for staff or the public, no amendment', async () => {
    const apply = await t.http().post(`/api/lots/${classLot.id}/applications`).set(bearer(outsider.token)).send({}).expect(404);
    expect(apply.body.code).toBe('LOT_NOT_FOUND');
    const [{ announcement_id }] = (await t.dataSource.query(`SELECT announcement_id FROM lot WHERE id = $1`, [classLot.id])) as Array<{ announcement_id: string }>;
    expect((await t.http().get('/api/announcements').set(bearer(trainer)).expect(200)).body.total).toBe(0);
    await t.http().get(`/api/announcements/${announcement_id}`).set(bearer(trainer)).expect(404);
    await t.http().get(`/api/public/announcements/${announcement_id}`).expect(404);
    const amend = await t.http().post(`/api/announcements/${announcement_id}/amendments`).set(bearer(trainer)).send({ summary: '调整', reason: '演练', lots: [] }).expect(404);
    expect(amend.body.code).toBe('ANNOUNCEMENT_NOT_FOUND');
    await t.http().post(`/api/announcements/${announcement_id}/suspension-requests`).set(bearer(trainer)).send({ ground: 'other', reason: '演练' }).expect(404);
    await t.http().delete(`/api/announcements/${announcement_id}`).set(bearer(trainer)).expect(404);
    // Staff reading the lot itself see it marked practice.
    expect((await t.http().get(`/api/lots/${classLot.id}`).set(bearer(trainer)).expect(200)).body).toMatchObject({ practice: true, lotNumber: classLot.lotNumber });
  });

  it('every start is audited with who started it, as a bidder or as a trainer', async () => {
    const rows = (await t.dataSource.query(`SELECT actor_name, after->>'trainer' AS trainer FROM audit_event WHERE action = 'practice.start' ORDER BY id`)) as Array<{ actor_name: string; trainer: string }>;
    expect(rows[0]).toEqual({ actor_name: 'coach.li', trainer: 'true' });
    expect(rows.slice(1).every((r) => r.trainer === 'false' && r.actor_name.startsWith('student.'))).toBe(true);
    expect(rows).toHaveLength(1 + 3 + 1);
  });
});
