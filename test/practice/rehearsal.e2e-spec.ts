import { Role } from '@app/auth';
import { AuctionClock } from '@app/bidding';
import { SettlementService } from '@app/settlement';
import { bearer } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';
import { connect, listen, moveDeadline, type Client } from '../support/trading';
import { openPracticeNow, pauseSimulated, practiceBidder, simulatedTurn, startPractice, type PracticeView } from './practice-helpers';

type Ack = { ok: boolean; code?: string; seq?: number };
type Snapshot = { phase: string; practice: boolean; minimumNextPrice: string | null; leaderNumber: string | null; deadline: string | null; serverTime: string };

/**
 * A bidder rehearses a listing (挂牌 with the timed final round) against the simulated opponents on
 * the practice lot's own clock, through the real socket path; the lot closes with a result marked
 * practice, and nothing of it reaches notices, statistics, reports, settlement, refunds, the journal
 * or notifications. Time is travelled the way the trading tests do, never waited for.
 */
describe('a bidder rehearses a listing with the timed final round (模拟竞价)', () => {
  let t: TestApp;
  let url: string;
  let me: Awaited<ReturnType<typeof practiceBidder>>;
  let other: Awaited<ReturnType<typeof practiceBidder>>;
  let lot: PracticeView;
  let mine: Client;
  let outsider: Client;
  let spectator: Client;
  let finance: string;
  const publicTexts: string[] = [];
  let parcelsBefore: unknown;
  let settingsBefore: unknown;

  const snapshot = async () => (await t.http().get(`/api/public/lots/${lot.id}/trading`).expect(200)).body as Snapshot;
  const recordPublic = async () => {
    for (const path of [`/api/public/lots/${lot.id}/trading`, `/api/public/lots/${lot.id}/events`, `/api/public/lots/${lot.id}/chain`]) publicTexts.push((await t.http().get(path)).text);
  };

  beforeAll(async () => {
    t = await createTestApp();
    url = await listen(t);
    finance = await t.tokenFor([Role.FinanceOfficer]);
    me = await practiceBidder(t, 'rehearse.me', 701);
    other = await practiceBidder(t, 'rehearse.other', 702);
    parcelsBefore = await t.dataSource.query(`SELECT id, state FROM parcel ORDER BY id`);
    settingsBefore = await t.dataSource.query(`SELECT key, value FROM platform_setting ORDER BY key`);
  }, 60_000);

  afterAll(async () => {
    [mine, outsider, spectator].forEach((c) => c?.close());
    await t.close();
  });

  it('starts at once for a bidder: a practice lot marked 模拟竞价 with a compressed clock in its own terms, a bidder number and a simulated deposit', async () => {
    lot = await startPractice(t, me.token);
    expect(lot).toMatchObject({ practice: true, method: 'listing', phase: 'published', capMode: null, bidderCount: 4, terms: { startPrice: '10000000.00', increment: '200000.00', deposit: { amount: '2000000.00', simulated: true } } });
    expect(lot.lotNumber).toMatch(/^MN-\d{8}-[0-9A-F]{8}$/);
    expect(lot.title.startsWith('模拟竞价')).toBe(true);
    expect(lot.you?.bidderNumber).toMatch(/^\d{3}$/);
    expect(lot.participants).toBeUndefined();
    const opens = Date.parse(lot.schedule.opensAt);
    expect(Date.parse(lot.schedule.listingEnd!) - opens).toBe(90_000);
    expect(opens - Date.parse(lot.createdAt)).toBeGreaterThanOrEqual(10_000);
    expect(opens - Date.parse(lot.createdAt)).toBeLessThan(11_000);
    expect(lot.schedule).toMatchObject({ countdownSeconds: 60, warningSeconds: [30, 10] });
    expect(Date.parse(lot.expiresAt) - Date.parse(lot.createdAt)).toBe(24 * 3_600_000);
    // The per-lot clock: no region-wide setting changed, no parcel of the register used or changed.
    expect(await t.dataSource.query(`SELECT key, value FROM platform_setting ORDER BY key`)).toEqual(settingsBefore);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM lot_parcel WHERE lot_id = $1`, [lot.id])).toEqual([{ n: 0 }]);
    // No deposit was paid or booked, no sub-account issued.
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM application WHERE lot_id = $1 AND (sub_account IS NOT NULL OR status <> 'qualified')`, [lot.id])).toEqual([{ n: 0 }]);
    const [{ audit }] = (await t.dataSource.query(`SELECT count(*)::int AS audit FROM audit_event WHERE action = 'practice.start' AND entity_id = $1 AND actor_id = $2`, [lot.id, me.userId])) as Array<{ audit: number }>;
    expect(audit).toBe(1);
  });

  it('opens on its clock; the bidder, a spectator and an outsider join: the snapshot and every event say practice', async () => {
    await openPracticeNow(t, lot.id);
    mine = await connect(url, me.token);
    outsider = await connect(url, other.token);
    spectator = await connect(url);
    const joined = await mine.emit<{ ok: boolean; snapshot: Snapshot; you?: { bidderNumber: string } }>('lot:join', { lotId: lot.id });
    expect(joined).toMatchObject({ ok: true, snapshot: { phase: 'listing', practice: true, minimumNextPrice: '10000000.00' }, you: { bidderNumber: lot.you!.bidderNumber } });
    expect((await outsider.emit<{ you?: unknown }>('lot:join', { lotId: lot.id })).you).toBeUndefined();
    expect(await spectator.emit('lot:join', { lotId: lot.id })).toMatchObject({ ok: true, snapshot: { practice: true } });
    expect(new Date(joined.snapshot.deadline!).getTime() - new Date(joined.snapshot.serverTime).getTime()).toBeGreaterThan(85_000);
  });

  it('the simulated opponents quote on the board through the trading path (row lock, chain)', async () => {
    await simulatedTurn(t, lot.id);
    const quote = await spectator.waitFor((f) => f.event === 'bid:accepted');
    expect(quote.data).toMatchObject({ price: '10000000.00', practice: true, phase: 'listing' });
    expect(quote.data.bidderNumber).not.toBe(lot.you!.bidderNumber);
    await recordPublic();
    const ack = await mine.emit<Ack>('bid:place', { lotId: lot.id, clientBidId: 'me-1', price: '10200000.00' });
    expect(ack).toMatchObject({ ok: true });
    const own = await mine.waitFor((f) => f.event === 'bid:accepted' && f.data.seq === ack.seq);
    expect(own.data).toMatchObject({ own: true, practice: true });
  });

  it('nobody else can bid in it: another bidder is NOT_QUALIFIED, a spectator UNAUTHENTICATED', async () => {
    expect(await outsider.emit<Ack>('bid:place', { lotId: lot.id, clientBidId: 'x-1', price: '10400000.00' })).toMatchObject({ ok: false, code: 'NOT_QUALIFIED' });
    expect(await spectator.emit<Ack>('bid:place', { lotId: lot.id, clientBidId: 'x-2', price: '10400000.00' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM bid WHERE lot_id = $1 AND client_bid_id LIKE 'x-%'`, [lot.id])).toEqual([{ n: 0 }]);
  });

  it('the board ends into the timed round with the lot’s own 60 s countdown; the opponents bid in it until their private limits', async () => {
    await moveDeadline(t, lot.id, -1);
    await t.app.get(AuctionClock).runOnce();
    const round = await spectator.waitFor((f) => f.event === 'phase:changed' && f.data.to === 'timed_round');
    expect(round.data.practice).toBe(true);
    const s = await snapshot();
    expect(s.phase).toBe('timed_round');
    const left = new Date(s.deadline!).getTime() - new Date(s.serverTime).getTime();
    expect(left).toBeGreaterThan(55_000);
    expect(left).toBeLessThanOrEqual(60_000);
    const bidsBefore = (await t.dataSource.query(`SELECT count(*)::int AS n FROM bid WHERE lot_id = $1`, [lot.id])) as Array<{ n: number }>;
    await simulatedTurn(t, lot.id);
    const after = await snapshot();
    // The bidder led at 10 200 000: one opponent bids the lowest next price (every limit is at least 3 increments up).
    expect(after.leaderNumber).not.toBe(lot.you!.bidderNumber);
    expect(after.minimumNextPrice).toBe('10600000.00');
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM bid WHERE lot_id = $1`, [lot.id])).toEqual([{ n: bidsBefore[0]!.n + 1 }]);
    await recordPublic();
  });

  it('the bidder outbids every private limit; the opponents stop, the countdown runs out and the lot closes sold, marked practice', async () => {
    const [{ top }] = (await t.dataSource.query(`SELECT max(limit_price)::text AS top FROM simulated_bidder WHERE lot_id = $1`, [lot.id])) as Array<{ top: string }>;
    expect(Number(top) <= 13_000_000).toBe(true); // limits lie 3–15 increments above the start
    expect(await mine.emit<Ack>('bid:place', { lotId: lot.id, clientBidId: 'me-2', price: '13200000.00' })).toMatchObject({ ok: true });
    const count = async () => ((await t.dataSource.query(`SELECT count(*)::int AS n FROM bid WHERE lot_id = $1`, [lot.id])) as Array<{ n: number }>)[0]!.n;
    const before = await count();
    await simulatedTurn(t, lot.id);
    expect(await count()).toBe(before);
    await moveDeadline(t, lot.id, -1);
    await t.app.get(AuctionClock).runOnce();
    const closed = await spectator.waitFor((f) => f.event === 'lot:closed');
    expect(closed.data).toMatchObject({ outcome: 'sold', winnerNumber: lot.you!.bidderNumber, practice: true });
    const result = await t.http().get(`/api/public/lots/${lot.id}/result`).expect(200);
    expect(result.body).toMatchObject({ practice: true, outcome: 'sold', price: '13200000.00', landArea: '20000.00', unitPrice: '660.00', floorPrice: '264.00', premiumRate: '0.3200' });
    // Replayed events say practice like the live frames (outside the hashed payload: the chain still verifies).
    const replay = (await t.http().get(`/api/public/lots/${lot.id}/events`).expect(200)).body as { snapshot: Snapshot; events: Array<{ practice?: boolean }> };
    expect(replay.snapshot.practice).toBe(true);
    expect(replay.events.length).toBeGreaterThan(5);
    expect(replay.events.every((e) => e.practice === true)).toBe(true);
    const verify = await t.http().get(`/api/public/lots/${lot.id}/chain/verify`).expect(200);
    expect(verify.body).toMatchObject({ valid: true });
    // The driver notices the close and stops looking at the lot.
    await simulatedTurn(t, lot.id);
    expect(await t.dataSource.query(`SELECT done FROM simulated_lot WHERE lot_id = $1`, [lot.id])).toEqual([{ done: true }]);
    await recordPublic();
  });

  it('nothing of it reaches notices, announcements, statistics, reports, settlement, refunds, the journal, parcels or notifications', async () => {
    expect((await t.app.get(SettlementService).runOnce()).settled).not.toContain(lot.id);
    const [counts] = (await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM public_notice) AS notices, (SELECT count(*)::int FROM settlement) AS settlements, (SELECT count(*)::int FROM confirmation) AS confirmations,
              (SELECT count(*)::int FROM refund) AS refunds, (SELECT count(*)::int FROM journal_entry) AS journal, (SELECT count(*)::int FROM deposit_payment) AS deposits,
              (SELECT count(*)::int FROM notification) AS notifications`,
    )) as Array<Record<string, number>>;
    expect(counts).toEqual({ notices: 0, settlements: 0, confirmations: 0, refunds: 0, journal: 0, deposits: 0, notifications: 0 });
    expect((await t.http().get('/api/public/notices').expect(200)).body.total).toBe(0);
    expect((await t.http().get('/api/public/announcements').expect(200)).body.total).toBe(0);
    await t.http().get(`/api/public/lots/${lot.id}`).expect(404);
    const stats = await t.http().get('/api/public/statistics/land-sales').query({ period: 'year' }).expect(200);
    expect(stats.body.totals).toMatchObject({ offered: 0, sold: 0, revenue: '0.00' });
    const report = await t.http().get('/api/reports/land-sales').query({ period: 'year' }).set(bearer(finance)).expect(200);
    expect(report.body.rows).toEqual([]);
    expect((await t.http().get('/api/notifications/mine').set(bearer(me.token)).expect(200)).body.total).toBe(0);
    expect((await t.http().get('/api/applications/mine').set(bearer(me.token)).expect(200)).body).toEqual([]);
    expect(await t.dataSource.query(`SELECT id, state FROM parcel ORDER BY id`)).toEqual(parcelsBefore);
    // …while the bidder finds its rehearsal, closed, in its own list.
    const listed = (await t.http().get('/api/practice-lots/mine').set(bearer(me.token)).expect(200)).body as { items: PracticeView[] };
    expect(listed.items.map((i) => [i.id, i.phase])).toEqual([[lot.id, 'closed_sold']]);
  });

  it('a rehearsal nobody bid in closes unsold, marked practice, and is not settled either', async () => {
    const quiet = await startPractice(t, me.token, { method: 'auction' });
    await pauseSimulated(t, quiet.id);
    await openPracticeNow(t, quiet.id);
    await moveDeadline(t, quiet.id, -1);
    await t.app.get(AuctionClock).runOnce();
    expect((await t.http().get(`/api/public/lots/${quiet.id}/result`).expect(200)).body).toMatchObject({ practice: true, outcome: 'unsold', reason: 'NO_BIDS' });
    expect((await t.app.get(SettlementService).runOnce()).settled).toEqual([]);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM settlement`)).toEqual([{ n: 0 }]);
    expect((await t.http().get('/api/public/notices').expect(200)).body.total).toBe(0);
  });

  it('a spectator never saw an identity: no bidder name, username or credit code in any frame or public response', () => {
    const names = [me.name, other.name, me.username, other.username, me.creditCode, other.creditCode, '模拟竞买人', 'practice.sim'];
    const seen = [...spectator.frames.map((f) => JSON.stringify(f.data)), ...publicTexts];
    for (const text of seen) for (const n of names) expect({ n, leaked: text.includes(n) }).toEqual({ n, leaked: false });
  });
});
