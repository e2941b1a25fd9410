import { Role } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { NotificationDispatcher, NotificationService } from '@app/notification';
import { bearer } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';

/** The in-app inbox: written in the caller's transaction, read and marked only by its recipient. */
describe('the notification inbox', () => {
  let t: TestApp;
  let alice: { token: string; id: string };
  let bob: { token: string; id: string };
  const me = async (token: string) => (await t.http().get('/api/auth/me').set(bearer(token)).expect(200)).body.id as string;
  const notify = (recipients: string[], subject: string, dedupeKey?: string) =>
    t.app.get(TransactionRunner).run((em) => t.app.get(NotificationService).notify(em, { recipients, kind: 'committee.appointed', subject, body: `${subject}正文`, dedupeKey }));
  const count = async (table: string) => Number((await t.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    const a = await t.tokenFor([Role.PricingCommittee], 'inbox.alice');
    const b = await t.tokenFor([Role.Bidder], 'inbox.bob');
    alice = { token: a, id: await me(a) };
    bob = { token: b, id: await me(b) };
  });
  afterAll(() => t.close());

  it('writes nothing when the change it belongs to rolls back: no message, no outbox row', async () => {
    const before = [await count('notification'), await count('notification_delivery')];
    await expect(
      t.app.get(TransactionRunner).run(async (em) => {
        await t.app.get(NotificationService).notify(em, { recipients: [alice.id], kind: 'committee.appointed', subject: '回滚', body: '不应送达' });
        throw new Error('the change failed after its notification was written');
      }),
    ).rejects.toThrow('the change failed');
    expect([await count('notification'), await count('notification_delivery')]).toEqual(before);
    expect((await t.http().get('/api/notifications/mine').set(bearer(alice.token)).expect(200)).body.total).toBe(0);
  });

  it('pages the inbox newest first with the unread count, and filters unread', async () => {
    for (const n of [1, 2, 3]) await notify([alice.id], `通知${n}`);
    const page1 = await t.http().get('/api/notifications/mine').query({ pageSize: 2 }).set(bearer(alice.token)).expect(200);
    expect(page1.body).toMatchObject({ total: 3, unread: 3, page: 1, pageSize: 2 });
    expect(page1.body.items.map((n: { subject: string }) => n.subject)).toEqual(['通知3', '通知2']);
    const page2 = await t.http().get('/api/notifications/mine').query({ pageSize: 2, page: 2 }).set(bearer(alice.token)).expect(200);
    expect(page2.body.items.map((n: { subject: string }) => n.subject)).toEqual(['通知1']);
    expect(page2.body.items[0]).toMatchObject({ kind: 'committee.appointed', body: '通知1正文', read: false, readAt: null });

    const marked = await t.http().post(`/api/notifications/${page1.body.items[0].id}/read`).set(bearer(alice.token)).expect(200);
    expect(marked.body).toMatchObject({ subject: '通知3', read: true });
    const unread = await t.http().get('/api/notifications/mine').query({ unread: 'true' }).set(bearer(alice.token)).expect(200);
    expect(unread.body).toMatchObject({ total: 2, unread: 2 });
    expect((await t.http().get('/api/notifications/mine').query({ unread: 'maybe' }).set(bearer(alice.token)).expect(400)).body.field).toBe('unread');
  });

  it('never lets one user read or mark another user’s notifications', async () => {
    await notify([bob.id], '仅限Bob');
    const bobs = await t.http().get('/api/notifications/mine').set(bearer(bob.token)).expect(200);
    expect(bobs.body.items.map((n: { subject: string }) => n.subject)).toEqual(['仅限Bob']);
    const alices = await t.http().get('/api/notifications/mine').query({ pageSize: 500 }).set(bearer(alice.token)).expect(200);
    expect(JSON.stringify(alices.body)).not.toContain('仅限Bob');

    const stolen = await t.http().post(`/api/notifications/${bobs.body.items[0].id}/read`).set(bearer(alice.token)).expect(404);
    expect(stolen.body.code).toBe('NOTIFICATION_NOT_FOUND');
    await t.http().post('/api/notifications/read-all').set(bearer(alice.token)).expect(200);
    const still = await t.http().get('/api/notifications/mine').set(bearer(bob.token)).expect(200);
    expect(still.body).toMatchObject({ unread: 1, items: [expect.objectContaining({ read: false })] });
    expect((await t.http().get('/api/notifications/mine').set(bearer(alice.token)).expect(200)).body.unread).toBe(0);
    await t.http().get('/api/notifications/mine').expect(401);
  });

  it('marks one or all read once, on the record; marking again changes nothing', async () => {
    await notify([bob.id], '第二条');
    const res = await t.http().post('/api/notifications/read-all').set(bearer(bob.token)).expect(200);
    expect(res.body).toEqual({ updated: 2 });
    expect((await t.http().post('/api/notifications/read-all').set(bearer(bob.token)).expect(200)).body).toEqual({ updated: 0 });
    const audit = (await t.dataSource.query(`SELECT after FROM audit_event WHERE action = 'notification.read_all' AND entity_id = $1`, [bob.id])) as Array<{ after: { marked: number } }>;
    expect(audit.map((a) => a.after.marked)).toEqual([2]);
  });

  it('sends a keyed reminder once per recipient however often it is raised', async () => {
    await notify([alice.id, alice.id, bob.id], '提醒', 'reminder:1');
    await notify([alice.id, bob.id], '提醒', 'reminder:1');
    const rows = (await t.dataSource.query(`SELECT recipient_id FROM notification WHERE dedupe_key = 'reminder:1' ORDER BY recipient_id`)) as Array<{ recipient_id: string }>;
    expect(rows.map((r) => r.recipient_id)).toEqual([alice.id, bob.id].sort());
  });

  it('delivers outbound copies after commit only; with no channel configured each is recorded as not sent', async () => {
    const [id] = await notify([alice.id], '外发');
    const [pending] = (await t.dataSource.query(`SELECT channel, status, attempts FROM notification_delivery WHERE notification_id = $1`, [id])) as Array<Record<string, unknown>>;
    expect(pending).toEqual({ channel: 'none', status: 'pending', attempts: 0 });
    await t.app.get(NotificationDispatcher).runOnce();
    const [done] = (await t.dataSource.query(`SELECT status, detail, attempts FROM notification_delivery WHERE notification_id = $1`, [id])) as Array<Record<string, unknown>>;
    expect(done).toEqual({ status: 'not_sent', detail: 'not sent: no channel configured', attempts: 1 });
    expect((await t.app.get(NotificationDispatcher).runOnce()).notSent).toBe(0);
  });
});
