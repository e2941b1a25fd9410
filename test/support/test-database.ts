import { createDatabase, dropDatabase, withDatabase } from '@app/database';

let counter = 0;

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh database with every migration applied, cloned from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  const template = process.env.TEST_PG_TEMPLATE;
  if (!adminUrl || !template) throw new Error('the Jest globalSetup did not run (TEST_PG_ADMIN_URL is unset)');
  const name = `${template}_${process.env.JEST_WORKER_ID ?? '0'}_${process.pid}_${++counter}`;
  await createDatabase(adminUrl, name, template);
  return { url: withDatabase(adminUrl, name), name, drop: () => dropDatabase(adminUrl, name) };
}
