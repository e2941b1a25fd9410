import { Global, Module } from '@nestjs/common';
import { LedgerService } from './application/ledger.service';
import { ReconciliationSources } from './application/reconciliation-sources';

/** The revenue ledger. Global: every context that records money posts through LedgerService. */
@Global()
@Module({
  providers: [LedgerService, ReconciliationSources],
  exports: [LedgerService, ReconciliationSources],
})
export class LedgerModule {}
