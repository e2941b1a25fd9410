import { createTestApp, type TestApp } from '../support/test-app';

describe('schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('the entities match the schema the migrations build: nothing left for migration:generate', async () => {
    const sql = await t.dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('the migrations revert cleanly and apply again', async () => {
    const { DataSource } = await import('typeorm');
    const { buildDataSourceOptions } = await import('@app/database');
    const { MIGRATIONS } = await import('../../migrations');
    const ds = await new DataSource(buildDataSourceOptions({ url: t.db.url, migrations: MIGRATIONS })).initialize();
    try {
      for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration();
      const tables: unknown[] = await ds.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'audit_event'`);
      expect(tables).toHaveLength(0);
      expect(await ds.runMigrations()).toHaveLength(MIGRATIONS.length);
    } finally {
      await ds.destroy();
    }
  });
});
