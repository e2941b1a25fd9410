/**
 * The ledger context's pure domain: chart of accounts, journal entries and posting builders, trial
 * balance, bank statement import, reconciliation and sales statistics. No Nest, no TypeORM, no I/O
 * (node:crypto for fingerprints, iconv-lite for decoding GB18030).
 */
export * from './balances';
export * from './bank-statement';
export * from './chart-of-accounts';
export * from './csv';
export * from './journal';
export * from './labels';
export * from './reconciliation';
export * from './reports';
export * from './violations';
