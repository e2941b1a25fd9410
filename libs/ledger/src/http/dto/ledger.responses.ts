import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { EntryView } from '../../application/ledger-book.service';
import { LINE_STATUSES, type ExpectedItemView, type LineStatus, type StatementLineView, type StatementView, type StoredSuggestion } from '../../application/statement-import.service';
import type { RemittanceView } from '../../application/treasury.service';
import type { MatchRule } from '../../domain/reconciliation';
import { SOURCE_TYPES } from '../../domain/journal';

// Responses of the bank statement, ledger and treasury routes (StatementImportService, LedgerBookService,
// TreasuryService), for the OpenAPI document the web client is generated from. Amounts are decimal strings.

const MATCH_RULES = ['sub_account', 'reference'];
const ENCODINGS = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'];
const ACCOUNT_KINDS = ['asset', 'liability', 'revenue', 'clearing'];
const NORMAL_SIDES = ['debit', 'credit'];

/** An item the platform expects money for (or to pay out), as reconciliation shows it. */
export class ExpectedItemViewDto implements ExpectedItemView {
  @ApiProperty({ example: 'deposit:3f0c2a9b-…' }) id: string;
  @ApiProperty({ example: 'deposit', description: 'deposit, installment, penalty, refund, remittance…' }) kind: string;
  @ApiProperty({ example: '2000000.00' }) amount: string;
  @ApiPropertyOptional({ example: '955880123456789015', description: 'the virtual sub-account (虚拟子账号) it is paid into' }) subAccount?: string;
  @ApiPropertyOptional({ example: 'TK3F0C2A9B1D4E' }) reference?: string;
  @ApiPropertyOptional({ format: 'date', example: '2027-03-09' }) dueDate?: string;
  @ApiPropertyOptional({ enum: [true], description: 'already booked: a line matching it only confirms it' }) recorded?: true;
}

/** A suggestion for an unmatched line, or the candidate of a partial one. */
export class StoredSuggestionDto extends ExpectedItemViewDto implements StoredSuggestion {
  @ApiProperty({ type: [String], example: ['amount', 'reference'] }) reasons: string[];
  @ApiPropertyOptional({ type: 'number', example: 0.85, description: '0–1, two decimals' }) similarity?: number;
  @ApiPropertyOptional({ type: 'integer' }) daysFromDue?: number;
  @ApiPropertyOptional({ enum: [true], description: 'the candidate of a partial line' }) partial?: true;
  @ApiPropertyOptional({ enum: MATCH_RULES }) rule?: MatchRule;
  @ApiPropertyOptional({ example: '-100.00', description: 'line − expected, on a partial candidate' }) difference?: string;
}

export class StatementLineViewDto implements StatementLineView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) statementId: string;
  @ApiProperty({ type: 'integer' }) lineNo: number;
  @ApiProperty({ example: 'TX20261116001' }) txnId: string;
  @ApiProperty({ type: String, format: 'date-time' }) bookedAt: Date;
  @ApiProperty({ format: 'date', example: '2026-11-16', description: 'Shanghai calendar date of bookedAt' }) date: string;
  @ApiProperty({ enum: ['credit', 'debit'], description: 'credit = money in, debit = money out' }) direction: StatementLineView['direction'];
  @ApiProperty({ example: '2000000.00', description: 'positive; the sign is in direction' }) amount: string;
  @ApiProperty({ type: String, nullable: true }) counterpartyName: string | null;
  @ApiProperty({ type: String, nullable: true }) counterpartyAccount: string | null;
  @ApiProperty({ type: String, nullable: true }) subAccount: string | null;
  @ApiProperty({ type: String, nullable: true }) reference: string | null;
  @ApiProperty({ enum: LINE_STATUSES }) status: LineStatus;
  @ApiProperty({ type: String, nullable: true }) matchedKind: string | null;
  @ApiProperty({ type: String, nullable: true }) matchedId: string | null;
  @ApiProperty({ type: String, nullable: true, example: '-100.00', description: 'line − expected' }) difference: string | null;
  @ApiProperty({ type: [StoredSuggestionDto] }) suggestions: StoredSuggestionDto[];
  @ApiProperty({ type: String, nullable: true }) resolutionReason: string | null;
  @ApiProperty({ type: String, nullable: true }) resolvedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt: Date | null;
}

/** Lines of a statement by status. */
export class LineStatusCountsDto {
  @ApiProperty({ type: 'integer' }) matched: number;
  @ApiProperty({ type: 'integer' }) partial: number;
  @ApiProperty({ type: 'integer' }) unmatched: number;
  @ApiProperty({ type: 'integer' }) resolved: number;
  @ApiProperty({ type: 'integer' }) ignored: number;
}

class ImportCountsDto {
  @ApiProperty({ type: 'integer', description: 'transaction lines in the file' }) lines: number;
  @ApiProperty({ type: 'integer' }) stored: number;
  @ApiProperty({ type: 'integer' }) skipped: number;
  @ApiProperty({ type: 'integer' }) matched: number;
  @ApiProperty({ type: 'integer' }) partial: number;
  @ApiProperty({ type: 'integer' }) unmatched: number;
  @ApiProperty({ type: 'integer', description: 'expected items left without a line' }) outstanding: number;
}

class MatchedLineDto {
  @ApiProperty({ type: StatementLineViewDto }) line: StatementLineViewDto;
  @ApiProperty({ type: ExpectedItemViewDto }) item: ExpectedItemViewDto;
  @ApiProperty({ enum: MATCH_RULES }) rule: string;
}

class PartialLineDto extends MatchedLineDto {
  @ApiProperty({ example: '-100.00' }) difference: string;
}

class UnmatchedLineDto {
  @ApiProperty({ type: StatementLineViewDto }) line: StatementLineViewDto;
  @ApiProperty({ type: [StoredSuggestionDto] }) suggestions: StoredSuggestionDto[];
}

class SkippedLineDto {
  @ApiProperty({ type: 'integer', description: 'physical line of the file' }) line: number;
  @ApiProperty() txnId: string;
  @ApiProperty({ format: 'uuid', description: 'the statement that already holds it' }) statementId: string;
  @ApiProperty({ description: 'the stored line differs in amount, direction or time' }) conflicting: boolean;
}

/** 201: the statement was imported and reconciled. */
export class StatementImportReportDto {
  @ApiProperty({ enum: [false] }) duplicate: false;
  @ApiProperty({ format: 'uuid' }) statementId: string;
  @ApiProperty() filename: string;
  @ApiProperty() fingerprint: string;
  @ApiProperty({ enum: ENCODINGS }) encoding: string;
  @ApiProperty({ type: String, format: 'date-time' }) importedAt: Date;
  @ApiProperty({ type: ImportCountsDto }) counts: ImportCountsDto;
  @ApiProperty({ type: [MatchedLineDto] }) matched: MatchedLineDto[];
  @ApiProperty({ type: [PartialLineDto] }) partial: PartialLineDto[];
  @ApiProperty({ type: [UnmatchedLineDto] }) unmatched: UnmatchedLineDto[];
  @ApiProperty({ type: [SkippedLineDto] }) skipped: SkippedLineDto[];
  @ApiProperty({ type: [ExpectedItemViewDto] }) outstanding: ExpectedItemViewDto[];
}

/** 200: the same statement was imported before; nothing changed. */
export class DuplicateStatementReportDto {
  @ApiProperty({ enum: [true] }) duplicate: true;
  @ApiProperty({ format: 'uuid' }) statementId: string;
  @ApiProperty({ description: 'the file name of the first import' }) filename: string;
  @ApiProperty() fingerprint: string;
  @ApiProperty({ type: String, format: 'date-time' }) importedAt: Date;
  @ApiProperty() message: string;
  @ApiProperty({ type: LineStatusCountsDto }) counts: LineStatusCountsDto;
}

export class StatementViewDto implements StatementView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() filename: string;
  @ApiProperty() fingerprint: string;
  @ApiProperty({ enum: ENCODINGS }) encoding: string;
  @ApiProperty({ type: 'integer' }) lineCount: number;
  @ApiProperty({ type: 'integer' }) storedLines: number;
  @ApiProperty({ type: String, format: 'date-time' }) importedAt: Date;
  @ApiProperty({ type: String, nullable: true }) importedBy: string | null;
  @ApiProperty({ type: LineStatusCountsDto }) counts: LineStatusCountsDto;
}

export class StatementDetailDto extends StatementViewDto {
  @ApiProperty({ type: [StatementLineViewDto] }) lines: StatementLineViewDto[];
}

export class StatementPageDto {
  @ApiProperty({ type: [StatementViewDto] }) items: StatementViewDto[];
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer' }) page: number;
  @ApiProperty({ type: 'integer' }) pageSize: number;
}

export class StatementLinePageDto {
  @ApiProperty({ type: [StatementLineViewDto] }) items: StatementLineViewDto[];
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer' }) page: number;
  @ApiProperty({ type: 'integer' }) pageSize: number;
}

class TrialBalanceRowDto {
  @ApiProperty({ example: '1002' }) accountCode: string;
  @ApiProperty({ example: '银行存款' }) nameZh: string;
  @ApiProperty({ example: 'Bank' }) nameEn: string;
  @ApiProperty({ enum: ACCOUNT_KINDS }) kind: string;
  @ApiProperty({ enum: NORMAL_SIDES }) normalSide: string;
  @ApiProperty({ type: String, nullable: true, description: 'null on a row summing every subject' }) subject: string | null;
  @ApiProperty({ example: '2000000.00' }) debitTotal: string;
  @ApiProperty({ example: '0.00' }) creditTotal: string;
  @ApiProperty({ example: '2000000.00', description: 'on the account’s normal side' }) balance: string;
}

class DebitCreditTotalsDto {
  @ApiProperty({ example: '2000000.00' }) debits: string;
  @ApiProperty({ example: '2000000.00' }) credits: string;
}

export class TrialBalanceDto {
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2026-12-31' }) asOf: string | null;
  @ApiProperty() bySubject: boolean;
  @ApiProperty({ type: [TrialBalanceRowDto] }) rows: TrialBalanceRowDto[];
  @ApiProperty({ type: DebitCreditTotalsDto }) totals: DebitCreditTotalsDto;
  @ApiProperty({ description: 'debits equal credits exactly' }) balanced: boolean;
}

class EntryLineViewDto {
  @ApiProperty({ type: 'integer' }) lineNo: number;
  @ApiProperty({ example: '1002' }) accountCode: string;
  @ApiProperty({ example: '银行存款' }) accountName: string;
  @ApiProperty({ type: String, nullable: true }) subject: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2000000.00' }) debit: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2000000.00' }) credit: string | null;
}

class EntrySourceDto {
  @ApiProperty({ enum: SOURCE_TYPES }) type: string;
  @ApiProperty() id: string;
}

class EntryReversalOfDto {
  @ApiProperty({ enum: SOURCE_TYPES }) type: string;
  @ApiProperty() id: string;
  @ApiProperty() reason: string;
}

export class EntryViewDto implements EntryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date', example: '2026-11-16' }) date: string;
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt: Date;
  @ApiProperty() description: string;
  @ApiProperty({ type: EntrySourceDto }) source: EntrySourceDto;
  @ApiProperty({ type: EntryReversalOfDto, nullable: true, description: 'on a reversing entry: the entry it cancels and why' }) reversalOf: EntryReversalOfDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) reversedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) postedAt: Date;
  @ApiProperty({ type: String, nullable: true }) postedBy: string | null;
  @ApiProperty({ type: [EntryLineViewDto] }) lines: EntryLineViewDto[];
}

export class EntryPageDto {
  @ApiProperty({ type: [EntryViewDto] }) items: EntryViewDto[];
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer' }) page: number;
  @ApiProperty({ type: 'integer' }) pageSize: number;
}

export class AccountBalanceDto {
  @ApiProperty({ example: '2241' }) accountCode: string;
  @ApiProperty({ example: '竞买保证金' }) nameZh: string;
  @ApiProperty({ example: 'Bid deposits' }) nameEn: string;
  @ApiProperty({ enum: NORMAL_SIDES }) normalSide: string;
  @ApiProperty({ type: String, nullable: true }) subject: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2026-12-31' }) asOf: string | null;
  @ApiProperty({ example: '0.00' }) debitTotal: string;
  @ApiProperty({ example: '2000000.00' }) creditTotal: string;
  @ApiProperty({ example: '2000000.00' }) balance: string;
}

class ReconciledWithDto {
  @ApiProperty({ format: 'uuid' }) lineId: string;
  @ApiProperty() txnId: string;
  @ApiProperty({ format: 'uuid' }) statementId: string;
}

export class RemittanceViewDto implements RemittanceView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date', example: '2025-11-03' }) remittedOn: string;
  @ApiProperty({ example: '缴库-2025-0107' }) treasuryReference: string;
  @ApiProperty({ example: '12500000.00' }) landPremium: string;
  @ApiProperty({ example: '0.00' }) penalties: string;
  @ApiProperty({ example: '0.00' }) forfeitures: string;
  @ApiProperty({ example: '12500000.00' }) amount: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the journal entry (Dr 4901 / Cr 1002)' }) entryId: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, nullable: true }) createdBy: string | null;
  @ApiProperty({ type: ReconciledWithDto, nullable: true, description: 'the bank line of the payout, once reconciled' }) reconciledWith: ReconciledWithDto | null;
}

/** 201 when recorded, 200 (duplicate: true) when the same remittance was recorded before. */
export class RemittanceResultDto extends RemittanceViewDto {
  @ApiProperty() duplicate: boolean;
}

export class RemittancePageDto {
  @ApiProperty({ type: [RemittanceViewDto] }) items: RemittanceViewDto[];
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer' }) page: number;
  @ApiProperty({ type: 'integer' }) pageSize: number;
}

class UnremittedAccountDto {
  @ApiProperty({ example: '4101' }) code: string;
  @ApiProperty({ enum: ['landPremium', 'penalties', 'forfeitures'] }) part: string;
  @ApiProperty({ example: '土地出让收入' }) nameZh: string;
  @ApiProperty({ example: 'Land premium revenue' }) nameEn: string;
  @ApiProperty({ example: '12500000.00' }) revenue: string;
  @ApiProperty({ example: '0.00' }) remitted: string;
  @ApiProperty({ example: '12500000.00' }) unremitted: string;
  @ApiProperty({ example: '0.00', description: 'still owed by land users' }) receivable: string;
  @ApiProperty({ example: '12500000.00', description: 'collected and not yet remitted' }) remittable: string;
}

class UnremittedTotalsDto {
  @ApiProperty({ example: '12500000.00' }) revenue: string;
  @ApiProperty({ example: '0.00' }) remitted: string;
  @ApiProperty({ example: '12500000.00' }) unremitted: string;
  @ApiProperty({ example: '0.00' }) receivable: string;
  @ApiProperty({ example: '12500000.00' }) remittable: string;
}

export class UnremittedDto {
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2026-12-31' }) asOf: string | null;
  @ApiProperty({ type: [UnremittedAccountDto] }) accounts: UnremittedAccountDto[];
  @ApiProperty({ type: UnremittedTotalsDto }) totals: UnremittedTotalsDto;
}
