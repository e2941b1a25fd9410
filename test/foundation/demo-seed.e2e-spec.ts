import { UsersService } from '@app/auth';
import { AuctionClock } from '@app/bidding';
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

  it('the live demo lot opens its listing board on the clock, with bidder1 and three simulated bidders qualified', async () => {
    const [lot] = (await t.dataSource.query(`SELECT id FROM lot WHERE lot_number = 'SG-DEMO-L03'`)) as Array<{ id: string }>;
    await t.app.get(AuctionClock).runOnce();
    const snap = await t.http().get(`/api/public/lots/${lot.id}/trading`).expect(200);
    expect(snap.body).toMatchObject({ phase: 'listing', minimumNextPrice: '13800000.00' });
    expect(new Date(snap.body.deadline).getTime() - Date.now()).toBeLessThan(80_000);
    const apps = (await t.dataSource.query(`SELECT bidder_number FROM application WHERE lot_id = $1 AND status = 'qualified' ORDER BY bidder_number`, [lot.id])) as Array<{ bidder_number: string }>;
    expect(apps.map((a) => a.bidder_number)).toEqual(['018', '027', '031', '046']);
  });
});
