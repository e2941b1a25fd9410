import { AuctionClock, TradingService } from '@app/bidding';
import { Money } from '@app/money';
import { PracticeCleanup } from '@app/practice';
import { createTestApp, type TestApp } from '../support/test-app';
import { moveDeadline } from '../support/trading';
import { openPracticeNow, practiceBidder, rowsOf, startPractice, type PracticeView } from './practice-helpers';

/**
 * Several instances on one database: the simulated opponents of a practice lot are moved by exactly one
 * of them at a time (each move once, each bid once), their state survives an instance going away, and
 * the cleanup deletes each expired lot once whichever instances run it.
 */
describe('practice lots on several instances', () => {
  let a: TestApp;
  let b: TestApp;
  let c: TestApp | undefined;
  let me: Awaited<ReturnType<typeof practiceBidder>>;
  let lot: PracticeView;

  const driver = async () => ((await a.dataSource.query(`SELECT step FROM simulated_lot WHERE lot_id = $1`, [lot.id])) as Array<{ step: number }>)[0]!.step;
  const simulatedBids = async () =>
    ((await a.dataSource.query(`SELECT count(*)::int AS n FROM bid b JOIN simulated_bidder s ON s.application_id = b.application_id WHERE b.lot_id = $1`, [lot.id])) as Array<{ n: number }>)[0]!.n;
  const due = () => a.dataSource.query(`UPDATE simulated_lot SET next_at = clock_timestamp() WHERE lot_id = $1`, [lot.id]);

  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp({}, { sameDatabaseAs: a });
    me = await practiceBidder(a, 'instances.me', 511);
    lot = await startPractice(a, me.token);
    await openPracticeNow(a, lot.id);
    const [seat] = (await a.dataSource.query(`SELECT a.id FROM application a JOIN bidder b ON b.id = a.lead_bidder_id WHERE a.lot_id = $1 AND b.user_id = $2`, [lot.id, me.userId])) as Array<{ id: string }>;
    await a.app.get(TradingService).placeBids(lot.id, [{ applicationId: seat!.id, bidderNumber: lot.you!.bidderNumber, clientBidId: 'q', price: Money.of('10000000.00') }]);
    await moveDeadline(a, lot.id, -1);
    await a.app.get(AuctionClock).runOnce();
    // Opponents with room to bid for every round below.
    await a.dataSource.query(`UPDATE simulated_bidder SET limit_price = '50000000.00' WHERE lot_id = $1`, [lot.id]);
  }, 60_000);

  afterAll(async () => {
    await b?.close();
    await c?.close();
    await a.close();
  });

  it('two instances running their clocks at the same moment move the opponents once per turn: one bid, one step', async () => {
    for (let turn = 0; turn < 4; turn++) {
      const [bids, step] = [await simulatedBids(), await driver()];
      await due();
      await Promise.all([a.app.get(AuctionClock).runOnce(), b.app.get(AuctionClock).runOnce()]);
      expect({ turn, bids: await simulatedBids(), step: await driver() }).toEqual({ turn, bids: bids + 1, step: step + 1 });
    }
    // Each simulated bid was placed once, with its own step's client bid id, and the chain holds.
    const ids = (await a.dataSource.query(`SELECT b.client_bid_id FROM bid b JOIN simulated_bidder s ON s.application_id = b.application_id WHERE b.lot_id = $1 ORDER BY b.seq`, [lot.id])) as Array<{ client_bid_id: string }>;
    expect(new Set(ids.map((r) => r.client_bid_id)).size).toBe(ids.length);
    expect((await a.http().get(`/api/public/lots/${lot.id}/chain/verify`).expect(200)).body.valid).toBe(true);
  });

  it('an instance that goes away loses nothing: a new one goes on from the step the database holds', async () => {
    await b.close();
    b = undefined as unknown as TestApp;
    const [bids, step] = [await simulatedBids(), await driver()];
    c = await createTestApp({}, { sameDatabaseAs: a });
    await due();
    await c.app.get(AuctionClock).runOnce();
    expect({ bids: await simulatedBids(), step: await driver() }).toEqual({ bids: bids + 1, step: step + 1 });
    const [last] = (await a.dataSource.query(`SELECT client_bid_id FROM bid WHERE lot_id = $1 ORDER BY seq DESC LIMIT 1`, [lot.id])) as Array<{ client_bid_id: string }>;
    expect(last!.client_bid_id).toBe(`sim-${step}`);
  });

  it('two instances cleaning up at once delete each expired practice lot exactly once', async () => {
    const more = [await startPractice(a, me.token, { method: 'auction' }), await startPractice(a, me.token, { method: 'tender' })];
    const expired = [lot.id, ...more.map((l) => l.id)];
    await a.dataSource.query(`UPDATE practice_lot SET created_at = created_at - interval '25 hours' WHERE lot_id = ANY($1::uuid[])`, [expired]);
    const [first, second] = await Promise.all([a.app.get(PracticeCleanup).runOnce(), c!.app.get(PracticeCleanup).runOnce()]);
    expect([...first!, ...second!].sort()).toEqual([...expired].sort());
    for (const id of expired) expect(await rowsOf(a, id)).toMatchObject({ lot: 0, bid: 0, lot_event: 0, application: 0 });
    const deletions = (await a.dataSource.query(`SELECT entity_id FROM audit_event WHERE action = 'practice.delete' ORDER BY entity_id`)) as Array<{ entity_id: string }>;
    expect(deletions.map((d) => d.entity_id)).toEqual([...expired].sort());
  });
});
