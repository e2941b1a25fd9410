import { Role } from '@app/auth';
import { SettlementSettingsProvider } from '@app/settlement/application/settlement-settings.provider';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The region's payment plan (`settlement.installments`) is a list of installments: any number of them,
 * whose shares add up to exactly 1 and whose months increase. An administrator sets it through the
 * settings API, where the settlement rules check it before it is stored.
 */
describe('the payment plan setting', () => {
  let t: TestApp;
  let admin: string;
  const put = (value: unknown) => t.http().put('/api/settings/settlement.installments').set('authorization', `Bearer ${admin}`).send({ value, reason: '本地区分三期缴纳' });
  const stored = async () => (await t.dataSource.query(`SELECT value FROM platform_setting WHERE key = 'settlement.installments'`)) as Array<{ value: unknown }>;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.tokenFor([Role.Admin]);
  });
  afterAll(() => t.close());

  it('takes a plan of three installments and settlement uses it', async () => {
    const plan = [
      { share: '0.3000', withinMonths: 1 },
      { share: '0.3000', withinMonths: 6 },
      { share: '0.4000', withinMonths: 12 },
    ];
    await put(plan).expect(200);
    expect((await t.app.get(SettlementSettingsProvider).get()).installments).toEqual(plan);
  });

  it.each<[string, unknown, string]>([
    ['shares that do not add up to 1', [{ share: '0.5000', withinMonths: 1 }, { share: '0.4000', withinMonths: 12 }], 'settings.installments'],
    ['months that do not increase', [{ share: '0.5000', withinMonths: 6 }, { share: '0.5000', withinMonths: 6 }], 'settings.installments[1].withinMonths'],
    ['a share with five places', [{ share: '0.50001', withinMonths: 1 }, { share: '0.49999', withinMonths: 12 }], 'settings.installments[0].share'],
    ['an object instead of a list', { share: '1.0000', withinMonths: 1 }, 'value'],
  ])('refuses %s, naming the field, and stores nothing', async (_what, value, field) => {
    const before = await stored();
    const res = await put(value).expect(400);
    expect(JSON.stringify(res.body)).toContain(field);
    expect(await stored()).toEqual(before);
  });
});
