import 'reflect-metadata';
import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger as PinoLogger } from 'nestjs-pino';
import path from 'node:path';
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
import { createValidationPipe } from './http/validation';

/** Builds the Nest application with everything global: prefix, security headers, CORS, pipes, errors, docs. */
export async function createApp(config: RuntimeConfig): Promise<NestExpressApplication> {
  // rawBody: the bank's notices are authenticated by an HMAC over the exact bytes received.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true, rawBody: true });
  app.useLogger(app.get(PinoLogger));
  // The login limit is kept per client address (req.ip): behind a reverse proxy, believe its X-Forwarded-For only as configured.
  app.set('trust proxy', config.trustProxy);
  // The verification page printed on confirmations keeps a short address outside /api (libs/settlement).
  app.setGlobalPrefix('api', { exclude: UNPREFIXED_ROUTES });
  app.use(helmet({ contentSecurityPolicy: false }));
  app.enableCors({ origin: config.corsOrigins.length > 0 ? config.corsOrigins : false, credentials: true });
  app.useBodyParser('json', { limit: '8mb' });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  const io = new ClusterIoAdapter(app, { mode: config.socketAdapter, redisUrl: config.redisUrl, databaseUrl: config.databaseUrl, corsOrigins: config.corsOrigins });
  await io.connect();
  app.useWebSocketAdapter(io);
  setUpApiDocs(app);
  return app;
}

function setUpApiDocs(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('土地储备与招拍挂交易平台 API')
      .setDescription(
        'Land reserve and auction (招拍挂) transaction platform. Money, area and ratios are decimal strings. ' +
          'Errors are {code, message, field?, requestId}.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
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
    return {
      app,
      url,
      config,
      stop: async () => {
        await app.close();
        await db.embedded?.stop();
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
