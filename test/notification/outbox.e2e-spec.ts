import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Role } from '@app/auth';
import { TransactionRunner } from '@app/database';
import { NotificationDispatcher, NotificationService } from '@app/notification';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { uscc } from '../support/bidders';
import { bearer } from '../support/sale-builder';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';

interface Received {
  path: string;
  authorization?: string;
  body: Record<string, string>;
}

/**
 * The outbound port with its email and SMS adapters, against a gateway played by a local HTTP server:
 * deliveries leave the outbox after commit, to the address on record, and a gateway failure is retried
 * later, then given up.
 */
describe('outbound delivery through the gateways', () => {
  let t: TestApp;
  let gateway: Server;
  const received: Received[] = [];
  /** Status codes the gateway answers with on each path, in turn; 200 once a list is empty. */
  const answers: Record<string, number[]> = { '/email': [], '/sms': [] };
  let bidderId: string;
  let staffId: string;
  const notify = (recipients: string[], subject: string) =>
    t.app.get(TransactionRunner).run((em) => t.app.get(NotificationService).notify(em, { recipients, kind: 'application.qualified', subject, body: `${subject}：号牌027` }));
  const deliveries = (notificationIds: string[]) =>
    t.dataSource.query(`SELECT d.channel, n.recipient_id, d.status, d.attempts, d.address, d.detail, d.sent_at IS NOT NULL AS stamped FROM notification_delivery d JOIN notification n ON n.id = d.notification_id WHERE d.notification_id = ANY($1) ORDER BY n.recipient_id, d.channel`, [notificationIds]) as Promise<
      Array<{ channel: string; recipient_id: string; status: string; attempts: number; address: string | null; detail: string | null; stamped: boolean }>
    >;
  const dispatch = () => t.app.get(NotificationDispatcher).runOnce();
  const makeDue = () => t.dataSource.query(`UPDATE notification_delivery SET next_attempt_at = now() - interval '1 second' WHERE status = 'pending'`);

  beforeAll(async () => {
    gateway = createServer((req: IncomingMessage, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      req.on('end', () => {
        received.push({ path: req.url ?? '', authorization: req.headers.authorization, body: JSON.parse(raw) as Record<string, string> });
        res.statusCode = answers[req.url ?? '']?.shift() ?? 200;
        res.end(res.statusCode === 200 ? 'queued-1' : 'gateway busy');
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
    t = await createTestApp({
      NOTIFY_CHANNELS: 'email,sms',
      NOTIFY_EMAIL_GATEWAY_URL: `${base}/email`,
      NOTIFY_SMS_GATEWAY_URL: `${base}/sms`,
      NOTIFY_GATEWAY_TOKEN: 'gateway-token',
      NOTIFY_MAX_ATTEMPTS: '2',
      NOTIFY_RETRY_BASE_SECONDS: '30',
    });
    await t
      .http()
      .post('/api/bidders')
      .send({ kind: 'company', name: '寿光通知测试置业有限公司', creditCode: uscc(777), legalRepresentative: '王建国', contactName: '李明', contactPhone: '13805361234', contactEmail: 'liming@example.cn', address: '山东省寿光市', username: 'outbox.bidder', password: TEST_PASSWORD })
      .expect(201);
    const login = await t.http().post('/api/auth/login').send({ username: 'outbox.bidder', password: TEST_PASSWORD }).expect(200);
    bidderId = (await t.http().get('/api/auth/me').set(bearer(login.body.accessToken as string)).expect(200)).body.id as string;
    const staff = await t.tokenFor([Role.PricingCommittee], 'outbox.staff');
    staffId = (await t.http().get('/api/auth/me').set(bearer(staff)).expect(200)).body.id as string;
  });
  afterAll(async () => {
    await t.close();
    gateway.closeAllConnections(); // the adapters' keep-alive sockets
    await new Promise((resolve) => gateway.close(resolve));
  });

  it('sends each channel to the address on record, retries a gateway failure later, and records what could not be sent', async () => {
    answers['/email']!.push(500); // the first email fails
    const ids = await notify([bidderId, staffId], '竞买资格确认');
    expect(received).toHaveLength(0); // nothing leaves inside the business transaction
    const first = await dispatch();
    expect(first).toEqual({ sent: 1, notSent: 2, retried: 1, failed: 0 });
    const byKey = async () => Object.fromEntries((await deliveries(ids)).map((d) => [`${d.recipient_id === bidderId ? 'bidder' : 'staff'}.${d.channel}`, d]));
    let rows = await byKey();
    expect(rows['bidder.email']).toMatchObject({ status: 'pending', attempts: 1, address: 'liming@example.cn', detail: expect.stringContaining('500') });
    expect(rows['bidder.sms']).toMatchObject({ status: 'sent', address: '13805361234', stamped: true });
    expect(rows['staff.email']).toMatchObject({ status: 'not_sent', detail: 'not sent: no email address on record' });
    expect(rows['staff.sms']).toMatchObject({ status: 'not_sent', detail: 'not sent: no mobile number on record' });
    // Not due again before its wait is over.
    expect(await dispatch()).toEqual({ sent: 0, notSent: 0, retried: 0, failed: 0 });

    await makeDue();
    expect((await dispatch()).sent).toBe(1);
    rows = await byKey();
    expect(rows['bidder.email']).toMatchObject({ status: 'sent', attempts: 2, stamped: true });
    const emails = received.filter((r) => r.path === '/email');
    expect(emails).toHaveLength(2);
    expect(emails[1]).toMatchObject({ authorization: 'Bearer gateway-token', body: { to: 'liming@example.cn', subject: '竞买资格确认', text: '竞买资格确认：号牌027' } });
    expect(received.find((r) => r.path === '/sms')!.body).toMatchObject({ to: '13805361234', text: expect.stringContaining('竞买资格确认') });
  });

  it('gives a delivery up as failed after the last allowed attempt', async () => {
    answers['/email']!.push(503, 503);
    answers['/sms']!.push(503, 503);
    const ids = await notify([bidderId], '退款通知');
    await dispatch();
    await makeDue();
    const second = await dispatch();
    expect(second.failed).toBe(2);
    expect((await deliveries(ids)).map((d) => [d.channel, d.status, d.attempts])).toEqual([
      ['email', 'failed', 2],
      ['sms', 'failed', 2],
    ]);
    await makeDue();
    expect(await dispatch()).toEqual({ sent: 0, notSent: 0, retried: 0, failed: 0 });
  });

  it('refuses to start with a channel switched on but no gateway for it', () => {
    expect(() => loadConfig({ NOTIFY_CHANNELS: 'email' })).toThrow(/NOTIFY_EMAIL_GATEWAY_URL/);
    expect(() => loadConfig({ NOTIFY_CHANNELS: 'sms' })).toThrow(/NOTIFY_SMS_GATEWAY_URL/);
    expect(() => loadConfig({ NOTIFY_CHANNELS: 'pigeon' })).toThrow(/NOTIFY_CHANNELS/);
    expect(loadConfig({}).notify.channels).toEqual([]);
  });
});
