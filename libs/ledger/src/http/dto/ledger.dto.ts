import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsBase64Text, PageQueryDto } from '@app/common';
import { IsMoney } from '@app/money';
import { LINE_STATUSES, type LineStatus } from '../../application/statement-import.service';
import { SOURCE_TYPES, type SourceType } from '../../domain/journal';
import { REPORT_PERIODS, type ReportPeriod } from '../../domain/reports';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateMessage = (field: string) => ({ message: `${field} must be a date written YYYY-MM-DD` });
const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class ImportStatementDto {
  @ApiProperty({ example: '招商银行对账单-2026-11.csv' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  filename: string;

  @ApiProperty({
    description: 'The CSV file as base64 (at most 5 MiB of CSV). UTF-8 or GB18030, Chinese or English headers: see BANK_STATEMENT_FORMAT.md',
    example: '5Lqk5piT5rWB5rC05Y+3LOS6pOaYk+aXtumXtCzph5Hpop0s6Jma5ouf6LSm5Y+3LOmZhOiogApUWDIwMjYxMTE2MDAxLDIwMjYtMTEtMTYgMTA6MjM6NDUsMjAwMDAwMC4wMCw5NTU4ODAxMjM0NTY3ODkwMTUs56ue5Lmw5L+d6K+B6YeRCg==',
  })
  @IsBase64Text({ message: 'contentBase64 must be base64' })
  @MaxLength(7_000_000)
  contentBase64: string;
}

export class StatementLinesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: LINE_STATUSES, description: 'Default: the open lines (unmatched and partial)' })
  @IsOptional()
  @IsIn(LINE_STATUSES)
  status?: LineStatus;
}

export class ResolutionDto {
  @ApiProperty({ enum: ['match', 'ignore'] })
  @IsIn(['match', 'ignore'], { message: 'action must be "match" or "ignore"' })
  action: 'match' | 'ignore';

  @ApiPropertyOptional({ example: 'deposit:TX20251014001', description: 'With action=match: the id of an item still expected (see the line’s suggestions)' })
  @ValidateIf((o: ResolutionDto) => o.action === 'match')
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  itemId?: string;

  @ApiProperty({ example: '银行手续费，与出让收入无关' })
  @Transform(trim)
  @IsString()
  @MinLength(2, { message: 'reason must be at least 2 characters' })
  @MaxLength(500)
  reason: string;
}

export class RemittanceDto {
  @ApiProperty({ example: '2025-11-03', description: 'The day the money left the bank (the entry date)' })
  @Matches(ISO_DATE, dateMessage('remittedOn'))
  remittedOn: string;

  @ApiProperty({ example: '缴库-2025-0107', description: 'The treasury’s reference (国库缴款书号), quoted on the bank payout' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  treasuryReference: string;

  @ApiPropertyOptional({ example: '12500000.00', description: 'Land premium (4101); default, with no amount given: all that is remittable' })
  @IsOptional()
  @IsMoney()
  landPremium?: string;

  @ApiPropertyOptional({ example: '0.00', description: 'Late-payment penalties (4102)' })
  @IsOptional()
  @IsMoney()
  penalties?: string;

  @ApiPropertyOptional({ example: '0.00', description: 'Forfeited deposits (4103)' })
  @IsOptional()
  @IsMoney()
  forfeitures?: string;
}

export class AsOfQueryDto {
  @ApiPropertyOptional({ example: '2025-12-31', description: 'At the end of this Shanghai date (default: everything posted)' })
  @IsOptional()
  @Matches(ISO_DATE, dateMessage('asOf'))
  asOf?: string;
}

export class TrialBalanceQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'One row per subject (application, contract…) instead of per account' })
  @IsOptional()
  @IsIn(['true', 'false'])
  bySubject?: 'true' | 'false';

  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], description: 'csv (UTF-8 with BOM) or xlsx downloads the table with a 合计 row' })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'])
  format?: 'json' | 'csv' | 'xlsx';
}

export class AccountBalanceQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ description: 'One subject of the account (application id on 2241, contract id on 1221…); default: all' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  subject?: string;
}

export class EntriesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '2025-10-01' }) @IsOptional() @Matches(ISO_DATE, dateMessage('from')) from?: string;
  @ApiPropertyOptional({ example: '2025-10-31' }) @IsOptional() @Matches(ISO_DATE, dateMessage('to')) to?: string;
  @ApiPropertyOptional({ enum: SOURCE_TYPES }) @IsOptional() @IsIn(SOURCE_TYPES) sourceType?: SourceType;
}

export class ReversalDto {
  @ApiProperty({ example: '重复入账，冲销' })
  @Transform(trim)
  @IsString()
  @MinLength(2, { message: 'reason must be at least 2 characters' })
  @MaxLength(500)
  reason: string;
}

const BY = /^(district|landUse|method)(,(district|landUse|method)){0,2}$/;

export class PublicStatisticsQueryDto {
  @ApiPropertyOptional({ enum: REPORT_PERIODS, default: 'month' }) @IsOptional() @IsIn(REPORT_PERIODS) period?: ReportPeriod;
  @ApiPropertyOptional({ example: '2025-01-01', description: 'First date of closing included' }) @IsOptional() @Matches(ISO_DATE, dateMessage('from')) from?: string;
  @ApiPropertyOptional({ example: '2025-12-31', description: 'Last date of closing included; deposits held are counted at its end (default: today)' })
  @IsOptional()
  @Matches(ISO_DATE, dateMessage('to'))
  to?: string;
  @ApiPropertyOptional({ example: 'district,method', description: 'Group by one or more of district, landUse, method (comma-separated); default: by period only' })
  @IsOptional()
  @Matches(BY, { message: 'by must be one or more of district, landUse, method, comma-separated' })
  by?: string;
}

export class LandSalesQueryDto extends PublicStatisticsQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json' }) @IsOptional() @IsIn(['json', 'csv', 'xlsx']) format?: 'json' | 'csv' | 'xlsx';
}
