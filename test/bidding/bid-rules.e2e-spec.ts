import { randomUUID } from 'node:crypto';
import { PARCEL_B } from '../support/fixtures';
import { AUCTION_TERMS, bearer, mondayAfter, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';
import { connect, listen, moveDeadline, openTradingNow, publishedLot, qualifiedBidders, type Client, type Seat } from '../support/trading';

/**
 * Placing a bid over the socket (DESIGN.md §4–§5): the database clock judges the deadline, retries
 * get the first answer, malformed payloads are refused with a code naming the field and change nothing,
 * and a bidder is rate limited.
 */
describe('placing bids over /auction', () => {
  let t: TestApp;
  let url: string;
  let lotId: string;
  let seats: Seat[];
  let clients: Client[];
  let s: SaleBuilder;

  const state = async () => {
    const [lot] = (await t.dataSource.query(`SELECT seq, current_price::text AS price FROM lot WHERE id = $1`, [lotId])) as Array<{ seq: string; price: string | null }>;
    const [{ bids }] = (await t.dataSource.query(`SELECT count(*)::int AS bids FROM bid WHERE lot_id = $1`, [lotId])) as Array<{ bids: number }>;
    const [{ refusals }] = (await t.dataSource.query(`SELECT count(*)::int AS refusals FROM bid_rejection WHERE lot_id = $1`, [lotId])) as Array<{ refusals: number }>;
    return { seq: lot.seq, price: lot.price, bids, refusals };
  };

  beforeAll(async () => {
    t = await createTestApp({ BID_RATE_PER_SECOND: '1', BID_BURST: '40' });
    url = await listen(t);
    s = await new SaleBuilder(t).init('rules');
    lotId = await publishedLot(t, s, { ...AUCTION_TERMS, countdownSeconds: 600, minBidders: 1 });
    seats = await qualifiedBidders(t, lotId, 3, 'rules');
    await openTradingNow(t, lotId);
    clients = await Promise.all(seats.map((seat) => connect(url, seat.token)));
    for (const c of clients) {
      const joined = await c.emit<{ ok: boolean }>('lot:join', { lotId });
      expect(joined.ok).toBe(true);
    }
  });
  afterAll(async () => {
    clients?.forEach((c) => c.close());
    await t.close();
  });

  it('the auction opened by the clock at its start, with the first event in the chain', async () => {
    const snap = await t.http().get(`/api/public/lots/${lotId}/trading`).expect(200);
    expect(snap.body.phase).toBe('auction_round');
    expect(snap.body.seq).toBe(1);
    expect(snap.body.minimumNextPrice).toBe('9800000.00');
  });

  it('an accepted bid is acknowledged with its seq, price and deadline only after it is stored', async () => {
    const ack = await clients[0].emit<{ ok: boolean; seq: number; price: string; deadline: string }>('bid:place', { lotId, clientBidId: 'r-1', price: '9800000.00' });
    expect(ack).toMatchObject({ ok: true, seq: 2, price: '9800000.00' });
    const [row] = (await t.dataSource.query(`SELECT seq, price::text AS price, bidder_number FROM bid WHERE lot_id = $1 AND client_bid_id = 'r-1'`, [lotId])) as Array<{ seq: string; price: string; bidder_number: string }>;
    expect(row).toEqual({ seq: '2', price: '9800000.00', bidder_number: seats[0].bidderNumber });
    expect(new Date(ack.deadline).getTime()).toBeGreaterThan(Date.now() + 500_000);
  });

  it('a retried client bid id is answered with the first result and placed only once', async () => {
    const before = await state();
    const again = await clients[0].emit<{ ok: boolean; seq: number; duplicate?: boolean }>('bid:place', { lotId, clientBidId: 'r-1', price: '9800000.00' });
    expect(again).toMatchObject({ ok: true, seq: 2, duplicate: true });
    const refusedFirst = await clients[1].emit<{ ok: boolean; code: string }>('bid:place', { lotId, clientBidId: 'low-1', price: '9800000.00' });
    expect(refusedFirst).toMatchObject({ ok: false, code: 'PRICE_TOO_LOW' });
    const refusedAgain = await clients[1].emit<{ ok: boolean; code: string }>('bid:place', { lotId, clientBidId: 'low-1', price: '9900000.00' });
    expect(refusedAgain).toMatchObject({ ok: false, code: 'PRICE_TOO_LOW' });
    const after = await state();
    expect(after).toEqual({ ...before, refusals: before.refusals + 1 });
  });

  it('the increment policy and the maximum jump are enforced with their codes', async () => {
    expect(await clients[1].emit('bid:place', { lotId, clientBidId: 'odd-1', price: '9875000.00' })).toMatchObject({ ok: false, code: 'NOT_MULTIPLE_OF_INCREMENT' });
    expect(await clients[1].emit('bid:place', { lotId, clientBidId: 'jump-1', price: '10150000.00' })).toMatchObject({ ok: false, code: 'JUMP_TOO_LARGE' });
    expect(await clients[0].emit('bid:place', { lotId, clientBidId: 'lead-1', price: '9900000.00' })).toMatchObject({ ok: false, code: 'ALREADY_LEADING' });
  });

  it('malformed bid:place payloads are refused with a code naming the field, and nothing changes', async () => {
    const before = await state();
    const cases: Array<[unknown, string, string]> = [
      [{ lotId, clientBidId: 'm-1', price: 9900000 }, 'INVALID_PRICE', 'price'],
      [{ lotId, clientBidId: 'm-2', price: '9.9e6' }, 'INVALID_PRICE', 'price'],
      [{ lotId, clientBidId: 'm-3', price: '1e21' }, 'INVALID_PRICE', 'price'],
      [{ lotId, clientBidId: 'm-4', price: 'NaN' }, 'INVALID_PRICE', 'price'],
      [{ lotId, clientBidId: 'm-5', price: '-9900000.00' }, 'INVALID_PRICE', 'price'],
      [{ lotId, clientBidId: 'm-6', price: '9900000.005' }, 'INVALID_PRICE', 'price'],
      [{ lotId, clientBidId: 'm-7', price: '9'.repeat(100_000) }, 'INVALID_PRICE', 'price'],
      [{ lotId, clientBidId: 'm-8', price: '0.00' }, 'INVALID_PRICE', 'price'],
      [{ lotId, clientBidId: 'm-9' }, 'INVALID_PRICE', 'price'],
      [{ lotId, price: '9900000.00' }, 'INVALID_CLIENT_BID_ID', 'clientBidId'],
      [{ lotId, clientBidId: 'x'.repeat(65), price: '9900000.00' }, 'INVALID_CLIENT_BID_ID', 'clientBidId'],
      [{ clientBidId: 'm-10', price: '9900000.00' }, 'INVALID_LOT_ID', 'lotId'],
      [{ lotId: 'not-a-lot', clientBidId: 'm-11', price: '9900000.00' }, 'INVALID_LOT_ID', 'lotId'],
      [{ lotId, clientBidId: 'm-12', price: '9900000.00', bidderNumber: '001' }, 'INVALID_PAYLOAD', 'bidderNumber'],
      ['9900000.00', 'INVALID_PAYLOAD', 'payload'],
      [null, 'INVALID_PAYLOAD', 'payload'],
      [[lotId, 'm-13', '9900000.00'], 'INVALID_PAYLOAD', 'payload'],
    ];
    for (const [payload, code, field] of cases) {
      const ack = await clients[1].emit<{ ok: boolean; code: string; field: string; message: string }>('bid:place', payload);
      expect({ payload: JSON.stringify(payload).slice(0, 60), ack: { ok: ack.ok, code: ack.code, field: ack.field } }).toEqual({ payload: JSON.stringify(payload).slice(0, 60), ack: { ok: false, code, field } });
      expect(ack.message.length).toBeGreaterThan(5);
    }
    expect(await state()).toEqual(before);
  });

  it('a spectator without a token cannot bid, and a bidder not qualified for the lot is refused', async () => {
    const spectator = await connect(url);
    expect(await spectator.emit('bid:place', { lotId, clientBidId: 's-1', price: '9900000.00' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    spectator.close();
    const other = await t.tokenFor(['bidder']);
    const stranger = await connect(url, other);
    expect(await stranger.emit('bid:place', { lotId, clientBidId: 's-2', price: '9900000.00' })).toMatchObject({ ok: false, code: 'NOT_QUALIFIED' });
    stranger.close();
  });

  it('an unknown or draft lot answers LOT_NOT_FOUND to every bidding message, whoever probes it, as lot:join does', async () => {
    const parcelId = await s.readyParcel(PARCEL_B, `SG2026-DRAFT-${process.pid % 1000}`);
    const a = await t.http().post('/api/announcements').set(bearer(s.tokens.trading)).send({ number: `寿自然资告字〔2026〕D${process.pid % 1000}号`, title: '草稿公告', body: '正文' }).expect(201);
    const draft = await t
      .http()
      .post(`/api/announcements/${a.body.id}/lots`)
      .set(bearer(s.tokens.trading))
      .send({ lotNumber: `D${process.pid % 1000}-1`, title: '草稿地块', parcelIds: [parcelId], terms: AUCTION_TERMS, schedule: await s.auctionSchedule(mondayAfter(30)) })
      .expect(201);
    const spectator = await connect(url);
    const stranger = await connect(url, await t.tokenFor(['bidder']));
    const callers = [spectator, stranger, clients[0]];
    for (const lot of [randomUUID(), draft.body.id as string]) {
      const messages: Array<[string, Record<string, unknown>]> = [
        ['bid:place', { lotId: lot, clientBidId: 'p-1', price: '9900000.00' }],
        ['bid:area', { lotId: lot, clientBidId: 'p-2', area: '1000.00' }],
        ['bid:share', { lotId: lot, clientBidId: 'p-3', share: '0.1500' }],
        ['bid:opt-in', { lotId: lot }],
        ['bid:sealed', { lotId: lot, price: '9900000.00' }],
        ['lot:join', { lotId: lot }],
      ];
      for (const caller of callers) {
        for (const [event, payload] of messages) {
          const ack = await caller.emit<{ ok: boolean; code: string }>(event, payload);
          expect({ event, ack: { ok: ack.ok, code: ack.code } }).toEqual({ event, ack: { ok: false, code: 'LOT_NOT_FOUND' } });
        }
      }
    }
    // and on a real lot the spectator is still told it cannot bid
    expect(await spectator.emit('bid:place', { lotId, clientBidId: 's-3', price: '9900000.00' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    spectator.close();
    stranger.close();
  });

  it('a bad token is refused at the handshake', async () => {
    await expect(connect(url, 'not-a-token')).rejects.toThrow(/UNAUTHORIZED/);
  });

  it('a bid that reaches the server 1 ms after the deadline is rejected, judged by the database clock', async () => {
    await moveDeadline(t, lotId, -1);
    const before = await state();
    const ack = await clients[1].emit('bid:place', { lotId, clientBidId: 'late-1', price: '9900000.00' });
    expect(ack).toMatchObject({ ok: false, code: 'PHASE_CLOSED' });
    expect((await state()).bids).toBe(before.bids);
    // and just before the deadline the same bid is accepted
    await moveDeadline(t, lotId, 60_000);
    expect(await clients[1].emit('bid:place', { lotId, clientBidId: 'late-2', price: '9900000.00' })).toMatchObject({ ok: true });
  });

  it('a bidder sending faster than its rate limit is told RATE_LIMITED, and no limited bid is stored', async () => {
    const sent = await Promise.all(Array.from({ length: 60 }, (_, i) => clients[2].emit<{ ok: boolean; code?: string }>('bid:place', { lotId, clientBidId: `burst-${i}`, price: '9800000.00' })));
    const limited = sent.filter((a) => a.code === 'RATE_LIMITED').length;
    expect(limited).toBeGreaterThan(10);
    const [{ n }] = (await t.dataSource.query(`SELECT count(*)::int AS n FROM bid_rejection WHERE lot_id = $1 AND client_bid_id LIKE 'burst-%'`, [lotId])) as Array<{ n: number }>;
    expect(n).toBe(60 - limited);
  });
});
