import { UsersService } from '@app/auth';
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
    expect(await seedDemoSale(t.app)).toBe(true);
    expect(await seedDemoSale(t.app)).toBe(false);

    const announcements = await t.http().get('/api/public/announcements').expect(200);
    expect(announcements.body.items).toHaveLength(1);
    const detail = await t.http().get(announcements.body.items[0].url).expect(200);
    expect(detail.body.title).toContain('演示');
    expect(detail.body.lots.map((l: { method: string; phase: string }) => [l.method, l.phase])).toEqual([
      ['listing', 'published'],
      ['auction', 'published'],
    ]);
    expect(detail.body.lots[0].reserve).toMatchObject({ hasReserve: true, sealed: true });
    const parcels: Array<{ state: string; n: string }> = await t.dataSource.query(`SELECT state, count(*) AS n FROM parcel GROUP BY state ORDER BY state`);
    expect(parcels).toEqual([
      { state: 'acquired', n: '2' },
      { state: 'developing', n: '1' },
      { state: 'in_reserve', n: '2' },
      { state: 'listed', n: '2' },
    ]);
  });
});
