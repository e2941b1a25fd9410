import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsArea, IsMoney, IsRatio } from '@app/money';
import { CAP_MODES, EVALUATION_METHODS, INCREMENT_POLICIES, PRICE_UNITS, REVIEW_MODES, TIMED_ROUND_ENTRIES, TIMED_ROUND_STARTS, TRADING_METHODS } from '../../domain/lot-terms';

const Instant = () => IsISO8601({ strict: true }, { message: ({ property }) => `${property} must be an ISO 8601 date-time with its offset, like 2026-12-21T09:00:00+08:00` });

export class TimedFinalRoundDto {
  @ApiProperty({ example: true }) @IsBoolean() enabled: boolean;
  @ApiProperty({ enum: TIMED_ROUND_ENTRIES }) @IsIn(TIMED_ROUND_ENTRIES) entry: string;
  @ApiProperty({ enum: TIMED_ROUND_STARTS }) @IsIn(TIMED_ROUND_STARTS) startAt: string;
  @ApiProperty({ example: 15 }) @IsInt() @Min(0) preparationGapMinutes: number;
  @ApiPropertyOptional({ example: 240 }) @IsOptional() @IsInt() countdownSeconds?: number;
  @ApiPropertyOptional({ type: 'integer', isArray: true, example: [60, 30, 10], description: 'Seconds before the deadline at which countdown:warning is sent, decreasing' }) @IsOptional() @IsArray() @IsInt({ each: true }) warningSeconds?: number[];
}

export class CapRuleDto {
  @ApiProperty({ enum: CAP_MODES }) @IsIn(CAP_MODES, { message: `mode must be one of ${CAP_MODES.join(', ')}` }) mode: string;
  @ApiPropertyOptional({ example: '1000.00', description: '竞配建 start area, ㎡' }) @IsOptional() @IsArea() startArea?: string;
  @ApiPropertyOptional({ example: '100.00' }) @IsOptional() @IsArea() areaStep?: string;
  @ApiPropertyOptional({ example: '0.0500', description: '竞自持 start share' }) @IsOptional() @IsRatio() startShare?: string;
  @ApiPropertyOptional({ example: '0.0100' }) @IsOptional() @IsRatio() shareStep?: string;
  @ApiPropertyOptional({ example: 30 }) @IsOptional() @IsInt() optInWindowMinutes?: number;
  @ApiPropertyOptional({ example: '12000000.00' }) @IsOptional() @IsMoney() guidePrice?: string;
  @ApiPropertyOptional({ example: '0.2500' }) @IsOptional() @IsRatio() bandLower?: string;
  @ApiPropertyOptional({ example: '0.5000' }) @IsOptional() @IsRatio() bandUpper?: string;
  @ApiPropertyOptional({ example: 60, description: 'Countdown of the cap round, seconds' }) @IsOptional() @IsInt() countdownSeconds?: number;
}

export class EvaluationDto {
  @ApiProperty({ enum: EVALUATION_METHODS }) @IsIn(EVALUATION_METHODS) method: string;
  @ApiPropertyOptional({ example: 5 }) @IsOptional() @IsInt() panelSize?: number;
}

export class EligibilityDto {
  @ApiProperty({ example: true }) @IsBoolean() jointBidsAllowed: boolean;
  @ApiProperty({ enum: REVIEW_MODES }) @IsIn(REVIEW_MODES, { message: `review must be one of ${REVIEW_MODES.join(', ')}` }) review: string;
  @ApiProperty({ example: '' }) @IsString() @MaxLength(4000) exclusions: string;
}

/** The schedule, as instants with their offset. Which fields apply depends on the method. */
export class ScheduleDto {
  @ApiProperty({ example: '2027-02-22T09:00:00+08:00' }) @Instant() applicationStart: string;
  @ApiProperty({ example: '2027-03-09T12:00:00+08:00', description: 'No later than the registration close' }) @Instant() applicationEnd: string;
  @ApiProperty({ example: '2027-03-09T12:00:00+08:00', description: 'No later than applicationEnd' }) @Instant() depositDeadline: string;
  @ApiPropertyOptional({ example: '2027-03-01T09:00:00+08:00', description: 'Listing (挂牌) only, and required for it: at least listing.leadTimeCalendarDays after publication' }) @IsOptional() @Instant() listingStart?: string;
  @ApiPropertyOptional({ example: '2027-03-12T15:00:00+08:00', description: 'Listing only, and required for it: at least listing.minListingDays (working) days after listingStart' }) @IsOptional() @Instant() listingEnd?: string;
  @ApiPropertyOptional({ description: 'Auction (拍卖) only, and required for it, e.g. 2027-03-15T10:00:00+08:00' }) @IsOptional() @Instant() auctionStart?: string;
  @ApiPropertyOptional({ description: 'Tender (招标) only, and required for it' }) @IsOptional() @Instant() tenderSubmissionStart?: string;
  @ApiPropertyOptional({ description: 'Tender only, and required for it' }) @IsOptional() @Instant() tenderSubmissionDeadline?: string;
  @ApiPropertyOptional({ description: 'Tender only, and required for it' }) @IsOptional() @Instant() tenderOpening?: string;
  @ApiPropertyOptional({ description: 'Lots with a reserve only. Default: 60 minutes before the listing end / auction start / submission deadline' }) @IsOptional() @Instant() reserveSealingAt?: string;
  @ApiPropertyOptional({ description: 'Default: 3 working days before the listing end' }) @IsOptional() @Instant() registrationCloseAt?: string;
}

export class LotTermsDto {
  @ApiProperty({ enum: TRADING_METHODS }) @IsIn(TRADING_METHODS, { message: `method must be one of ${TRADING_METHODS.join(', ')}` }) method: string;
  @ApiProperty({ example: '10000000.00' }) @IsMoney({ min: '0.01' }) startPrice: string;
  @ApiPropertyOptional({ example: '100000.00', description: 'Required for auction and listing (加价幅度)' }) @IsOptional() @IsMoney({ min: '0.01' }) increment?: string;
  @ApiPropertyOptional({ enum: INCREMENT_POLICIES, description: 'Required for auction and listing' }) @IsOptional() @IsIn(INCREMENT_POLICIES) incrementPolicy?: string;
  @ApiPropertyOptional({ example: 5 }) @IsOptional() @IsInt() maxJumpIncrements?: number;
  @ApiProperty({ example: '2000000.00' }) @IsMoney({ min: '0.01' }) deposit: string;
  @ApiProperty({ enum: PRICE_UNITS }) @IsIn(PRICE_UNITS) priceUnit: string;
  @ApiProperty({ example: true }) @IsBoolean() hasReserve: boolean;
  @ApiPropertyOptional({ example: '10000.00', description: 'Required with hasReserve: the reserve is rounded to it' }) @IsOptional() @IsMoney({ min: '0.01' }) reserveRoundingUnit?: string;
  @ApiPropertyOptional({ example: '15000000.00' }) @IsOptional() @IsMoney({ min: '0.01' }) priceCap?: string;
  @ApiPropertyOptional({ type: CapRuleDto }) @IsOptional() @ValidateNested() @Type(() => CapRuleDto) capRule?: CapRuleDto;
  @ApiPropertyOptional({ type: TimedFinalRoundDto }) @IsOptional() @ValidateNested() @Type(() => TimedFinalRoundDto) timedFinalRound?: TimedFinalRoundDto;
  @ApiPropertyOptional({ type: EvaluationDto }) @IsOptional() @ValidateNested() @Type(() => EvaluationDto) evaluation?: EvaluationDto;
  @ApiProperty({ type: EligibilityDto }) @ValidateNested() @Type(() => EligibilityDto) eligibility: EligibilityDto;
  @ApiPropertyOptional({ example: 60 }) @IsOptional() @IsInt() countdownSeconds?: number;
  @ApiPropertyOptional({ type: 'integer', isArray: true, example: [60, 30, 10], description: 'Seconds before the deadline at which countdown:warning is sent, decreasing' }) @IsOptional() @IsArray() @IsInt({ each: true }) warningSeconds?: number[];
  @ApiPropertyOptional({ example: 1 }) @IsOptional() @IsInt() minBidders?: number;
}

export class CreateLotDto {
  @ApiProperty({ example: 'SG2026-01' }) @IsString() @MinLength(1) @MaxLength(40) lotNumber: string;
  @ApiProperty({ example: '寿光市圣城街道市林业局办公院地块' }) @IsString() @MinLength(1) @MaxLength(200) title: string;
  @ApiProperty({ type: [String], example: ['00000000-0000-4000-8000-000000000001'], description: 'Parcels ready for supply (ready_for_supply)' }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsUUID('all', { each: true }) parcelIds: string[];
  @ApiProperty({ type: LotTermsDto, example: { method: 'listing', startPrice: '10000000.00', increment: '100000.00', incrementPolicy: 'at_least_one', deposit: '2000000.00', priceUnit: 'total', hasReserve: true, reserveRoundingUnit: '10000.00', timedFinalRound: { enabled: true, entry: 'all_qualified', startAt: 'listing_high', preparationGapMinutes: 15 }, eligibility: { jointBidsAllowed: true, review: 'post_review', exclusions: '' } } }) @ValidateNested() @Type(() => LotTermsDto) terms: LotTermsDto;
  @ApiProperty({ type: ScheduleDto, example: { applicationStart: '2027-02-22T09:00:00+08:00', applicationEnd: '2027-03-09T12:00:00+08:00', depositDeadline: '2027-03-09T12:00:00+08:00', listingStart: '2027-03-01T09:00:00+08:00', listingEnd: '2027-03-12T15:00:00+08:00' } }) @ValidateNested() @Type(() => ScheduleDto) schedule: ScheduleDto;
}

/** An edit of a draft lot. `terms` and `schedule`, when given, replace the stored ones whole. */
export class UpdateLotDto {
  @ApiPropertyOptional({ example: 'SG2026-01' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(40) lotNumber?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) title?: string;
  @ApiPropertyOptional({ type: [String], description: 'The full list; a parcel left out is released' }) @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsUUID('all', { each: true }) parcelIds?: string[];
  @ApiPropertyOptional({ type: LotTermsDto }) @IsOptional() @ValidateNested() @Type(() => LotTermsDto) terms?: LotTermsDto;
  @ApiPropertyOptional({ type: ScheduleDto }) @IsOptional() @ValidateNested() @Type(() => ScheduleDto) schedule?: ScheduleDto;
}

export class CreateAnnouncementDto {
  @ApiProperty({ example: '寿自然资告字〔2026〕8号' }) @IsString() @MinLength(1) @MaxLength(100) number: string;
  @ApiProperty({ example: '寿光市国有建设用地使用权挂牌出让公告' }) @IsString() @MinLength(1) @MaxLength(200) title: string;
  @ApiProperty({ example: '经寿光市人民政府批准，寿光市自然资源和规划局决定以挂牌方式出让一宗国有建设用地使用权。', description: '公告正文' }) @IsString() @MinLength(1) @MaxLength(50_000) body: string;
}

export class ReasonDto {
  @ApiProperty({ example: '规划条件调整，终止本次出让' }) @IsString() @MinLength(2) @MaxLength(2000) reason: string;
}

export class LotAmendmentDto {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000001' }) @IsUUID() lotId: string;
  @ApiPropertyOptional({ type: LotTermsDto }) @IsOptional() @ValidateNested() @Type(() => LotTermsDto) terms?: LotTermsDto;
  @ApiPropertyOptional({ type: ScheduleDto }) @IsOptional() @ValidateNested() @Type(() => ScheduleDto) schedule?: ScheduleDto;
}

export class AmendmentDto {
  @ApiProperty({ example: '调整挂牌截止时间' }) @IsString() @MinLength(2) @MaxLength(500) summary: string;
  @ApiProperty({ example: '应竞买人申请延长挂牌期限' }) @IsString() @MinLength(2) @MaxLength(2000) reason: string;
  @ApiPropertyOptional({ description: 'Supplementary text (补充公告正文)' }) @IsOptional() @IsString() @MaxLength(50_000) body?: string;
  @ApiPropertyOptional({ description: 'A corrected title of the announcement' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(200) title?: string;
  @ApiPropertyOptional({ description: 'A corrected text (正文) of the announcement' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(50_000) announcementBody?: string;
  @ApiProperty({ type: [LotAmendmentDto], example: [{ lotId: '00000000-0000-4000-8000-000000000001', schedule: { applicationStart: '2027-02-22T09:00:00+08:00', applicationEnd: '2027-03-09T12:00:00+08:00', depositDeadline: '2027-03-09T12:00:00+08:00', listingStart: '2027-03-01T09:00:00+08:00', listingEnd: '2027-03-12T15:00:00+08:00' } }] }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => LotAmendmentDto) lots: LotAmendmentDto[];
}

export const SUSPENSION_GROUNDS = ['court_or_discipline_request', 'planning_change', 'system_failure', 'other'] as const;

export class SuspensionRequestDto {
  @ApiProperty({ enum: SUSPENSION_GROUNDS }) @IsIn(SUSPENSION_GROUNDS) ground: string;
  @ApiProperty({ example: '收到法院协助执行通知书' }) @IsString() @MinLength(2) @MaxLength(2000) reason: string;
}

export class CommitteeDto {
  @ApiProperty({ type: [String], example: ['00000000-0000-4000-8000-000000000011', '00000000-0000-4000-8000-000000000012', '00000000-0000-4000-8000-000000000013'], description: 'Active pricing committee officials (at least listing.minCommitteeSize)' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(15) @IsUUID('all', { each: true }) memberIds: string[];
}

export class ReserveProposalDto {
  @ApiProperty({ example: '12345678.90' }) @IsMoney({ min: '0.01' }) value: string;
}

export class DecisionDto {
  @ApiProperty({ enum: ['approve', 'reject'] }) @IsIn(['approve', 'reject']) decision: 'approve' | 'reject';
  @ApiProperty({ example: '事由属实，同意' }) @IsString() @MinLength(2) @MaxLength(2000) reason: string;
}
