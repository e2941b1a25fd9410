import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';
import { Public } from '@app/auth/http/access.decorators';
import { PageQueryDto } from '@app/common';
import { verifyReserveCommitment } from '@app/listing/domain/reserve-price';
import { DisclosureService } from '../application/disclosure.service';
import { NoticeFeedQueryDto, PublicLotsQueryDto } from './dto/public-query.dto';
import {
  PublicAnnouncementDto,
  PublicAnnouncementPageDto,
  PublicAnnouncementVersionDto,
  PublicFacetsDto,
  PublicLotDto,
  PublicLotPageDto,
  PublicNoticeDto,
  PublicNoticePageDto,
  ReserveVerificationDto,
} from './dto/public.responses';


export class VerifyReserveDto {
  @ApiProperty({ format: 'uuid', example: '00000000-0000-4000-8000-000000000001' }) @IsUUID()
  lotId: string;

  @ApiProperty({ example: '12350000.00', description: 'The revealed reserve, as published at the close' })
  @Matches(/^(0|[1-9]\d{0,15})\.\d{2}$/, { message: 'value must be the revealed amount with 2 decimal places, like "12350000.00"' })
  value: string;

  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', description: 'The revealed salt, 64 lowercase hex characters' }) @Matches(/^[0-9a-f]{64}$/, { message: 'salt must be 64 lowercase hex characters' })
  salt: string;
}

/** The public portal's API: no login, stable URLs, nothing unpublished or sealed. */
@ApiTags('public')
@Controller('public')
export class PublicController {
  constructor(private readonly disclosure: DisclosureService) {}

  @Get('notices')
  @Public()
  @ApiOperation({ summary: 'Feed of the notices (公告, 补充公告, 中止, 恢复, 终止, 成交公示…), newest first; search and filters by kind, text, publication day, district, planned use and method' })
  @ApiOkResponse({ type: PublicNoticePageDto })
  feed(@Query() query: NoticeFeedQueryDto) {
    return this.disclosure.feed(query);
  }

  @Get('notices/:id')
  @Public()
  @ApiOperation({ summary: 'One notice' })
  @ApiOkResponse({ type: PublicNoticeDto })
  notice(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.disclosure.notice(id);
  }

  @Get('announcements')
  @Public()
  @ApiOperation({ summary: 'Published announcements' })
  @ApiOkResponse({ type: PublicAnnouncementPageDto })
  announcements(@Query() query: PageQueryDto) {
    return this.disclosure.announcements(query);
  }

  @Get('announcements/:id')
  @Public()
  @ApiOperation({ summary: 'A published announcement with its lots, versions (补充公告) and notices' })
  @ApiOkResponse({ type: PublicAnnouncementDto })
  announcement(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.disclosure.announcement(id);
  }

  @Get('announcements/:id/versions/:version')
  @Public()
  @ApiOperation({ summary: 'An announcement exactly as a given version published it' })
  @ApiOkResponse({ type: PublicAnnouncementVersionDto })
  version(@Param('id', new ParseUUIDPipe()) id: string, @Param('version', new ParseIntPipe()) version: number) {
    return this.disclosure.announcementVersion(id, version);
  }

  @Get('lots')
  @Public()
  @ApiOperation({ summary: 'Published lots with their announcement, newest trading start first; filters: phase, trading now, district, planned use, method' })
  @ApiOkResponse({ type: PublicLotPageDto })
  lots(@Query() query: PublicLotsQueryDto) {
    return this.disclosure.lots(query);
  }

  @Get('facets')
  @Public()
  @ApiOperation({ summary: 'The districts, planned uses and methods of the published lots (the values the public filters offer)' })
  @ApiOkResponse({ type: PublicFacetsDto })
  facets() {
    return this.disclosure.facets();
  }

  @Get('lots/:id')
  @Public()
  @ApiOperation({ summary: 'A published lot: terms, schedule, parcels, and the reserve commitment (never its value before the close)' })
  @ApiOkResponse({ type: PublicLotDto })
  lot(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.disclosure.lot(id);
  }

  @Post('reserve/verify')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Check a revealed reserve and salt against the commitment published when it was sealed' })
  @ApiOkResponse({ type: ReserveVerificationDto })
  async verify(@Body() dto: VerifyReserveDto) {
    const lot = await this.disclosure.lot(dto.lotId);
    const commitment = lot.reserve.commitment;
    return { lotId: dto.lotId, commitment, valid: commitment !== null && verifyReserveCommitment(dto.lotId, dto.value, dto.salt, commitment) };
  }
}
