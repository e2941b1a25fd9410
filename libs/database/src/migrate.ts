import { DataSource, type DataSourceOptions, type Migration } from 'typeorm';

// Any constant: every instance that starts at once takes the same advisory lock, so exactly one
// applies pending migrations and the others wait, then find nothing left to do.
const MIGRATION_LOCK_KEY = 7_301_001;

/** Apply every pending migration, serialized across instances by a PostgreSQL advisory lock. */
export async function runMigrations(options: DataSourceOptions): Promise<Migration[]> {
  const dataSource = new DataSource({ ...options, poolSize: 2 } as DataSourceOptions);
  await dataSource.initialize();
  try {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      try {
        return await dataSource.runMigrations({ transaction: 'each' });
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  } finally {
    await dataSource.destroy();
  }
}
