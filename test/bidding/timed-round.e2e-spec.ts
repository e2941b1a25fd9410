import { LISTING_TERMS, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';
import {
  connect,
  listen,
  moveDeadline,
  openTradingNow,
  publishedLot,
  qualifiedBidders,
  sharedRoomsEnv,
  spawnInstance,
  type ChildInstance,
  type Client,
  type Seat,
} from '../support/trading';

type Ack = { ok: boolean; seq: number; deadline: string; code?: string };

/**
 * The listing's timed final round (限时竞价) across two instances, one of them a separate process:
 * a client that drops out and rejoins with `lastSeq` gets exactly what it missed, and when the other
 * instance is killed with SIGKILL the surviving one closes the lot on time without losing an
 * acknowledged bid.
 */
describe('timed final round: reconnect and a killed instance', () => {
  const env = { ...sharedRoomsEnv(), CLOCK_INTERVAL_MS: '50' };
  let t: TestApp;
  let child: ChildInstance;
  let lotId: string;
  let seats: Seat[];
  let onA: Client[];
  let onB: Client;
  let spectator: Client;
  let urlA: string;

  beforeAll(async () => {
    t = await createTestApp(env);
    urlA = await listen(t);
    child = await spawnInstance(t, env);
    const s = await new SaleBuilder(t).init('timed');
    lotId = await publishedLot(t, s, {
      ...LISTING_TERMS,
      hasReserve: false,
      reserveRoundingUnit: undefined,
      timedFinalRound: { enabled: true, entry: 'all_qualified', startAt: 'listing_high', preparationGapMinutes: 0, countdownSeconds: 20, warningSeconds: [10] },
    });
    seats = await qualifiedBidders(t, lotId, 3, 'timed');
    await openTradingNow(t, lotId);
    onA = [await connect(urlA, seats[0].token), await connect(urlA, seats[1].token)];
    onB = await connect(child.url, seats[2].token);
    spectator = await connect(urlA);
    for (const c of [...onA, onB, spectator]) expect(await c.emit('lot:join', { lotId })).toMatchObject({ ok: true });
    // Two quotes on the listing board, then the listing ends: the timed round starts at once (no gap).
    expect(await onA[0].emit('bid:place', { lotId, clientBidId: 'q1', price: '10000000.00' })).toMatchObject({ ok: true });
    expect(await onB.emit('bid:place', { lotId, clientBidId: 'q2', price: '10100000.00' })).toMatchObject({ ok: true });
    await moveDeadline(t, lotId, -1);
    await spectator.waitFor((f) => f.event === 'phase:changed' && f.data.to === 'timed_round');
  }, 60_000);

  afterAll(async () => {
    [...(onA ?? []), onB, spectator].forEach((c) => c?.close());
    await child?.kill('SIGTERM');
    await t.close();
  });

  it('a client that disconnects during the timed round and rejoins with lastSeq receives exactly the events it missed', async () => {
    const dropped = onA[1];
    const lastSeq = Math.max(...dropped.frames.map((f) => Number(f.data.seq ?? 0)));
    dropped.close();
    // While it is away: two bids, one through each instance.
    const first = await onA[0].emit<Ack>('bid:place', { lotId, clientBidId: 't1', price: '10200000.00' });
    const second = await onB.emit<Ack>('bid:place', { lotId, clientBidId: 't2', price: '10300000.00' });
    expect([first.ok, second.ok]).toEqual([true, true]);
    const back = await connect(urlA, seats[1].token);
    onA[1] = back;
    const joined = await back.emit<{ ok: boolean; snapshot: { seq: number; phase: string }; events: Array<{ seq: number; type: string; hash: string }> }>('lot:join', { lotId, lastSeq });
    expect(joined.snapshot.phase).toBe('timed_round');
    const missed = (await t.dataSource.query(`SELECT seq, type, hash FROM lot_event WHERE lot_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq`, [lotId, lastSeq, joined.snapshot.seq])) as Array<{ seq: string; type: string; hash: string }>;
    expect(joined.events.map((e) => ({ seq: e.seq, type: e.type, hash: e.hash }))).toEqual(missed.map((m) => ({ seq: Number(m.seq), type: m.type, hash: m.hash })));
    expect(joined.events.map((e) => e.seq)).toEqual(expect.arrayContaining([first.seq, second.seq]));
    expect(joined.events[0].seq).toBe(lastSeq + 1);
  });

  it('an instance killed with SIGKILL during the timed round: the other closes the lot on time and no acknowledged bid is lost', async () => {
    expect(await onA[0].emit<Ack>('bid:place', { lotId, clientBidId: 't3', price: '10400000.00' })).toMatchObject({ ok: true });
    const last = await onB.emit<Ack>('bid:place', { lotId, clientBidId: 't4', price: '10500000.00' });
    expect(last.ok).toBe(true);
    await child.kill('SIGKILL');
    const closed = await spectator.waitFor((f) => f.event === 'lot:closed', 30_000);
    expect(closed.data).toMatchObject({ outcome: 'sold', price: '10500000.00', winnerNumber: seats[2].bidderNumber });
    const [result] = (await t.dataSource.query(`SELECT closed_at, price::text AS price FROM result WHERE lot_id = $1`, [lotId])) as Array<{ closed_at: Date; price: string }>;
    const lateBy = new Date(result.closed_at).getTime() - new Date(last.deadline).getTime();
    expect(lateBy).toBeGreaterThan(0);
    // The clock looks every 50 ms; the bound leaves room for a loaded machine.
    expect(lateBy).toBeLessThan(2500);
    const [bid] = (await t.dataSource.query(`SELECT seq, price::text AS price FROM bid WHERE lot_id = $1 AND client_bid_id = 't4'`, [lotId])) as Array<{ seq: string; price: string }>;
    expect(bid).toEqual({ seq: String(last.seq), price: '10500000.00' });
    expect((await t.http().get(`/api/public/lots/${lotId}/chain/verify`).expect(200)).body.valid).toBe(true);
  });
});
