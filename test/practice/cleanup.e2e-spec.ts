import { Role } from '@app/auth';
import { AuctionClock, TradingService } from '@app/bidding';
import { Money } from '@app/money';
import { PracticeCleanup } from '@app/practice';
import { AUCTION_TERMS, bearer, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';
import { moveDeadline, openTradingNow, publishedLot, qualifiedBidders } from '../support/trading';
import { openPracticeNow, practiceBidder, rowsOf, simulatedTurn, startPractice, type PracticeView } from './practice-helpers';

/**
 * Practice lots are deleted `practice.retentionHours` (24) after the later of their start and their
 * close, with every row they produced — through the append-only tables' triggers, which let exactly
 * practice rows go. Real lots keep every row and stay append-only; the audit trail keeps everything.
 */
describe('cleanup of practice lots after the retention', () => {
  let t: TestApp;
  let me: Awaited<ReturnType<typeof practiceBidder>>;
  let realLot: string;
  let closedOld: PracticeView;
  let capOld: PracticeView;
  let tenderOld: PracticeView;
  let fresh: PracticeView;
  let closedRecently: PracticeView;
  const tick = () => t.app.get(AuctionClock).runOnce();
  const cleanup = () => t.app.get(PracticeCleanup).runOnce();

  /** Time travel for a lot's start (practice_lot.created_at) and, for a closed one, its close (result.closed_at, append-only: its trigger is lifted for the move). */
  async function age(lotId: string, hours: number, close: boolean): Promise<void> {
    await t.dataSource.transaction(async (em) => {
      await em.query(`UPDATE practice_lot SET created_at = created_at - make_interval(hours => $2) WHERE lot_id = $1`, [lotId, hours]);
      if (close) {
        await em.query(`ALTER TABLE result DISABLE TRIGGER result_append_only`);
        await em.query(`UPDATE result SET closed_at = closed_at - make_interval(hours => $2) WHERE lot_id = $1`, [lotId, hours]);
        await em.query(`ALTER TABLE result ENABLE TRIGGER result_append_only`);
      }
    });
  }

  async function closeNow(lotId: string): Promise<void> {
    await moveDeadline(t, lotId, -1);
    await tick();
    await moveDeadline(t, lotId, -1);
    await tick();
    const [{ phase }] = (await t.dataSource.query(`SELECT phase FROM lot WHERE id = $1`, [lotId])) as Array<{ phase: string }>;
    expect(phase.startsWith('closed_')).toBe(true);
  }

  beforeAll(async () => {
    t = await createTestApp();
    const s = await new SaleBuilder(t).init('keep');
    const admin = await t.tokenFor([Role.Admin]);
    await t.http().put('/api/settings/practice.maxRunningPerAccount').set(bearer(admin)).send({ value: 10, reason: '测试多个模拟竞价' }).expect(200);
    // A real auction, traded and closed: its rows must all survive.
    realLot = await publishedLot(t, s, { ...AUCTION_TERMS, minBidders: 1 });
    const seats = await qualifiedBidders(t, realLot, 2, 'keep');
    await openTradingNow(t, realLot);
    const trading = t.app.get(TradingService);
    await trading.placeBids(realLot, [{ ...seats[0]!, clientBidId: 'r1', price: Money.of('9800000.00') }]);
    await trading.placeBids(realLot, [{ ...seats[1]!, clientBidId: 'r2', price: Money.of('9800000.00') }]); // refused: too low
    await trading.placeBids(realLot, [{ ...seats[1]!, clientBidId: 'r3', price: Money.of('9900000.00') }]);
    await moveDeadline(t, realLot, -1);
    await tick();

    me = await practiceBidder(t, 'cleanup.me', 611);
    // A listing rehearsed to its close, with quotes, a refused bid, events and a result.
    closedOld = await startPractice(t, me.token);
    await openPracticeNow(t, closedOld.id);
    await simulatedTurn(t, closedOld.id);
    await trading.placeBids(closedOld.id, [{ applicationId: await seatOf(closedOld.id), bidderNumber: closedOld.you!.bidderNumber, clientBidId: 'low', price: Money.of('1.00') }]);
    await closeNow(closedOld.id);
    // An auction stopped at a 摇号 cap (its lottery seed committed), never closed.
    capOld = await startPractice(t, me.token, { method: 'auction', capMode: 'lottery' });
    await openPracticeNow(t, capOld.id);
    await trading.placeBids(capOld.id, [{ applicationId: await seatOf(capOld.id), bidderNumber: capOld.you!.bidderNumber, clientBidId: 'cap', price: Money.of(capOld.terms.priceCap!) }]);
    // A tender with sealed prices, never closed.
    tenderOld = await startPractice(t, me.token, { method: 'tender' });
    await openPracticeNow(t, tenderOld.id);
    for (let i = 0; i < 3; i++) await simulatedTurn(t, tenderOld.id);
    // Kept: one started just now, and one started long ago but closed just now.
    fresh = await startPractice(t, me.token, { method: 'auction' });
    closedRecently = await startPractice(t, me.token, { method: 'auction' });
    await openPracticeNow(t, closedRecently.id);
    await closeNow(closedRecently.id);

    await age(closedOld.id, 25, true);
    await age(capOld.id, 25, false);
    await age(tenderOld.id, 25, false);
    await age(closedRecently.id, 25, false);
  }, 120_000);

  afterAll(() => t.close());

  async function seatOf(lotId: string): Promise<string> {
    const [row] = (await t.dataSource.query(`SELECT a.id FROM application a JOIN bidder b ON b.id = a.lead_bidder_id WHERE a.lot_id = $1 AND b.user_id = $2`, [lotId, me.userId])) as Array<{ id: string }>;
    return row!.id;
  }

  it('deletes exactly the expired practice lots with every row they produced, and leaves the others and every real lot untouched', async () => {
    const before = {
      closedOld: await rowsOf(t, closedOld.id),
      capOld: await rowsOf(t, capOld.id),
      tenderOld: await rowsOf(t, tenderOld.id),
      fresh: await rowsOf(t, fresh.id),
      closedRecently: await rowsOf(t, closedRecently.id),
      real: await rowsOf(t, realLot),
    };
    // The lots to delete really hold rows of every kind.
    expect(before.closedOld).toMatchObject({ lot: 1, announcement: 1, practice_lot: 1, application: 4, result: 1, simulated_lot: 1, simulated_bidder: 3 });
    expect(before.closedOld.bid).toBeGreaterThan(0);
    expect(before.closedOld.bid_rejection).toBe(1);
    expect(before.closedOld.lot_event).toBeGreaterThan(before.closedOld.bid!);
    expect(before.capOld.lottery_seed).toBe(1);
    expect(before.tenderOld.sealed_value).toBe(3);
    expect(before.real).toMatchObject({ bid: 2, bid_rejection: 1, result: 1 });

    expect((await cleanup()).sort()).toEqual([closedOld.id, capOld.id, tenderOld.id].sort());
    const none = { lot: 0, announcement: 0, practice_lot: 0, application: 0, lot_event: 0, bid: 0, bid_rejection: 0, sealed_value: 0, lottery_seed: 0, result: 0, simulated_lot: 0, simulated_bidder: 0 };
    for (const id of [closedOld.id, capOld.id, tenderOld.id]) expect(await rowsOf(t, id)).toEqual(none);
    expect(await rowsOf(t, fresh.id)).toEqual(before.fresh);
    expect(await rowsOf(t, closedRecently.id)).toEqual(before.closedRecently);
    expect(await rowsOf(t, realLot)).toEqual(before.real);
    const [{ n }] = (await t.dataSource.query(`SELECT count(*)::int AS n FROM announcement WHERE number LIKE '模拟竞价-%'`)) as Array<{ n: number }>;
    expect(n).toBe(2);
    // Nothing more is due.
    expect(await cleanup()).toEqual([]);
    await t.http().get(`/api/practice-lots/${closedOld.id}`).set(bearer(me.token)).expect(404);
    expect(((await t.http().get('/api/practice-lots/mine').set(bearer(me.token)).expect(200)).body.items as PracticeView[]).map((i) => i.id).sort()).toEqual([fresh.id, closedRecently.id].sort());
  });

  it('keeps the audit records: the start, the trading and the deletion of each practice lot stay on record', async () => {
    const actions = ((await t.dataSource.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`, [closedOld.id])) as Array<{ action: string }>).map((a) => a.action);
    expect(actions[0]).toBe('practice.start');
    expect(actions).toEqual(expect.arrayContaining(['lot.open_applications', 'lot.close_sold', 'practice.delete']));
    expect(actions[actions.length - 1]).toBe('practice.delete');
    await expect(t.dataSource.query(`DELETE FROM audit_event WHERE entity_id = $1`, [closedOld.id])).rejects.toThrow(/append-only/);
  });

  it('real lots stay append-only: their bids, events, refusals and result can be neither deleted nor changed', async () => {
    for (const table of ['bid', 'lot_event', 'bid_rejection', 'result']) {
      await expect(t.dataSource.query(`DELETE FROM ${table} WHERE lot_id = $1`, [realLot])).rejects.toThrow(/append-only/);
    }
    await expect(t.dataSource.query(`UPDATE bid SET client_bid_id = 'changed' WHERE lot_id = $1`, [realLot])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`SELECT delete_practice_lot($1)`, [realLot])).rejects.toThrow(/not a practice lot/);
    expect(await rowsOf(t, realLot)).toMatchObject({ lot: 1, bid: 2, bid_rejection: 1, result: 1 });
  });

  it('a practice lot’s rows may be deleted, never changed; and no lot becomes (or stops being) practice after its insert', async () => {
    expect((await rowsOf(t, closedRecently.id)).lot_event).toBeGreaterThan(0);
    await expect(t.dataSource.query(`UPDATE lot_event SET type = 'changed' WHERE lot_id = $1`, [closedRecently.id])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`UPDATE result SET reason = 'changed' WHERE lot_id = $1`, [closedRecently.id])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`UPDATE lot SET practice = true WHERE id = $1`, [realLot])).rejects.toThrow(/set once/);
    await expect(t.dataSource.query(`UPDATE lot SET practice = false WHERE id = $1`, [fresh.id])).rejects.toThrow(/set once/);
    await expect(t.dataSource.query(`UPDATE announcement SET practice = true WHERE id = (SELECT announcement_id FROM lot WHERE id = $1)`, [realLot])).rejects.toThrow(/set once/);
    // A real lot cannot be moved under a practice announcement either.
    await expect(
      t.dataSource.query(`UPDATE lot SET announcement_id = (SELECT announcement_id FROM lot WHERE id = $2) WHERE id = $1`, [realLot, fresh.id]),
    ).rejects.toThrow(/practice announcement/);
  });
});
