import { AuctionClock } from '@app/bidding';
import { createTestApp, type TestApp } from '../support/test-app';
import { connect, listen, moveDeadline, openingNow, type Client } from '../support/trading';
import { openPracticeNow, practiceBidder, simulatedTurn, startPractice, type PracticeView } from './practice-helpers';

type Ack = { ok: boolean; code?: string; commitment?: string };

/**
 * The other methods a trading centre rehearses: an auction opening within seconds with its own
 * countdown, a tender with sealed prices, and the cap modes 竞配建 and 摇号. The simulated opponents
 * play each one through the engine like real bidders; every lot closes with a practice result.
 */
describe('practice lots for an auction, a tender and at the price cap', () => {
  let t: TestApp;
  let url: string;
  let me: Awaited<ReturnType<typeof practiceBidder>>;
  const clients: Client[] = [];
  const tick = () => t.app.get(AuctionClock).runOnce();
  const snapshot = async (lotId: string) => (await t.http().get(`/api/public/lots/${lotId}/trading`).expect(200)).body as { phase: string; deadline: string; serverTime: string; leaderNumber: string; capMode: string | null };
  const events = async (lotId: string, type: string) =>
    (await t.dataSource.query(`SELECT payload FROM lot_event WHERE lot_id = $1 AND type = $2 ORDER BY seq`, [lotId, type])) as Array<{ payload: Record<string, unknown> }>;

  async function rehearse(body: Record<string, unknown>): Promise<{ lot: PracticeView; client: Client }> {
    const lot = await startPractice(t, me.token, body);
    await openPracticeNow(t, lot.id);
    const client = await connect(url, me.token);
    clients.push(client);
    expect(await client.emit('lot:join', { lotId: lot.id })).toMatchObject({ ok: true, snapshot: { practice: true } });
    return { lot, client };
  }

  async function closeAndResult(lotId: string) {
    await moveDeadline(t, lotId, -1);
    await tick();
    return (await t.http().get(`/api/public/lots/${lotId}/result`).expect(200)).body as Record<string, unknown>;
  }

  beforeAll(async () => {
    t = await createTestApp();
    url = await listen(t);
    me = await practiceBidder(t, 'methods.me', 811);
    // Four rehearsals in one file: more than the default number running at once.
    await t.dataSource.query(`INSERT INTO platform_setting (key, value) VALUES ('practice.maxRunningPerAccount', '10')`);
  }, 60_000);

  afterAll(async () => {
    clients.forEach((c) => c.close());
    await t.close();
  });

  it('an auction opens within seconds with its own 45 s countdown, and the opponents bid against the bidder', async () => {
    const { lot, client } = await rehearse({ method: 'auction' });
    expect(lot.title).toBe('模拟竞价·拍卖');
    expect(lot.schedule).toMatchObject({ countdownSeconds: 45, warningSeconds: [30, 10], listingEnd: null });
    const s = await snapshot(lot.id);
    expect(s.phase).toBe('auction_round');
    expect(await client.emit<Ack>('bid:place', { lotId: lot.id, clientBidId: 'a1', price: '10000000.00' })).toMatchObject({ ok: true });
    const left = new Date((await snapshot(lot.id)).deadline).getTime() - new Date((await snapshot(lot.id)).serverTime).getTime();
    expect(left).toBeGreaterThan(40_000);
    expect(left).toBeLessThanOrEqual(45_000);
    await simulatedTurn(t, lot.id);
    expect((await snapshot(lot.id)).leaderNumber).not.toBe(lot.you!.bidderNumber);
    expect(await client.emit<Ack>('bid:place', { lotId: lot.id, clientBidId: 'a2', price: '13400000.00' })).toMatchObject({ ok: true });
    await simulatedTurn(t, lot.id);
    expect(await closeAndResult(lot.id)).toMatchObject({ practice: true, outcome: 'sold', winnerNumber: lot.you!.bidderNumber, price: '13400000.00' });
  });

  it('a tender: each opponent submits one sealed price, the opening awards the highest, marked practice', async () => {
    const { lot, client } = await rehearse({ method: 'tender', listingSeconds: 60 });
    expect(lot.terms.increment).toBeNull();
    expect(lot.schedule.openingAt).toBe(lot.schedule.sealedBidDeadline);
    expect((await snapshot(lot.id)).phase).toBe('sealed_bidding');
    for (let i = 0; i < 4; i++) await simulatedTurn(t, lot.id);
    const sealed = (await t.dataSource.query(`SELECT bidder_number FROM sealed_value WHERE lot_id = $1 ORDER BY bidder_number`, [lot.id])) as Array<{ bidder_number: string }>;
    expect(sealed).toHaveLength(3);
    const mine = await client.emit<Ack>('bid:sealed', { lotId: lot.id, price: '13500000.00' });
    expect(mine).toMatchObject({ ok: true });
    await moveDeadline(t, lot.id, -1);
    await tick();
    expect((await snapshot(lot.id)).phase).toBe('opening');
    await openingNow(t, lot.id);
    await tick();
    const result = (await t.http().get(`/api/public/lots/${lot.id}/result`).expect(200)).body as Record<string, unknown>;
    expect(result).toMatchObject({ practice: true, outcome: 'sold', winnerNumber: lot.you!.bidderNumber, price: '13500000.00' });
  });

  it('竞配建 at the cap: the opponents offer floor area in steps up to their own limits', async () => {
    const { lot, client } = await rehearse({ method: 'auction', capMode: 'build_in_area' });
    expect(lot).toMatchObject({ capMode: 'build_in_area', terms: { priceCap: '12000000.00' } });
    expect(lot.title).toBe('模拟竞价·拍卖·竞配建');
    expect(await client.emit<Ack>('bid:place', { lotId: lot.id, clientBidId: 'c1', price: '12000000.00' })).toMatchObject({ ok: true });
    expect(await snapshot(lot.id)).toMatchObject({ phase: 'cap_round', capMode: 'build_in_area' });
    await simulatedTurn(t, lot.id);
    const offered = await events(lot.id, 'area:accepted');
    expect(offered).toHaveLength(1);
    expect(offered[0]!.payload.bidderNumber).not.toBe(lot.you!.bidderNumber);
    expect(await client.emit<Ack>('bid:area', { lotId: lot.id, clientBidId: 'c2', area: '5000.00' })).toMatchObject({ ok: true });
    await simulatedTurn(t, lot.id);
    expect(await events(lot.id, 'area:accepted')).toHaveLength(2);
    expect(await closeAndResult(lot.id)).toMatchObject({ practice: true, outcome: 'sold', winnerNumber: lot.you!.bidderNumber, area: '5000.00', price: '12000000.00' });
  });

  it('摇号 at the cap: the opponents opt in, the seed is committed first and the draw is among every entrant', async () => {
    const { lot, client } = await rehearse({ method: 'auction', capMode: 'lottery' });
    expect(await client.emit<Ack>('bid:place', { lotId: lot.id, clientBidId: 'l1', price: '12000000.00' })).toMatchObject({ ok: true });
    expect(await events(lot.id, 'lottery:committed')).toHaveLength(1);
    for (let i = 0; i < 3; i++) await simulatedTurn(t, lot.id);
    const entrants = (await events(lot.id, 'opt_in:accepted')).map((e) => e.payload.bidderNumber);
    expect(entrants).toHaveLength(3);
    const result = await closeAndResult(lot.id);
    const [drawn] = await events(lot.id, 'lottery:drawn');
    expect((drawn!.payload.entrants as string[]).sort()).toEqual([lot.you!.bidderNumber, ...(entrants as string[])].sort());
    expect(result).toMatchObject({ practice: true, outcome: 'sold', price: '12000000.00', winnerNumber: drawn!.payload.winnerNumber });
  });
});
