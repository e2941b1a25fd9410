import { Global, Module } from '@nestjs/common';
import { LandSalesReportService } from './application/land-sales-report.service';
import { LedgerBookService } from './application/ledger-book.service';
import { LedgerService } from './application/ledger.service';
import { ReconciliationSources } from './application/reconciliation-sources';
import { StatementImportService } from './application/statement-import.service';
import { TreasuryService } from './application/treasury.service';
import { BankStatementsController } from './http/bank-statements.controller';
import { LedgerController } from './http/ledger.controller';
import { ReportsController } from './http/reports.controller';
import { TreasuryController } from './http/treasury.controller';

/**
 * The revenue ledger. Global: every context that records money posts through LedgerService and
 * registers what it expects on bank statements with ReconciliationSources. Also here: bank statement
 * import and reconciliation, treasury remittances (which register the `remittance` source), ledger
 * reads and reversals, and the land sales reports.
 */
@Global()
@Module({
  controllers: [BankStatementsController, LedgerController, TreasuryController, ReportsController],
  providers: [LedgerService, ReconciliationSources, StatementImportService, TreasuryService, LedgerBookService, LandSalesReportService],
  exports: [LedgerService, ReconciliationSources, StatementImportService, TreasuryService, LedgerBookService, LandSalesReportService],
})
export class LedgerModule {}
