import { AuctionClock } from '@app/bidding';
import { AUCTION_TERMS, bearer, LISTING_TERMS, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';
import { connect, listen, moveDeadline, openTradingNow, publishedLot, qualifiedBidders, type Client, type Seat } from '../support/trading';

type Frame = { event: string; data: Record<string, unknown> };
type Ack = { ok: boolean; code?: string; seq?: number; deadline?: string };

/**
 * The announcement's suspension (中止) reaching lots in trading (DOMAIN.md §3): the supervisor's
 * approval stops the lot in the engine as a freeze does — an event on its chain, bids refused
 * LOT_SUSPENDED, a clock that never closes it — and the announced resumption gives the lot back the
 * time it lost: the deadline moves by exactly the suspended time, by the database clock.
 */
describe('suspension and resumption of an announcement whose lot is trading', () => {
  let t: TestApp;
  let url: string;
  let s: SaleBuilder;
  const open: Client[] = [];
  const tick = () => t.app.get(AuctionClock).runOnce();

  async function tradingLot(terms: Record<string, unknown>, prefix: string): Promise<{ lotId: string; announcementId: string; seats: Seat[]; clients: Client[]; watcher: Client }> {
    const lotId = await publishedLot(t, s, terms);
    const seats = await qualifiedBidders(t, lotId, 3, prefix);
    await openTradingNow(t, lotId);
    const clients = await Promise.all(seats.map((seat) => connect(url, seat.token)));
    const watcher = await connect(url);
    for (const c of [...clients, watcher]) expect(await c.emit('lot:join', { lotId })).toMatchObject({ ok: true });
    open.push(...clients, watcher);
    const [{ announcement_id: announcementId }] = (await t.dataSource.query(`SELECT announcement_id FROM lot WHERE id = $1`, [lotId])) as Array<{ announcement_id: string }>;
    return { lotId, announcementId, seats, clients, watcher };
  }

  async function suspend(announcementId: string, reason = '法院协助执行通知'): Promise<void> {
    const req = await t.http().post(`/api/announcements/${announcementId}/suspension-requests`).set(bearer(s.tokens.trading)).send({ ground: 'court_or_discipline_request', reason }).expect(201);
    await t.http().post(`/api/approvals/${req.body.id}/decision`).set(bearer(s.tokens.supervisor)).send({ decision: 'approve', reason: '情况属实' }).expect(201);
  }

  /** Announces the resumption a few seconds ahead (the notice period is 0 days in this file). */
  async function announceResumption(announcementId: string): Promise<Date> {
    const [{ at }] = (await t.dataSource.query(`SELECT clock_timestamp() + interval '5 seconds' AS at`)) as Array<{ at: Date }>;
    await t.http().post(`/api/announcements/${announcementId}/resumption`).set(bearer(s.tokens.trading)).send({ resumesAt: at.toISOString(), reason: '情况已消除' }).expect(201);
    return at;
  }

  /** Time travel: the announced resumption is due now. */
  async function resumptionDueNow(lotId: string): Promise<void> {
    await t.dataSource.query(
      `UPDATE lot SET trading_state = jsonb_set(trading_state, '{suspended,resumesAt}', jsonb_build_object('$date', to_jsonb(clock_timestamp()))), due_at = clock_timestamp() WHERE id = $1`,
      [lotId],
    );
  }

  const phaseChange = (to: string) => (f: Frame) => f.event === 'phase:changed' && f.data.to === to;
  const snapshot = async (lotId: string) => (await t.http().get(`/api/public/lots/${lotId}/trading`).expect(200)).body as { phase: string; deadline: string; opensAt: string | null; seq: number };
  const stored = async (lotId: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM bid WHERE lot_id = $1`, [lotId]))[0].n as number;

  beforeAll(async () => {
    t = await createTestApp();
    url = await listen(t);
    s = await new SaleBuilder(t).init('suspension');
    const admin = await t.tokenFor(['admin'], 'suspension.admin');
    await t.http().put('/api/settings/listing.resumptionNoticeDays').set(bearer(admin)).send({ value: 0, reason: '测试：恢复公告当日生效' }).expect(200);
  });
  afterAll(async () => {
    open.forEach((c) => c.close());
    await t.close();
  });

  it('suspending a listing stops it on its chain, refuses every bid, and the resumption adds exactly the suspended time to the deadline', async () => {
    const { lotId, announcementId, clients, watcher } = await tradingLot({ ...LISTING_TERMS, hasReserve: false, reserveRoundingUnit: undefined }, 'sus-listing');
    expect(await clients[0].emit('bid:place', { lotId, clientBidId: 'q1', price: '10000000.00' })).toMatchObject({ ok: true });
    const deadlineBefore = new Date((await snapshot(lotId)).deadline);

    await suspend(announcementId);
    const suspended = await watcher.waitFor(phaseChange('suspended'));
    expect(suspended.data).toMatchObject({ from: 'listing', to: 'suspended', reason: '法院协助执行通知', deadline: deadlineBefore.toISOString() });
    expect((await snapshot(lotId)).phase).toBe('suspended');
    const bidsBefore = await stored(lotId);
    expect(await clients[1].emit('bid:place', { lotId, clientBidId: 'q2', price: '10100000.00' })).toMatchObject({ ok: false, code: 'LOT_SUSPENDED' });
    const freeze = await t.http().post(`/api/lots/${lotId}/trading/freeze`).set(bearer(s.tokens.supervisor)).send({ reason: '系统维护' }).expect(400);
    expect(freeze.body.code).toBe('LOT_SUSPENDED');
    await tick();
    expect((await snapshot(lotId)).phase).toBe('suspended');

    // Announced: the lot stays suspended until the announced time, which the snapshot shows.
    const resumesAt = await announceResumption(announcementId);
    const waiting = await snapshot(lotId);
    expect(waiting).toMatchObject({ phase: 'suspended', opensAt: resumesAt.toISOString() });
    expect(await clients[1].emit('bid:place', { lotId, clientBidId: 'q3', price: '10100000.00' })).toMatchObject({ ok: false, code: 'LOT_SUSPENDED' });
    await tick();
    expect((await snapshot(lotId)).phase).toBe('suspended');
    expect(await stored(lotId)).toBe(bidsBefore);

    await resumptionDueNow(lotId);
    await tick();
    const resumed = await watcher.waitFor(phaseChange('listing'));
    const extended = await watcher.waitFor((f) => f.event === 'deadline:extended');
    const suspendedMs = new Date(String(resumed.data.at)).getTime() - new Date(String(suspended.data.at)).getTime();
    expect(extended.data).toMatchObject({ previous: deadlineBefore.toISOString(), frozenMs: suspendedMs });
    expect(new Date(String(extended.data.deadline)).getTime() - deadlineBefore.getTime()).toBe(suspendedMs);
    expect(resumed.data.deadline).toBe(extended.data.deadline);
    expect(Number(extended.data.seq)).toBe(Number(resumed.data.seq) + 1);

    const after = await clients[1].emit<Ack>('bid:place', { lotId, clientBidId: 'q4', price: '10100000.00' });
    expect(after).toMatchObject({ ok: true, deadline: extended.data.deadline });
    expect((await t.http().get(`/api/public/lots/${lotId}/chain/verify`).expect(200)).body.valid).toBe(true);
    const trail = (await t.dataSource.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`, [lotId])) as Array<{ action: string }>;
    expect(trail.map((a) => a.action)).toEqual(expect.arrayContaining(['lot.suspend', 'lot.schedule_resumption', 'lot.resume_from_suspension']));
  });

  it('a deadline that passes during the suspension does not close the lot; after the resumption the auction keeps its remaining time and closes normally', async () => {
    const { lotId, announcementId, clients, watcher, seats } = await tradingLot({ ...AUCTION_TERMS, countdownSeconds: 600 }, 'sus-auction');
    expect(await clients[0].emit('bid:place', { lotId, clientBidId: 'a1', price: '9800000.00' })).toMatchObject({ ok: true });
    await suspend(announcementId);
    await watcher.waitFor(phaseChange('suspended'));
    // Time travel: suspended ten minutes ago with one minute left, so the deadline lies nine minutes behind.
    await t.dataSource.query(
      `UPDATE lot SET trading_state = jsonb_set(jsonb_set(trading_state, '{suspended,at}', jsonb_build_object('$date', to_jsonb(clock_timestamp() - interval '10 minutes'))),
                                                '{deadline}', jsonb_build_object('$date', to_jsonb(clock_timestamp() - interval '9 minutes'))),
                      deadline = clock_timestamp() - interval '9 minutes', due_at = clock_timestamp() - interval '9 minutes' WHERE id = $1`,
      [lotId],
    );
    await tick();
    expect((await snapshot(lotId)).phase).toBe('suspended');
    expect(watcher.frames.filter((f) => f.event === 'lot:closed')).toEqual([]);
    expect(await t.dataSource.query(`SELECT 1 FROM result WHERE lot_id = $1`, [lotId])).toEqual([]);
    const [{ state }] = (await t.dataSource.query(`SELECT trading_state AS state FROM lot WHERE id = $1`, [lotId])) as Array<{ state: { suspended: { at: { $date: string } }; deadline: { $date: string } } }>;

    await announceResumption(announcementId);
    await resumptionDueNow(lotId);
    await tick();
    const resumed = await watcher.waitFor(phaseChange('auction_round'));
    const extended = await watcher.waitFor((f) => f.event === 'deadline:extended');
    const resumedAt = new Date(String(resumed.data.at)).getTime();
    expect(extended.data.frozenMs).toBe(resumedAt - new Date(state.suspended.at.$date).getTime());
    // one minute left, as when the suspension began
    expect(new Date(String(extended.data.deadline)).getTime() - resumedAt).toBe(new Date(state.deadline.$date).getTime() - new Date(state.suspended.at.$date).getTime());

    expect(await clients[1].emit('bid:place', { lotId, clientBidId: 'a2', price: '9850000.00' })).toMatchObject({ ok: true });
    await moveDeadline(t, lotId, -1);
    await tick();
    const closed = await watcher.waitFor((f) => f.event === 'lot:closed');
    expect(closed.data).toMatchObject({ outcome: 'sold', price: '9850000.00', winnerNumber: seats[1].bidderNumber });
    expect((await t.http().get(`/api/public/lots/${lotId}/chain/verify`).expect(200)).body.valid).toBe(true);
  });

  it('a lot suspended in its last seconds, with the close already due, closes first and the suspension leaves it closed', async () => {
    const { lotId, announcementId, clients, watcher } = await tradingLot({ ...AUCTION_TERMS, countdownSeconds: 600 }, 'sus-due');
    expect(await clients[0].emit('bid:place', { lotId, clientBidId: 'd1', price: '9800000.00' })).toMatchObject({ ok: true });
    await moveDeadline(t, lotId, -1);
    await suspend(announcementId);
    const closed = await watcher.waitFor((f) => f.event === 'lot:closed');
    expect(closed.data).toMatchObject({ outcome: 'sold', price: '9800000.00' });
    expect(watcher.frames.filter(phaseChange('suspended'))).toEqual([]);
    expect((await snapshot(lotId)).phase).toBe('closed_sold');
  });

  it('sealed bids of a tender are refused while it is suspended', async () => {
    const { lotId, announcementId, clients, watcher } = await tradingLot(
      { method: 'tender', startPrice: '10000000.00', deposit: '2000000.00', priceUnit: 'total', hasReserve: false, evaluation: { method: 'highest_price' }, eligibility: { jointBidsAllowed: false, review: 'post_review', exclusions: '' } },
      'sus-tender',
    );
    await suspend(announcementId);
    expect((await watcher.waitFor(phaseChange('suspended'))).data.from).toBe('sealed_bidding');
    expect(await clients[0].emit('bid:sealed', { lotId, price: '10350000.00' })).toMatchObject({ ok: false, code: 'LOT_SUSPENDED' });
    expect(await t.dataSource.query(`SELECT 1 FROM sealed_value WHERE lot_id = $1`, [lotId])).toEqual([]);
  });

  it('a lot not yet trading is suspended and resumed by the announcement as before: no chain, back at once', async () => {
    const lotId = await publishedLot(t, s, { ...AUCTION_TERMS });
    const [{ announcement_id: announcementId }] = (await t.dataSource.query(`SELECT announcement_id FROM lot WHERE id = $1`, [lotId])) as Array<{ announcement_id: string }>;
    await suspend(announcementId);
    expect((await t.dataSource.query(`SELECT phase, phase_before_suspension, seq::int AS seq FROM lot WHERE id = $1`, [lotId]))[0]).toEqual({ phase: 'suspended', phase_before_suspension: 'published', seq: 0 });
    await announceResumption(announcementId);
    expect((await t.dataSource.query(`SELECT phase, seq::int AS seq FROM lot WHERE id = $1`, [lotId]))[0]).toEqual({ phase: 'published', seq: 0 });
  });
});
