import { UsersService } from '@app/auth';
import { AuctionClock, TradingService } from '@app/bidding';
import { Money } from '@app/money';
import { SettlementService } from '@app/settlement';
import { moveDeadline } from '../support/trading';
import { seedDemoSale } from '../../apps/api/src/demo/demo-seed';
import { createTestApp, type TestApp } from '../support/test-app';

describe('first-start demo (DEMO=on)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('seeds one account per role, the Shouguang reserve and a published announcement with open lots, once', async () => {
    const accounts = await t.app.get(UsersService).seedDemoUsers();
    expect(accounts?.map((a) => a.roles[0])).toEqual(expect.arrayContaining(['admin', 'reserve_officer', 'trading_officer', 'pricing_committee', 'supervisor', 'finance_officer', 'bidder']));
    const live = await seedDemoSale(t.app);
    expect(live?.simulated.map((b) => b.bidderNumber)).toEqual(['027', '031', '046']);
    expect(await seedDemoSale(t.app)).toBeUndefined();
    // The three are enlisted with the simulated-bidder driver (in the database, so a restart goes on), with their private limits.
    const enlisted = (await t.dataSource.query(`SELECT bidder_number, limit_price::text AS limit FROM simulated_bidder WHERE lot_id = $1 ORDER BY bidder_number`, [live!.lotId])) as unknown[];
    expect(enlisted).toEqual([
      { bidder_number: '027', limit: '14600000.00' },
      { bidder_number: '031', limit: '15300000.00' },
      { bidder_number: '046', limit: '14900000.00' },
    ]);
    // The tests below bid by hand on the live lot: its simulated bidders wait (their own test follows).
    await t.dataSource.query(`UPDATE simulated_lot SET next_at = 'infinity' WHERE lot_id = $1`, [live!.lotId]);

    const announcements = await t.http().get('/api/public/announcements').expect(200);
    expect(announcements.body.items).toHaveLength(1);
    const detail = await t.http().get(announcements.body.items[0].url).expect(200);
    expect(detail.body.title).toContain('演示');
    expect(detail.body.lots.map((l: { method: string; phase: string }) => [l.method, l.phase])).toEqual([
      ['listing', 'published'],
      ['auction', 'published'],
      ['listing', 'published'],
    ]);
    expect(detail.body.lots[0].reserve).toMatchObject({ hasReserve: true, sealed: true });
    const parcels: Array<{ state: string; n: string }> = await t.dataSource.query(`SELECT state, count(*) AS n FROM parcel GROUP BY state ORDER BY state`);
    expect(parcels).toEqual([
      { state: 'acquired', n: '2' },
      { state: 'in_reserve', n: '2' },
      { state: 'listed', n: '3' },
    ]);
  });

  it("the demo's notices state the live lot's real schedule: the latest notice about SG-DEMO-L03 gives the times it trades on", async () => {
    const fmt = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
    const [{ id }] = (await t.dataSource.query(`SELECT id FROM lot WHERE lot_number = 'SG-DEMO-L03'`)) as Array<{ id: string }>;
    const lot = (await t.http().get(`/api/public/lots/${id}`).expect(200)).body as { schedule: { tradingStart: string; tradingEnd: string }; url: string };
    const announcement = (await t.http().get((await t.http().get('/api/public/announcements').expect(200)).body.items[0].url).expect(200)).body as {
      notices: Array<{ kind: string; body: string }>;
      versions: Array<{ version: number; url: string }>;
    };
    const aboutLive = announcement.notices.filter((n) => n.body.includes('SG-DEMO-L03'));
    const latest = aboutLive[aboutLive.length - 1];
    expect(latest.kind).toBe('amendment');
    expect(latest.body).toContain(`挂牌时间：${fmt(lot.schedule.tradingStart)}至${fmt(lot.schedule.tradingEnd)}`);
    expect(new Date(lot.schedule.tradingEnd).getTime() - Date.now()).toBeLessThan(80_000);
    // and the announcement's current version shows the same schedule
    const current = announcement.versions[announcement.versions.length - 1];
    const version = (await t.http().get(current.url).expect(200)).body as { content: { lots: Array<{ lotNumber: string; schedule: Record<string, string> }> } };
    expect(version.content.lots.find((l) => l.lotNumber === 'SG-DEMO-L03')?.schedule).toMatchObject({ tradingStart: lot.schedule.tradingStart, tradingEnd: lot.schedule.tradingEnd });
  });

  it('the live demo lot opens its listing board on the clock, with bidder1 and three simulated bidders qualified', async () => {
    const [lot] = (await t.dataSource.query(`SELECT id FROM lot WHERE lot_number = 'SG-DEMO-L03'`)) as Array<{ id: string }>;
    await t.app.get(AuctionClock).runOnce();
    const snap = await t.http().get(`/api/public/lots/${lot.id}/trading`).expect(200);
    expect(snap.body).toMatchObject({ phase: 'listing', minimumNextPrice: '13800000.00' });
    expect(new Date(snap.body.deadline).getTime() - Date.now()).toBeLessThan(80_000);
    const apps = (await t.dataSource.query(`SELECT bidder_number FROM application WHERE lot_id = $1 AND status = 'qualified' ORDER BY bidder_number`, [lot.id])) as Array<{ bidder_number: string }>;
    expect(apps.map((a) => a.bidder_number)).toEqual(['018', '027', '031', '046']);
  });

  it('the live demo lot runs to its close and is settled like any other: confirmation issued, the other deposits refunded', async () => {
    const [lot] = (await t.dataSource.query(`SELECT id FROM lot WHERE lot_number = 'SG-DEMO-L03'`)) as Array<{ id: string }>;
    const simulated = (await t.dataSource.query(
      `SELECT id AS "applicationId", bidder_number AS "bidderNumber" FROM application WHERE lot_id = $1 AND bidder_number IN ('027', '031') ORDER BY bidder_number`,
      [lot.id],
    )) as Array<{ applicationId: string; bidderNumber: string }>;
    const trading = t.app.get(TradingService);
    const bid = async (i: number, price: string) => (await trading.placeBids(lot.id, [{ ...simulated[i % 2], clientBidId: `demo-test-${price}`, price: Money.of(price) }]))[0];
    expect(await bid(0, '13800000.00')).toMatchObject({ ok: true });
    expect(await bid(1, '13900000.00')).toMatchObject({ ok: true });
    await moveDeadline(t, lot.id, -1);
    await t.app.get(AuctionClock).runOnce();
    expect(await bid(0, '14000000.00')).toMatchObject({ ok: true });
    await moveDeadline(t, lot.id, -1);
    await t.app.get(AuctionClock).runOnce();
    const [result] = (await t.dataSource.query(`SELECT outcome, price::text AS price, winner_number FROM result WHERE lot_id = $1`, [lot.id])) as Array<Record<string, string>>;
    expect(result).toEqual({ outcome: 'sold', price: '14000000.00', winner_number: '027' });
    const run = await t.app.get(SettlementService).runOnce();
    expect(run.settled).toEqual([lot.id]);
    const [confirmation] = (await t.dataSource.query(`SELECT length(document) > 1000 AS ok FROM confirmation WHERE lot_id = $1`, [lot.id])) as Array<{ ok: boolean }>;
    expect(confirmation.ok).toBe(true);
    const refunds = (await t.dataSource.query(`SELECT count(*)::int AS n, sum(amount)::text AS total FROM refund WHERE lot_id = $1`, [lot.id])) as Array<{ n: number; total: string }>;
    expect(refunds[0]).toEqual({ n: 3, total: '8280000.00' });
  });
});

describe("the demo's simulated bidders", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(UsersService).seedDemoUsers();
  });
  afterAll(() => t.close());

  it('bid on the live lot through the driver of practice lots, from the auction clock: a quote at the lowest price, as a retry-safe client bid id', async () => {
    const live = (await seedDemoSale(t.app))!;
    await t.dataSource.query(`UPDATE simulated_lot SET next_at = clock_timestamp() WHERE lot_id = $1`, [live.lotId]);
    await t.app.get(AuctionClock).runOnce();
    const bids = (await t.dataSource.query(`SELECT bidder_number, price::text AS price, client_bid_id FROM bid WHERE lot_id = $1`, [live.lotId])) as Array<Record<string, string>>;
    expect(bids).toHaveLength(1);
    expect(bids[0]).toMatchObject({ price: '13800000.00', client_bid_id: 'sim-0' });
    expect(['027', '031', '046']).toContain(bids[0]!.bidder_number);
    const [driver] = (await t.dataSource.query(`SELECT step, listing_quotes, next_at > clock_timestamp() + interval '3 seconds' AS paused FROM simulated_lot WHERE lot_id = $1`, [live.lotId])) as unknown[];
    expect(driver).toEqual({ step: 1, listing_quotes: 1, paused: true });
  });
});
