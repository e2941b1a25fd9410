import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '@app/common';
import { LOT_PHASES } from '@app/listing/domain/lot-phase';
import { TRADING_METHODS } from '@app/listing/domain/lot-terms';
import { PLANNED_USES } from '@app/reserve/domain/parcel-rules';
import { NOTICE_KINDS } from './public.responses';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
const PUBLIC_PHASES = LOT_PHASES.filter((p) => p !== 'draft');

/** What both the notice feed and the lot list filter on: the lot's parcels and method. */
class LotFilterDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '寿光市', description: 'a district of one of the lot’s parcels (exact, see GET /public/facets)' })
  @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(100)
  district?: string;

  @ApiPropertyOptional({ enum: PLANNED_USES, description: 'the planned use of one of the lot’s parcels' })
  @IsOptional() @IsIn(PLANNED_USES)
  plannedUse?: (typeof PLANNED_USES)[number];

  @ApiPropertyOptional({ enum: TRADING_METHODS, description: '拍卖 / 挂牌 / 招标' })
  @IsOptional() @IsIn(TRADING_METHODS)
  method?: (typeof TRADING_METHODS)[number];
}

export class NoticeFeedQueryDto extends LotFilterDto {
  @ApiPropertyOptional({ enum: NOTICE_KINDS }) @IsOptional() @IsIn(NOTICE_KINDS)
  kind?: (typeof NOTICE_KINDS)[number];

  @ApiPropertyOptional({ example: '挂牌', description: 'text in the notice’s title or its announcement’s number or title' })
  @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'first day of publication included (Beijing time)' })
  @IsOptional() @Matches(ISO_DATE, { message: 'from must be a date written YYYY-MM-DD' }) @IsISO8601({ strict: true }, { message: 'from must be a real calendar date' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'last day of publication included (Beijing time)' })
  @IsOptional() @Matches(ISO_DATE, { message: 'to must be a date written YYYY-MM-DD' }) @IsISO8601({ strict: true }, { message: 'to must be a real calendar date' })
  to?: string;
}

export class PublicLotsQueryDto extends LotFilterDto {
  @ApiPropertyOptional({ enum: PUBLIC_PHASES, description: 'lots in this phase' }) @IsOptional() @IsIn(PUBLIC_PHASES)
  phase?: (typeof LOT_PHASES)[number];

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: lots being traded now (listing, rounds, sealed bidding, opening, frozen)' })
  @IsOptional() @IsIn(['true', 'false'])
  trading?: 'true' | 'false';
}
