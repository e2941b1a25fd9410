import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ExpectedItem, ExpectedKind } from '../domain/reconciliation';
import type { StatementLine } from '../domain/bank-statement';

/**
 * Where the items a bank statement is reconciled against come from. The ledger does not know the
 * business records behind them; each context that expects money to move registers a source:
 * qualification (deposits on virtual sub-accounts), settlement (installments, penalties, refunds) and
 * the ledger itself (treasury remittances). `settle` records what a matched line means (a premium
 * payment, a refund paid …) in the importing transaction; it must be idempotent by the line's txnId.
 */
export interface ReconciliationSource {
  readonly kind: ExpectedKind;
  /** The items still expected (not yet matched to a bank line). Ids must be unique across sources: prefix them with the kind. */
  expected(em: EntityManager): Promise<ExpectedItem[]>;
  /** A statement line matched `item` (automatically or by finance's hand). */
  settle(em: EntityManager, item: ExpectedItem, line: StatementLine): Promise<void>;
}

@Injectable()
export class ReconciliationSources {
  private readonly sources = new Map<ExpectedKind, ReconciliationSource>();

  register(source: ReconciliationSource): void {
    this.sources.set(source.kind, source);
  }

  all(): ReconciliationSource[] {
    return [...this.sources.values()];
  }

  of(kind: ExpectedKind): ReconciliationSource | undefined {
    return this.sources.get(kind);
  }
}
