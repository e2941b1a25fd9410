import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@app/auth/domain/permission';
import { CurrentActor, RequirePermission } from '@app/auth/http/access.decorators';
import type { Actor } from '@app/common';
import { Money } from '@app/money';
import { PracticeService } from '../application/practice.service';
import { PracticeBiddersDto, PracticeLotListDto, PracticeLotViewDto, StartPracticeDto } from './dto/practice.dto';

@ApiTags('practice')
@ApiBearerAuth()
@Controller('practice-lots')
export class PracticeController {
  constructor(private readonly practice: PracticeService) {}

  @Post()
  @RequirePermission(Permission.PracticeRun)
  @ApiCreatedResponse({ type: PracticeLotViewDto })
  @ApiOperation({ summary: 'Start a practice lot (模拟竞价): a compressed schedule, simulated opponents, a bidder number at once; never a real sale' })
  start(@Body() dto: StartPracticeDto, @CurrentActor() actor: Actor) {
    return this.practice.start(actor, {
      method: dto.method ?? 'listing',
      capMode: dto.capMode,
      startPrice: dto.startPrice === undefined ? undefined : Money.parse(dto.startPrice, 'startPrice'),
      increment: dto.increment === undefined ? undefined : Money.parse(dto.increment, 'increment'),
      opensInSeconds: dto.opensInSeconds,
      listingSeconds: dto.listingSeconds,
      countdownSeconds: dto.countdownSeconds,
      opponents: dto.opponents,
      label: dto.label,
      bidders: dto.bidders,
    });
  }

  @Get('mine')
  @RequirePermission(Permission.PracticeRun)
  @ApiOkResponse({ type: PracticeLotListDto })
  @ApiOperation({ summary: 'The practice lots the caller started or is seated on, newest first' })
  mine(@CurrentActor() actor: Actor) {
    return this.practice.mine(actor);
  }

  @Get(':id')
  @RequirePermission(Permission.PracticeRun)
  @ApiOkResponse({ type: PracticeLotViewDto })
  @ApiOperation({ summary: 'A practice lot: its clock, terms, your bidder number; trading staff also see who is behind each number' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.practice.get(id, actor);
  }

  @Post(':id/bidders')
  @RequirePermission(Permission.PracticeTrain)
  @ApiCreatedResponse({ type: PracticeLotViewDto })
  @ApiOperation({ summary: 'Trainer: seat bidder accounts of a class on a practice lot (each gets a number; audited)' })
  addBidders(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: PracticeBiddersDto, @CurrentActor() actor: Actor) {
    return this.practice.addBidders(id, dto.usernames, actor);
  }
}
