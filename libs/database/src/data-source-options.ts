import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { DatabaseLogger } from './typeorm-logger';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityList = MixedList<Function | string | EntitySchema>;
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type MigrationList = MixedList<Function | string>;

/** The one place that says how we talk to PostgreSQL. The schema changes only through migrations. */
export function buildDataSourceOptions(input: {
  url: string;
  entities?: EntityList;
  migrations?: MigrationList;
  poolSize?: number;
  applicationName?: string;
}): DataSourceOptions {
  return {
    type: 'postgres',
    url: input.url,
    entities: input.entities ?? [],
    migrations: input.migrations ?? [],
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: ['error', 'warn'],
    logger: new DatabaseLogger(),
    maxQueryExecutionTime: 2000,
    namingStrategy: new SnakeNamingStrategy(),
    applicationName: input.applicationName ?? 'land-platform',
    poolSize: input.poolSize ?? 20,
    extra: { connectionTimeoutMillis: 10_000 },
  };
}
