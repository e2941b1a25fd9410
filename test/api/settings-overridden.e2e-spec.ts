import { Role } from '@app/auth';
import { createTestApp, type TestApp } from '../support/test-app';

interface SettingRow {
  key: string;
  value: unknown;
  default: unknown;
  overridden: boolean;
}

describe('GET /api/settings: overridden means "differs from the default"', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.tokenFor([Role.Admin]);
  });
  afterAll(() => t.close());

  const setting = async (key: string): Promise<SettingRow> => {
    const res = await t.http().get('/api/settings').expect(200);
    return (res.body as SettingRow[]).find((s) => s.key === key)!;
  };
  const put = (key: string, value: unknown) =>
    t.http().put(`/api/settings/${key}`).set('authorization', `Bearer ${admin}`).send({ value, reason: 'hardening test' }).expect(200);

  it('reports a value set back to its default as not overridden, and keeps both changes in the audit trail', async () => {
    expect(await setting('listing.minListingDays')).toMatchObject({ value: 10, overridden: false });
    await put('listing.minListingDays', 12);
    expect(await setting('listing.minListingDays')).toMatchObject({ value: 12, overridden: true });
    await put('listing.minListingDays', 10);
    expect(await setting('listing.minListingDays')).toMatchObject({ value: 10, overridden: false });
    const audit = (await t.dataSource.query(
      `SELECT before, after FROM audit_event WHERE entity_type = 'setting' AND entity_id = 'listing.minListingDays' ORDER BY id`,
    )) as Array<{ before: unknown; after: unknown }>;
    expect(audit).toEqual([
      { before: { value: 10 }, after: { value: 12 } },
      { before: { value: 12 }, after: { value: 10 } },
    ]);
  });

  it('treats a decimal with other trailing zeros and an object with its keys reordered as the default', async () => {
    await put('listing.minDepositRatio', '0.3000');
    expect(await setting('listing.minDepositRatio')).toMatchObject({ overridden: true });
    await put('listing.minDepositRatio', '0.20');
    expect(await setting('listing.minDepositRatio')).toMatchObject({ value: '0.20', overridden: false });

    const tenure = (await setting('reserve.tenureYears')).default as Record<string, number>;
    const reordered = Object.fromEntries(Object.entries(tenure).reverse());
    await put('reserve.tenureYears', { ...reordered, residential: 60 });
    expect(await setting('reserve.tenureYears')).toMatchObject({ overridden: true });
    await put('reserve.tenureYears', reordered);
    expect(await setting('reserve.tenureYears')).toMatchObject({ overridden: false });
  });
});
