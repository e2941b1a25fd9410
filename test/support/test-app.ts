import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { UsersService } from '@app/auth';
import { createApp } from '../../apps/api/src/bootstrap';
import { loadConfig } from '../../apps/api/src/config/app-config';
import type { RuntimeConfig } from '../../apps/api/src/config/runtime-config';
import { createTestDatabase, type TestDatabase } from './test-database';

export const TEST_PASSWORD = 'Test-password-123';
export const TEST_RESERVE_KEY_HEX = '7e'.repeat(32);
export const TEST_BANK_SECRET = 'test-bank-secret-0123456789abcdefghij';

export interface TestApp {
  app: NestExpressApplication;
  db: TestDatabase;
  dataSource: DataSource;
  config: RuntimeConfig;
  http(): ReturnType<typeof request>;
  /** Creates an account with the given roles and returns a bearer token for it. */
  tokenFor(roles: string[], username?: string): Promise<string>;
  close(): Promise<void>;
}

let userCounter = 0;

/** The configuration every test instance runs with (also used by child-process instances). */
export function testRuntimeConfig(env: Record<string, string>, databaseUrl: string, dataDir: string): RuntimeConfig {
  // Live trading's clock, settlement, the notification outbox, the practice cleanup and the cross-instance socket adapter are off unless a test turns them on.
  const appConfig = loadConfig({
    LOG_LEVEL: 'silent',
    DEMO: 'off',
    PORT: '0',
    DATA_DIR: dataDir,
    SOCKET_ADAPTER: 'none',
    CLOCK_INTERVAL_MS: '0',
    SETTLEMENT_INTERVAL_MS: '0',
    NOTIFY_DISPATCH_INTERVAL_MS: '0',
    PRACTICE_CLEANUP_INTERVAL_MS: '0',
    ...env,
  });
  return {
    ...appConfig,
    databaseUrl,
    jwtSecret: 'test-secret-that-is-long-enough-0123456789',
    reserveKey: Buffer.from(TEST_RESERVE_KEY_HEX, 'hex'),
    bankNoticeSecret: TEST_BANK_SECRET,
    embeddedDatabase: false,
    dbPoolSize: 5,
  };
}

/** The real application (same bootstrap as `npm start`) on a fresh, migrated database. */
export async function createTestApp(env: Record<string, string> = {}, options: { sameDatabaseAs?: TestApp } = {}): Promise<TestApp> {
  // A second instance on the same database (multi-instance tests) neither creates nor drops it.
  const shared = options.sameDatabaseAs?.db;
  const db: TestDatabase = shared ? { ...shared, drop: async () => undefined } : await createTestDatabase();
  // Uploaded documents go to a throwaway folder, not the project's .data.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'land-test-data-'));
  const config = testRuntimeConfig(env, db.url, dataDir);
  const app = await createApp(config);
  await app.init();
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const users = app.get(UsersService);
  return {
    app,
    db,
    dataSource,
    config,
    http: () => request(app.getHttpServer()),
    async tokenFor(roles, username) {
      const name = username ?? `u${process.pid}x${++userCounter}`;
      await users.create({ username: name, displayName: name, password: TEST_PASSWORD, roles });
      const res = await request(app.getHttpServer()).post('/api/auth/login').send({ username: name, password: TEST_PASSWORD });
      if (res.status !== 200) throw new Error(`login failed for ${name}: ${res.status} ${JSON.stringify(res.body)}`);
      return (res.body as { accessToken: string }).accessToken;
    },
    async close() {
      await app.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
