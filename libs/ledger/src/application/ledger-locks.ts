import type { EntityManager } from 'typeorm';

/**
 * Transaction-level advisory locks of the ledger context (released at commit or rollback).
 *
 * - RECONCILIATION serializes statement imports and manual resolutions: each reads the items still
 *   expected, decides, and records the match; two of them at once could match one item twice, or let
 *   two overlapping statements race on the same bank transaction id.
 * - REMITTANCE serializes treasury remittances: each reads what is still to remit and posts against it.
 */
export const LEDGER_LOCK = Object.freeze({
  RECONCILIATION: 7_300_601,
  REMITTANCE: 7_300_602,
} as const);

export async function lockLedger(em: EntityManager, key: (typeof LEDGER_LOCK)[keyof typeof LEDGER_LOCK]): Promise<void> {
  await em.query('SELECT pg_advisory_xact_lock($1)', [key]);
}
