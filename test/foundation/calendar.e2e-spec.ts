import { Role } from '@app/auth';
import { createTestApp, type TestApp } from '../support/test-app';

describe('working-day calendar over HTTP', () => {
  let t: TestApp;
  let staff: string;
  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.tokenFor([Role.TradingOfficer], 'calendar.staff');
  });
  afterAll(() => t.close());

  const add = async (start: string, days: number) =>
    (await t.http().get('/api/calendar/add-working-days').query({ start, days }).expect(200)).body.result as string;

  it('is seeded with the published schedules, holidays and make-up workdays alike', async () => {
    const res = await t.http().get('/api/calendar/days').query({ year: 2025 }).expect(200);
    const byDate = new Map((res.body as Array<{ date: string; kind: string; source: string }>).map((d) => [d.date, d]));
    expect(byDate.get('2025-10-01')).toMatchObject({ kind: 'holiday', source: 'official' });
    expect(byDate.get('2025-09-28')).toMatchObject({ kind: 'workday' });
    expect(byDate.get('2025-10-11')).toMatchObject({ kind: 'workday' });
  });

  it('skips the National Day week and counts its make-up Saturday', async () => {
    expect(await add('2025-09-30', 1)).toBe('2025-10-09');
    const between = await t.http().get('/api/calendar/working-days-between').query({ from: '2025-09-26', to: '2025-10-11' }).expect(200);
    expect(between.body.workingDays).toBe(6);
    const saturday = await t.http().get('/api/calendar/working-day').query({ date: '2025-10-11' }).expect(200);
    expect(saturday.body.workingDay).toBe(true);
  });

  it('a deadline of 2 working days from a Friday lands on the Tuesday', async () => {
    expect(await add('2031-01-03', 2)).toBe('2031-01-07');
  });

  it('takes staff edits into account at once and audits them with the reason', async () => {
    expect(await add('2031-01-03', 1)).toBe('2031-01-06');
    const set = await t
      .http()
      .put('/api/calendar/days/2031-01-06')
      .set('authorization', `Bearer ${staff}`)
      .send({ kind: 'holiday', name: '临时休息日', reason: '市政府通知' })
      .expect(200);
    expect(set.body).toMatchObject({ date: '2031-01-06', kind: 'holiday', source: 'staff' });
    expect(await add('2031-01-03', 1)).toBe('2031-01-07');

    await t.http().delete('/api/calendar/days/2031-01-06').query({ reason: '通知撤回' }).set('authorization', `Bearer ${staff}`).expect(204);
    expect(await add('2031-01-03', 1)).toBe('2031-01-06');

    const trail: Array<{ action: string; reason: string; actor_name: string }> = await t.dataSource.query(
      `SELECT action, reason, actor_name FROM audit_event WHERE entity_type = 'calendar_day' AND entity_id = '2031-01-06' ORDER BY id`,
    );
    expect(trail).toEqual([
      { action: 'calendar.day.set', reason: '市政府通知', actor_name: 'calendar.staff' },
      { action: 'calendar.day.remove', reason: '通知撤回', actor_name: 'calendar.staff' },
    ]);
  });

  it('refuses a make-up workday on a weekday, naming the field, and changes nothing', async () => {
    const res = await t
      .http()
      .put('/api/calendar/days/2031-01-08')
      .set('authorization', `Bearer ${staff}`)
      .send({ kind: 'workday', name: '调休', reason: 'test' })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'NOT_A_WEEKEND', field: 'kind' });
    const rows: unknown[] = await t.dataSource.query(`SELECT 1 FROM holiday WHERE date = '2031-01-08'`);
    expect(rows).toHaveLength(0);
  });

  it('refuses an impossible date such as 2026-02-30 with INVALID_DATE', async () => {
    const res = await t
      .http()
      .put('/api/calendar/days/2026-02-30')
      .set('authorization', `Bearer ${staff}`)
      .send({ kind: 'holiday', name: 'x', reason: 'test' })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'INVALID_DATE', field: 'date' });
    const q = await t.http().get('/api/calendar/add-working-days').query({ start: '2026-01-01', days: 'ten' }).expect(400);
    expect(q.body.field).toBe('days');
  });
});
