export * from './data-source-options';
export * from './database-admin';
export * from './database.module';
export * from './embedded-postgres';
export * from './migrate';
export * from './snake-naming.strategy';
export * from './transaction-runner';
