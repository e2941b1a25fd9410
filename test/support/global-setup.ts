import './register-paths';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  buildDataSourceOptions,
  createDatabase,
  dropDatabase,
  runMigrations,
  startEmbeddedPostgres,
  withDatabase,
  type RunningPostgres,
} from '@app/database';
import { MIGRATIONS } from '../../migrations';

declare global {
  var __EMBEDDED_PG__: RunningPostgres | undefined;
}

/**
 * One PostgreSQL for the whole run: the machine's (DATABASE_URL) or a throwaway embedded one. The
 * migrations are applied once to a template database; every test file clones it (CREATE DATABASE …
 * TEMPLATE) so files start clean in milliseconds and run in parallel.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl: string;
  const given = process.env.DATABASE_URL;
  if (given) {
    adminUrl = withDatabase(given, 'postgres');
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), 'land-test-pg-'));
    const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port: 0, password: 'test', persistent: false });
    globalThis.__EMBEDDED_PG__ = pg;
    adminUrl = pg.url;
  }
  const template = `land_tpl_${process.pid}`;
  await dropDatabase(adminUrl, template);
  await createDatabase(adminUrl, template);
  await runMigrations(buildDataSourceOptions({ url: withDatabase(adminUrl, template), migrations: MIGRATIONS }));
  // Inherited by the test workers.
  process.env.TEST_PG_ADMIN_URL = adminUrl;
  process.env.TEST_PG_TEMPLATE = template;
}
