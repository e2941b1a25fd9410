export * from './application/ledger.service';
export * from './application/reconciliation-sources';
export * from './domain';
export * from './ledger.module';
