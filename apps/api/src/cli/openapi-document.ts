/**
 * The OpenAPI document of the API, built in-process without a database or a listening port: Nest's
 * preview mode scans the modules and controllers without instantiating any provider, which is all the
 * Swagger scanner needs. `npm run web:api` turns it into apps/web/src/api/schema.d.ts.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../app.module';
import { apiDocument, API_PREFIX } from '../bootstrap';
import { loadConfig } from '../config/app-config';
import type { RuntimeConfig } from '../config/runtime-config';

export async function buildOpenApiDocument(): Promise<OpenAPIObject> {
  const config: RuntimeConfig = {
    ...loadConfig({ LOG_LEVEL: 'silent', DEMO: 'off', SOCKET_ADAPTER: 'none' }),
    // Never used: no provider is instantiated in preview mode.
    databaseUrl: 'postgres://preview@127.0.0.1:1/preview',
    jwtSecret: 'preview-only-secret-never-used-0123456789',
    reserveKey: Buffer.alloc(32),
    bankNoticeSecret: 'preview-only-secret-never-used-0123456789',
    embeddedDatabase: false,
  };
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { preview: true, logger: false, abortOnError: false });
  try {
    app.setGlobalPrefix(API_PREFIX);
    return apiDocument(app);
  } finally {
    await app.close();
  }
}
