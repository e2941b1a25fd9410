import './register-paths';
import { dropDatabase } from '@app/database';
import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  const template = process.env.TEST_PG_TEMPLATE;
  if (adminUrl && template) {
    if (globalThis.__EMBEDDED_PG__) {
      await globalThis.__EMBEDDED_PG__.stop();
      return;
    }
    // On a shared server, remove this run's databases.
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${template}%`]);
    await client.end();
    for (const row of rows.reverse()) await dropDatabase(adminUrl, row.datname);
  }
}
