import { verifyLotteryDraw } from '@app/bidding/domain/cap-modes';
import { AuctionClock } from '@app/bidding';
import { AUCTION_TERMS, bearer, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';
import { connect, listen, moveDeadline, openingNow, openTradingNow, publishedLot, qualifiedBidders, type Client, type Seat } from '../support/trading';

/**
 * The service paths behind the engine's special rules, over the socket and the clock: a tender's sealed
 * bids stay unreadable until the opening, a lottery at the price cap commits its seed first and draws
 * a recomputable winner, and staff freeze and resume with the frozen time added.
 */
describe('tender, lottery at the cap, freeze', () => {
  let t: TestApp;
  let url: string;
  let s: SaleBuilder;
  const open: Client[] = [];
  const tick = () => t.app.get(AuctionClock).runOnce();

  async function lotWith(terms: Record<string, unknown>, prefix: string): Promise<{ lotId: string; seats: Seat[]; clients: Client[]; watcher: Client }> {
    const lotId = await publishedLot(t, s, terms);
    const seats = await qualifiedBidders(t, lotId, 3, prefix);
    await openTradingNow(t, lotId);
    const clients = await Promise.all(seats.map((seat) => connect(url, seat.token)));
    const watcher = await connect(url);
    for (const c of [...clients, watcher]) expect(await c.emit('lot:join', { lotId })).toMatchObject({ ok: true });
    open.push(...clients, watcher);
    return { lotId, seats, clients, watcher };
  }

  beforeAll(async () => {
    t = await createTestApp();
    url = await listen(t);
    s = await new SaleBuilder(t).init('special');
  });
  afterAll(async () => {
    open.forEach((c) => c.close());
    await t.close();
  });

  it('a tender keeps sealed prices unreadable until the public opening, then awards the highest', async () => {
    const { lotId, seats, clients, watcher } = await lotWith(
      { method: 'tender', startPrice: '10000000.00', deposit: '2000000.00', priceUnit: 'total', hasReserve: false, evaluation: { method: 'highest_price' }, eligibility: { jointBidsAllowed: false, review: 'post_review', exclusions: '' } },
      'tender',
    );
    const prices = ['10350000.00', '10780000.00', '10510000.00'];
    const acks = [];
    for (const [i, c] of clients.entries()) acks.push(await c.emit<{ ok: boolean; commitment: string }>('bid:sealed', { lotId, price: prices[i] }));
    expect(acks.every((a) => a.ok && /^[0-9a-f]{64}$/.test(a.commitment))).toBe(true);
    expect(await clients[0].emit('bid:sealed', { lotId, price: '10400000.00' })).toMatchObject({ ok: false, code: 'ALREADY_SUBMITTED' });
    // At rest and on the wire, before the opening, no price can be read.
    const rest = JSON.stringify(await t.dataSource.query(`SELECT * FROM sealed_value WHERE lot_id = $1`, [lotId])) + JSON.stringify(await t.dataSource.query(`SELECT * FROM lot_event WHERE lot_id = $1`, [lotId]));
    const wire = JSON.stringify(watcher.frames) + (await t.http().get(`/api/public/lots/${lotId}/chain`)).text;
    for (const p of prices) {
      expect(rest).not.toContain(p);
      expect(wire).not.toContain(p);
      expect(rest).not.toContain(p.replace('.00', ''));
    }
    await moveDeadline(t, lotId, -1);
    await tick();
    expect((await t.http().get(`/api/public/lots/${lotId}/trading`).expect(200)).body.phase).toBe('opening');
    await openingNow(t, lotId);
    await tick();
    const opened = await watcher.waitFor((f) => f.event === 'sealed:opened');
    expect((opened.data.bids as Array<{ price: string }>).map((b) => b.price).sort()).toEqual([...prices].sort());
    const closed = await watcher.waitFor((f) => f.event === 'lot:closed');
    expect(closed.data).toMatchObject({ outcome: 'sold', price: '10780000.00', winnerNumber: seats[1].bidderNumber });
  });

  it('a lottery at the price cap publishes its seed commitment first and draws a winner anyone can recompute', async () => {
    const { lotId, clients, watcher, seats } = await lotWith({ ...AUCTION_TERMS, priceCap: '9900000.00', capRule: { mode: 'lottery', optInWindowMinutes: 10 } }, 'lottery');
    expect(await clients[0].emit('bid:place', { lotId, clientBidId: 'c1', price: '9850000.00' })).toMatchObject({ ok: true });
    expect(await clients[1].emit('bid:place', { lotId, clientBidId: 'c2', price: '9900000.00' })).toMatchObject({ ok: true });
    const committed = await watcher.waitFor((f) => f.event === 'lottery:committed');
    const reached = watcher.frames.find((f) => f.event === 'cap:reached')!;
    expect(Number(committed.data.seq)).toBeGreaterThan(Number(reached.data.seq));
    expect(await clients[0].emit('bid:opt-in', { lotId })).toMatchObject({ ok: true });
    expect(await clients[2].emit('bid:opt-in', { lotId })).toMatchObject({ ok: true });
    // whoever bid the cap accepted it and is an entrant already
    expect(await clients[1].emit('bid:opt-in', { lotId })).toMatchObject({ ok: false, code: 'ALREADY_ENTERED' });
    await moveDeadline(t, lotId, -1);
    await tick();
    const drawn = await watcher.waitFor((f) => f.event === 'lottery:drawn');
    const d = drawn.data as { seedHex: string; commitment: string; entrants: string[]; index: number; winnerNumber: string };
    expect(d.commitment).toBe(committed.data.commitment);
    expect(verifyLotteryDraw(d.commitment, d.seedHex, d.entrants, d.index)).toBe(true);
    expect(d.entrants).toEqual(seats.map((x) => x.bidderNumber).sort());
    const closed = await watcher.waitFor((f) => f.event === 'lot:closed');
    expect(closed.data).toMatchObject({ outcome: 'sold', price: '9900000.00', winnerNumber: d.winnerNumber });
  });

  it('a supervisor freezes a lot in its last hour (bids refused), and on resume the frozen time is added to the deadline', async () => {
    const { lotId, clients, watcher } = await lotWith({ ...AUCTION_TERMS, countdownSeconds: 600 }, 'freeze');
    const bid = await clients[0].emit<{ ok: boolean; deadline: string }>('bid:place', { lotId, clientBidId: 'f1', price: '9800000.00' });
    await t.http().post(`/api/lots/${lotId}/trading/freeze`).set(bearer(s.tokens.trading)).send({}).expect(400);
    // within the last hour before the deadline only a supervisor may freeze
    const refused = await t.http().post(`/api/lots/${lotId}/trading/freeze`).set(bearer(s.tokens.trading)).send({ reason: '网络故障，暂停竞价' }).expect(400);
    expect(refused.body.code).toBe('SUPERVISOR_APPROVAL_REQUIRED');
    await t.http().post(`/api/lots/${lotId}/trading/freeze`).set(bearer(s.tokens.supervisor)).send({ reason: '网络故障，暂停竞价' }).expect(201);
    expect(await clients[1].emit('bid:place', { lotId, clientBidId: 'f2', price: '9850000.00' })).toMatchObject({ ok: false, code: 'LOT_FROZEN' });
    await t.dataSource.query(`UPDATE lot SET trading_state = jsonb_set(trading_state, '{frozen,at}', jsonb_build_object('$date', to_jsonb(clock_timestamp() - interval '2 minutes'))) WHERE id = $1`, [lotId]);
    await t.http().post(`/api/lots/${lotId}/trading/resume`).set(bearer(s.tokens.supervisor)).send({}).expect(201);
    const extended = await watcher.waitFor((f) => f.event === 'deadline:extended');
    const moved = new Date(String(extended.data.deadline)).getTime() - new Date(bid.deadline).getTime();
    expect(moved).toBeGreaterThanOrEqual(120_000);
    expect(moved).toBeLessThan(125_000);
    expect(await clients[1].emit('bid:place', { lotId, clientBidId: 'f3', price: '9850000.00' })).toMatchObject({ ok: true });
    const audit = await t.http().get('/api/audit').query({ entityId: lotId }).set(bearer(s.tokens.supervisor)).expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['lot.freeze', 'lot.resume']));
  });
});
