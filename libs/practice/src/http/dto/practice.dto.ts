import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsMoney } from '@app/money';
import { PRACTICE_CAP_MODES, PRACTICE_LIMITS, PRACTICE_METHODS } from '../../domain/practice-plan';

const USERNAME = /^[a-z][a-z0-9_.-]{2,63}$/;

/** A practice lot (模拟竞价) to start: every field has a default that makes the rehearsal take a few minutes. */
export class StartPracticeDto {
  @ApiPropertyOptional({ enum: PRACTICE_METHODS, default: 'listing', description: 'listing (挂牌, with the timed final round 限时竞价), auction (拍卖) or tender (招标)' })
  @IsOptional() @IsIn(PRACTICE_METHODS)
  method?: (typeof PRACTICE_METHODS)[number];

  @ApiPropertyOptional({ enum: PRACTICE_CAP_MODES, description: 'a price cap and what happens at it: 竞配建 (build_in_area) or 摇号 (lottery); listing and auction only' })
  @IsOptional() @IsIn(PRACTICE_CAP_MODES)
  capMode?: (typeof PRACTICE_CAP_MODES)[number];

  @ApiPropertyOptional({ example: '10000000.00', description: 'start price, 元, a whole number of 万元 (default 10000000.00)' })
  @IsOptional() @IsMoney({ min: '10000.00', max: '9999999990000.00' })
  startPrice?: string;

  @ApiPropertyOptional({ example: '200000.00', description: 'increment (default 2% of the start price); not for a tender' })
  @IsOptional() @IsMoney({ min: '0.01' })
  increment?: string;

  @ApiPropertyOptional({ default: PRACTICE_LIMITS.opensInSeconds.default, minimum: PRACTICE_LIMITS.opensInSeconds.min, maximum: PRACTICE_LIMITS.opensInSeconds.max, description: 'seconds until trading opens' })
  @IsOptional() @IsInt() @Min(PRACTICE_LIMITS.opensInSeconds.min) @Max(PRACTICE_LIMITS.opensInSeconds.max)
  opensInSeconds?: number;

  @ApiPropertyOptional({ default: PRACTICE_LIMITS.listingSeconds.default, minimum: PRACTICE_LIMITS.listingSeconds.min, maximum: PRACTICE_LIMITS.listingSeconds.max, description: 'listing board (or a tender’s sealed-bid window), seconds' })
  @IsOptional() @IsInt() @Min(PRACTICE_LIMITS.listingSeconds.min) @Max(PRACTICE_LIMITS.listingSeconds.max)
  listingSeconds?: number;

  @ApiPropertyOptional({ description: 'countdown of the timed round (default 60 s) or of each auction round (default 45 s), restarted on every accepted bid', minimum: 20, maximum: 600 })
  @IsOptional() @IsInt() @Min(20) @Max(600)
  countdownSeconds?: number;

  @ApiPropertyOptional({ default: PRACTICE_LIMITS.opponents.default, minimum: 1, maximum: 3, description: 'simulated opponents, each with a private limit' })
  @IsOptional() @IsInt() @Min(PRACTICE_LIMITS.opponents.min) @Max(PRACTICE_LIMITS.opponents.max)
  opponents?: number;

  @ApiPropertyOptional({ example: '第一期竞买人培训', description: 'a label added to the title (模拟竞价·…·label)' })
  @IsOptional() @IsString() @MaxLength(60)
  label?: string;

  @ApiPropertyOptional({ type: [String], example: ['bidder1'], description: 'trainers only: the bidder accounts (usernames) of a class, each seated with a number' })
  @IsOptional() @IsArray() @ArrayMaxSize(500) @IsString({ each: true }) @Matches(USERNAME, { each: true, message: 'each of bidders must be a username' })
  bidders?: string[];
}

export class PracticeBiddersDto {
  @ApiProperty({ type: [String], example: ['bidder1', 'bidder2'], description: 'bidder accounts (usernames) to seat; one already seated keeps its number' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @IsString({ each: true }) @Matches(USERNAME, { each: true, message: 'each of usernames must be a username' })
  usernames: string[];
}

// ── responses (for the OpenAPI document the web client is generated from) ──────────────────────

class PracticeScheduleDto {
  @ApiProperty({ format: 'date-time', description: 'when trading opens' }) opensAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) listingEnd: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sealedBidDeadline: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) openingAt: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'the countdown of the timed round, auction rounds or the cap round, seconds' }) countdownSeconds: number | null;
  @ApiProperty({ type: [Number], example: [30, 10] }) warningSeconds: number[];
}

class SimulatedDepositDto {
  @ApiProperty({ example: '2000000.00' }) amount: string;
  @ApiProperty({ enum: [true], description: 'never paid: nothing reaches the ledger' }) simulated: true;
}

class PracticeParcelDto {
  @ApiProperty({ example: '模拟地块（非真实宗地）' }) name: string;
  @ApiProperty({ example: '20000.00' }) area: string;
  @ApiProperty({ example: '2.5000' }) plotRatioMax: string;
}

class PracticeTermsViewDto {
  @ApiProperty({ example: '10000000.00' }) startPrice: string;
  @ApiProperty({ example: '200000.00', nullable: true, type: String }) increment: string | null;
  @ApiProperty({ enum: ['total'] }) priceUnit: string;
  @ApiProperty({ example: '12000000.00', nullable: true, type: String }) priceCap: string | null;
  @ApiProperty({ nullable: true, type: Object, description: 'the cap mode as in a lot’s terms' }) capRule: Record<string, unknown> | null;
  @ApiProperty({ type: SimulatedDepositDto }) deposit: SimulatedDepositDto;
  @ApiProperty({ type: PracticeParcelDto, nullable: true }) parcel: PracticeParcelDto | null;
}

class PracticeSeatDto {
  @ApiProperty({ example: '027' }) bidderNumber: string;
}

class PracticeParticipantDto {
  @ApiProperty({ example: '027' }) bidderNumber: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String, description: 'null for a simulated opponent' }) username: string | null;
  @ApiProperty() simulated: boolean;
}

class PracticeLiveLinksDto {
  @ApiProperty({ example: '/auction' }) namespace: string;
  @ApiProperty() trading: string;
  @ApiProperty() events: string;
  @ApiProperty() chain: string;
  @ApiProperty() verify: string;
  @ApiProperty() result: string;
}

/** A practice lot as its creator, its seated bidders and trading staff see it. */
export class PracticeLotViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: [true] }) practice: true;
  @ApiProperty({ example: 'MN-20270112-3F9A1C7E' }) lotNumber: string;
  @ApiProperty({ example: '模拟竞价·挂牌（限时竞价）' }) title: string;
  @ApiProperty({ enum: PRACTICE_METHODS }) method: string;
  @ApiProperty({ enum: PRACTICE_CAP_MODES, nullable: true }) capMode: string | null;
  @ApiProperty({ example: 'timed_round' }) phase: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ format: 'date-time', description: 'when the lot and every row it produced are deleted' }) expiresAt: string;
  @ApiProperty({ enum: ['you', 'trainer', 'bidder'] }) startedBy: string;
  @ApiProperty({ type: PracticeScheduleDto }) schedule: PracticeScheduleDto;
  @ApiProperty({ type: PracticeTermsViewDto }) terms: PracticeTermsViewDto;
  @ApiProperty({ type: PracticeSeatDto, nullable: true, description: 'your seat, when you hold one' }) you: PracticeSeatDto | null;
  @ApiProperty({ description: 'seated bidders, simulated opponents included' }) bidderCount: number;
  @ApiPropertyOptional({ type: [PracticeParticipantDto], description: 'trading staff only: who is behind each number' }) participants?: PracticeParticipantDto[];
  @ApiProperty({ type: PracticeLiveLinksDto }) live: PracticeLiveLinksDto;
}

export class PracticeLotListDto {
  @ApiProperty({ type: [PracticeLotViewDto] }) items: PracticeLotViewDto[];
}
