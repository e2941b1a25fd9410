import type { AppConfig } from './app-config';

/** The validated settings plus what start-up resolved: the database actually used and the JWT secret. */
export interface RuntimeConfig extends AppConfig {
  databaseUrl: string;
  jwtSecret: string;
  reserveKey: Buffer;
  bankNoticeSecret: string;
  /** True when the platform started its own embedded PostgreSQL. */
  embeddedDatabase: boolean;
}
