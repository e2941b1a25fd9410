import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from '@app/audit';
import { AuthModule } from '@app/auth';
import { BiddingModule } from '@app/bidding';
import { CalendarModule } from '@app/calendar';
import { DatabaseModule } from '@app/database';
import { DisclosureModule } from '@app/disclosure';
import { LedgerModule } from '@app/ledger';
import { ListingModule } from '@app/listing';
import { QualificationModule } from '@app/qualification';
import path from 'node:path';
import { MoneyModule } from '@app/money';
import { NotificationModule } from '@app/notification';
import { PracticeModule } from '@app/practice';
import { ReserveModule } from '@app/reserve';
import { SettingsModule } from '@app/settings';
import { SettlementModule } from '@app/settlement';
import type { RuntimeConfig } from './config/runtime-config';
import { HealthController } from './health/health.controller';
import { loggerOptions } from './http/logger-options';
import { RequestContextMiddleware } from './http/request-context.middleware';
import { WEB_SETTINGS, WebConfigController } from './web/web-config.controller';

/** Composition only: which contexts make up the platform and how they are configured. */
@Module({})
export class AppModule implements NestModule {
  static forRoot(config: RuntimeConfig): DynamicModule {
    // One instance of the listing module, shared with the contexts that build on it.
    const listing = ListingModule.forRoot({ reserveKey: config.reserveKey });
    const qualification = QualificationModule.forRoot({
      listing,
      bankNoticeSecret: config.bankNoticeSecret,
      subAccountPrefix: config.bankSubAccountPrefix,
      bankSimulator: config.bankSimulator,
      fileStoreDir: path.resolve(config.dataDir, 'files'),
    });
    const bidding = BiddingModule.forRoot({
      listing,
      reserveKey: config.reserveKey,
      clockIntervalMs: config.clockIntervalMs,
      bidRatePerSecond: config.bidRatePerSecond,
      bidBurst: config.bidBurst,
      batchMax: config.bidBatchMax,
    });
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(loggerOptions(config.logLevel)),
        DatabaseModule.forRoot({ url: config.databaseUrl, poolSize: config.dbPoolSize }),
        AuditModule,
        AuthModule.forRoot({
          jwtSecret: config.jwtSecret,
          accessTtlSeconds: config.jwtAccessTtlSeconds,
          refreshTtlSeconds: config.jwtRefreshTtlSeconds,
          loginMaxFailures: config.loginMaxFailures,
          loginFailureWindowSeconds: config.loginFailureWindowSeconds,
          loginBackoffAfterFailures: config.loginBackoffAfterFailures,
          loginBackoffBaseSeconds: config.loginBackoffBaseSeconds,
          loginBackoffMaxSeconds: config.loginBackoffMaxSeconds,
        }),
        CalendarModule.forRoot({ timezone: config.timezone }),
        MoneyModule,
        SettingsModule,
        NotificationModule.forRoot(config.notify),
        LedgerModule,
        ReserveModule,
        DisclosureModule,
        listing,
        qualification,
        bidding,
        PracticeModule.forRoot({ listing, qualification, bidding, cleanupIntervalMs: config.practiceCleanupIntervalMs }),
        SettlementModule.forRoot({ qualification, publicBaseUrl: config.publicBaseUrl, transferor: config.transferorName, intervalMs: config.settlementIntervalMs }),
      ],
      controllers: [HealthController, WebConfigController],
      providers: [{ provide: WEB_SETTINGS, useValue: { tileUrl: config.webTileUrl ?? null } }],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*path');
  }
}
