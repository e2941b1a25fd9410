export * from './application/land-sales-report.service';
export * from './application/ledger-book.service';
export * from './application/ledger.service';
export * from './application/reconciliation-sources';
export * from './application/statement-import.service';
export * from './application/treasury.service';
export * from './domain';
export * from './ledger.module';
