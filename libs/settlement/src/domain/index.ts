/**
 * The pure settlement domain (DOMAIN.md §7): settings, deadlines, the payment schedule, late-payment
 * penalties and defaults, the disposition of deposits, and the content of the transaction confirmation.
 * No Nest, no TypeORM, no I/O (node:crypto only, for verification codes and document hashes).
 */
export * from './settlement-settings';
export * from './deadlines';
export * from './payment-schedule';
export * from './penalty';
export * from './refunds';
export * from './confirmation';
export * from './verification-code';
