import { verifyChain } from '@app/bidding/domain/hash-chain';
import { AUCTION_TERMS, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';
import { connect, listen, moveDeadline, openTradingNow, publishedLot, qualifiedBidders, sharedRoomsEnv, type Client, type Seat } from '../support/trading';

type Ack = { ok: true; seq: number; price: string; deadline: string; duplicate?: boolean } | { ok: false; code: string; message: string };

/**
 * DESIGN.md §4 under contention: 100 bidders race on one lot through two API instances sharing one
 * database (rooms shared by the Redis adapter when REDIS_URL is set, else the PostgreSQL adapter),
 * with valid, low, duplicate and retried bids, while both instances run the auction clock.
 */
describe('100 bidders racing on one lot through two instances', () => {
  const env = { ...sharedRoomsEnv(), CLOCK_INTERVAL_MS: '50' };
  let a: TestApp;
  let b: TestApp;
  let lotId: string;
  let seats: Seat[];
  let bidders: Client[];
  let spectators: Client[];
  const acks: Array<{ bidder: number; clientBidId: string; price: string; ack: Ack }> = [];

  beforeAll(async () => {
    a = await createTestApp(env);
    b = await createTestApp(env, { sameDatabaseAs: a });
    const [urlA, urlB] = [await listen(a), await listen(b)];
    const s = await new SaleBuilder(a).init('race');
    lotId = await publishedLot(a, s, { ...AUCTION_TERMS, countdownSeconds: 600 });
    seats = await qualifiedBidders(a, lotId, 100, 'race');
    spectators = [await connect(urlA), await connect(urlB)];
    bidders = await Promise.all(seats.map((seat, i) => connect(i % 2 === 0 ? urlA : urlB, seat.token)));
    await openTradingNow(a, lotId);
    for (const c of [...spectators, ...bidders]) expect(await c.emit<{ ok: boolean }>('lot:join', { lotId })).toMatchObject({ ok: true });

    const increment = 50_000n * 100n; // fen
    const latest = (c: Client): bigint | undefined => {
      const prices = c.frames.filter((f) => f.event === 'bid:accepted').map((f) => BigInt(String(f.data.price).replace('.', '')));
      return prices.length ? prices.reduce((x, y) => (y > x ? y : x)) : undefined;
    };
    const yuan = (fen: bigint) => `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
    const send = async (i: number, clientBidId: string, price: string) => {
      const ack = await bidders[i].emit<Ack>('bid:place', { lotId, clientBidId, price });
      acks.push({ bidder: i, clientBidId, price, ack });
      return ack;
    };
    await Promise.all(
      bidders.map(async (c, i) => {
        // a low bid, below the start price
        await send(i, `low-${i}`, '9750000.00');
        // up to 6 attempts, each at the latest price this bidder has seen, until one is accepted
        for (let round = 0; round < 6; round++) {
          const current = latest(c);
          const price = yuan(current === undefined ? 980_000_000n : current + increment * BigInt(1 + ((i + round) % 3)));
          const id = `b-${i}-${round}`;
          let ack: Ack;
          if (i % 10 === 0 && round === 0) {
            // the same bid sent twice at once (a double click), then retried after its answer
            [ack] = await Promise.all([send(i, id, price), send(i, id, price)]);
            await send(i, id, price);
          } else {
            ack = await send(i, id, price);
          }
          if (ack.ok) break;
        }
      }),
    );
    // The race is over: the countdown runs out (time travel), and whichever instance's clock comes first closes the lot.
    await moveDeadline(a, lotId, -1);
    await Promise.all(spectators.map((sp) => sp.waitFor((f) => f.event === 'lot:closed', 30_000)));
  }, 120_000);

  afterAll(async () => {
    [...(bidders ?? []), ...(spectators ?? [])].forEach((c) => c.close());
    await b?.close();
    await a?.close();
  });

  it('many bids were accepted and many refused (the race was real)', () => {
    const accepted = acks.filter((x) => x.ack.ok && !x.ack.duplicate);
    expect(accepted.length).toBeGreaterThanOrEqual(5);
    expect(acks.filter((x) => !x.ack.ok && x.ack.code === 'PRICE_TOO_LOW').length).toBeGreaterThan(100);
    expect(new Set(acks.filter((x) => x.ack.ok).map((x) => x.bidder)).size).toBeGreaterThanOrEqual(5);
    expect(acks.filter((x) => !x.ack.ok && !['PRICE_TOO_LOW', 'ALREADY_LEADING', 'NOT_MULTIPLE_OF_INCREMENT', 'JUMP_TOO_LARGE'].includes(x.ack.code))).toEqual([]);
  });

  it('seq is gap-free from 1 and the chain verifies', async () => {
    const rows = (await a.dataSource.query(`SELECT seq FROM lot_event WHERE lot_id = $1 ORDER BY seq`, [lotId])) as Array<{ seq: string }>;
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
    const verify = await a.http().get(`/api/public/lots/${lotId}/chain/verify`).expect(200);
    expect(verify.body).toMatchObject({ valid: true, length: rows.length, headMatches: true });
    const chain = await b.http().get(`/api/public/lots/${lotId}/chain`).expect(200);
    const verdict = verifyChain((chain.body.events as Array<{ seq: number; event: object; hash: string }>).map((e) => ({ seq: e.seq, event: e.event, hash: e.hash })));
    expect(verdict).toMatchObject({ ok: true, lastSeq: rows.length });
  });

  it('accepted prices rise strictly in seq order', async () => {
    const bids = (await a.dataSource.query(`SELECT seq, price FROM bid WHERE lot_id = $1 ORDER BY seq`, [lotId])) as Array<{ seq: string; price: string }>;
    for (let i = 1; i < bids.length; i++) expect(BigInt(bids[i].price.replace('.', ''))).toBeGreaterThan(BigInt(bids[i - 1].price.replace('.', '')));
  });

  it('every acknowledged bid is stored with its seq, price and bidder, and nothing unacknowledged was stored', async () => {
    const bids = (await a.dataSource.query(`SELECT seq, price::text AS price, application_id, client_bid_id FROM bid WHERE lot_id = $1`, [lotId])) as Array<{ seq: string; price: string; application_id: string; client_bid_id: string }>;
    const bySeq = new Map(bids.map((r) => [Number(r.seq), r]));
    const ackedSeqs = new Set<number>();
    for (const x of acks) {
      if (!x.ack.ok) continue;
      const row = bySeq.get(x.ack.seq);
      expect(row).toEqual({ seq: String(x.ack.seq), price: x.price, application_id: seats[x.bidder].applicationId, client_bid_id: x.clientBidId });
      ackedSeqs.add(x.ack.seq);
    }
    expect([...bySeq.keys()].sort((p, q) => p - q)).toEqual([...ackedSeqs].sort((p, q) => p - q));
  });

  it('a duplicate or retried client bid id got the same seq as its first answer', () => {
    const byId = new Map<string, Ack[]>();
    for (const x of acks) byId.set(`${x.bidder}|${x.clientBidId}`, [...(byId.get(`${x.bidder}|${x.clientBidId}`) ?? []), x.ack]);
    const repeated = [...byId.values()].filter((list) => list.length > 1);
    expect(repeated.length).toBe(10);
    for (const list of repeated) {
      const first = list[0];
      for (const other of list) expect(other.ok ? other.seq : other.code).toEqual(first.ok ? first.seq : first.code);
    }
  });

  it('exactly one result exists, naming the highest bid, and the lot is closed sold', async () => {
    const results = (await a.dataSource.query(`SELECT outcome, price::text AS price, winner_application_id FROM result WHERE lot_id = $1`, [lotId])) as Array<{ outcome: string; price: string; winner_application_id: string }>;
    const [top] = (await a.dataSource.query(`SELECT price::text AS price, application_id FROM bid WHERE lot_id = $1 ORDER BY seq DESC LIMIT 1`, [lotId])) as Array<{ price: string; application_id: string }>;
    expect(results).toEqual([{ outcome: 'sold', price: top.price, winner_application_id: top.application_id }]);
    const [lot] = (await a.dataSource.query(`SELECT phase, due_at FROM lot WHERE id = $1`, [lotId])) as Array<{ phase: string; due_at: Date | null }>;
    expect(lot).toEqual({ phase: 'closed_sold', due_at: null });
  });

  it('spectators on both instances received every event, each exactly once, without identities (frames from two instances may arrive out of order; clients apply them by seq)', async () => {
    const [{ n }] = (await a.dataSource.query(`SELECT max(seq)::int AS n FROM lot_event WHERE lot_id = $1`, [lotId])) as Array<{ n: number }>;
    for (const sp of spectators) {
      const seqs = sp.frames.map((f) => Number(f.data.seq)).filter((s) => s > 1);
      expect(seqs).toHaveLength(n - 1);
      expect([...seqs].sort((x, y) => x - y)).toEqual(Array.from({ length: n - 1 }, (_, i) => i + 2));
      const text = JSON.stringify(sp.frames);
      for (const seat of seats.slice(0, 10)) {
        expect(text).not.toContain(seat.name);
        expect(text).not.toContain(seat.creditCode);
        expect(text).not.toContain(seat.applicationId);
      }
      expect(sp.frames.some((f) => f.data.own === true)).toBe(false);
    }
  });

  it('a bidder learns which accepted bids are its own', () => {
    const i = acks.find((x) => x.ack.ok && !x.ack.duplicate)!.bidder;
    const ownSeqs = new Set(acks.filter((x) => x.bidder === i && x.ack.ok).map((x) => (x.ack as { seq: number }).seq));
    const marked = bidders[i].frames.filter((f) => f.event === 'bid:accepted' && f.data.own === true).map((f) => Number(f.data.seq));
    expect(new Set(marked)).toEqual(ownSeqs);
  });
});
