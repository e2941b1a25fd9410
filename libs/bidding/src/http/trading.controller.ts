import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Type } from 'class-transformer';
import { hasPermission, Permission } from '@app/auth/domain/permission';
import { CurrentActor, Public, RequirePermission } from '@app/auth/http/access.decorators';
import type { Actor } from '@app/common';
import { IsMoney, Money } from '@app/money';
import { TradingQueryService } from '../application/trading-query.service';
import { TradingService } from '../application/trading.service';
import { ChainVerificationDto, LotChainDto, LotEventsDto, LotResultDto, LotSnapshotDto, ServerTimeDto, StaffBidDto, StaffCommandResultDto } from './dto/trading.responses';

export class EventsQueryDto {
  @ApiPropertyOptional({ description: 'events after this seq', default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  afterSeq?: number;
}

export class FreezeDto {
  @ApiProperty({ example: '交易系统故障，暂停交易' }) @IsString() @MinLength(2) @MaxLength(2000)
  reason: string;
}

export class ResumeTradingDto {
  @ApiPropertyOptional({ description: 'when the resumption of a long freeze was announced', example: '2027-01-20T09:00:00+08:00' })
  @IsOptional() @IsISO8601({ strict: true })
  resumptionNoticeAt?: string;
}

export class IncrementDto {
  @ApiProperty({ example: '200000.00' }) @IsMoney()
  increment: string;

  @ApiProperty({ example: '竞价激烈，经批准调整加价幅度' }) @IsString() @MinLength(2) @MaxLength(2000)
  reason: string;
}

export class StaffBidsQueryDto {
  @ApiPropertyOptional({ default: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(5000)
  limit?: number;
}

@ApiTags('trading')
@Controller()
export class TradingController {
  constructor(
    private readonly query: TradingQueryService,
    private readonly trading: TradingService,
  ) {}

  @Get('public/time')
  @Public()
  @ApiOkResponse({ type: ServerTimeDto })
  @ApiOperation({ summary: 'The server (database) clock; clients compute their offset from it' })
  time() {
    return this.query.serverTime();
  }

  @Get('public/lots/:id/trading')
  @Public()
  @ApiOkResponse({ type: LotSnapshotDto })
  @ApiOperation({ summary: 'Live snapshot of a lot: phase, current price, leader number, deadline, seq' })
  async snapshot(@Param('id', new ParseUUIDPipe()) id: string) {
    return (await this.query.join(id, Number.MAX_SAFE_INTEGER)).snapshot;
  }

  @Get('public/lots/:id/events')
  @Public()
  @ApiOkResponse({ type: LotEventsDto })
  @ApiOperation({ summary: 'The events of a lot after a seq (the same payloads spectators receive live)' })
  async events(@Param('id', new ParseUUIDPipe()) id: string, @Query() q: EventsQueryDto) {
    return this.query.join(id, q.afterSeq ?? 0);
  }

  @Get('public/lots/:id/chain')
  @Public()
  @ApiOkResponse({ type: LotChainDto })
  @ApiOperation({ summary: "The lot's whole event log as a hash chain, with its canonical form" })
  chain(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.query.chain(id);
  }

  @Get('public/lots/:id/chain/verify')
  @Public()
  @ApiOkResponse({ type: ChainVerificationDto })
  @ApiOperation({ summary: "Recomputes every hash of the lot's chain and compares it with the published head" })
  verify(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.query.verify(id);
  }

  @Get('public/lots/:id/result')
  @Public()
  @ApiOkResponse({ type: LotResultDto })
  @ApiOperation({ summary: 'Result of a closed lot: outcome, bidder number, price and derived figures, revealed reserve' })
  result(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.query.result(id);
  }

  @Post('lots/:id/trading/freeze')
  @ApiBearerAuth()
  @RequirePermission(Permission.TradingControl)
  @ApiCreatedResponse({ type: StaffCommandResultDto })
  @ApiOperation({ summary: 'Technical freeze (暂停) of a lot in trading; within the protected final minutes only a supervisor may' })
  freeze(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: FreezeDto, @CurrentActor() actor: Actor) {
    return this.trading.staffCommand(id, { type: 'freeze', reason: dto.reason, supervisorApproved: hasPermission(actor.roles, Permission.ApprovalDecide) });
  }

  @Post('lots/:id/trading/resume')
  @ApiBearerAuth()
  @RequirePermission(Permission.TradingControl)
  @ApiCreatedResponse({ type: StaffCommandResultDto })
  @ApiOperation({ summary: 'Resume a frozen lot; the frozen time is added to the deadline' })
  resume(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ResumeTradingDto) {
    return this.trading.staffCommand(id, { type: 'resume', resumptionNoticeAt: dto.resumptionNoticeAt ? new Date(dto.resumptionNoticeAt) : undefined });
  }

  @Post('lots/:id/trading/increment')
  @ApiBearerAuth()
  @RequirePermission(Permission.TradingControl)
  @ApiCreatedResponse({ type: StaffCommandResultDto })
  @ApiOperation({ summary: 'Change the increment during trading (announced as an event)' })
  increment(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: IncrementDto) {
    return this.trading.staffCommand(id, { type: 'change_increment', increment: Money.parse(dto.increment, 'increment', { min: '0.01' }), reason: dto.reason });
  }

  @Get('lots/:id/trading/bids')
  @ApiBearerAuth()
  @RequirePermission(Permission.BidderRead)
  @ApiOkResponse({ type: [StaffBidDto] })
  @ApiOperation({ summary: 'Trading staff: every bid of a lot with the bidder behind each number' })
  bids(@Param('id', new ParseUUIDPipe()) id: string, @Query() q: StaffBidsQueryDto) {
    return this.query.bidsWithIdentities(id, q.limit ?? 500);
  }
}
