/**
 * Table exports of the ledger context (reports, reconciliation, trial balance): CSV for Excel and
 * machines, XLSX with exact amounts. Pure functions of their input (no I/O besides building bytes).
 */
export * from './cells';
export * from './csv';
export * from './xlsx';
