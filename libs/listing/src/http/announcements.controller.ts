import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Permission } from '@app/auth/domain/permission';
import { CurrentActor, RequirePermission } from '@app/auth/http/access.decorators';
import { PageQueryDto, type Actor } from '@app/common';
import { AnnouncementService } from '../application/announcement.service';
import { ApprovalService } from '../application/approval.service';
import { DraftLotService } from '../application/draft-lot.service';
import { ReservePriceService } from '../application/reserve-price.service';
import { AmendmentDto, CommitteeDto, CreateAnnouncementDto, CreateLotDto, DecisionDto, ReasonDto, ReserveProposalDto, SuspensionRequestDto, UpdateLotDto } from './dto/lot.dto';
import {
  AnnouncementDetailDto,
  AnnouncementPageDto,
  ApprovalRequestDto,
  ApprovalRequestPageDto,
  CommitteeCandidatePageDto,
  CommitteeViewDto,
  DeletedAnnouncementDto,
  DeletedLotDto,
  ReserveProposalStatusDto,
  StaffLotDetailDto,
  StaffLotViewDto,
} from './dto/listing.responses';

export class AnnouncementListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['draft', 'published', 'suspended', 'terminated', 'completed'] })
  @IsOptional() @IsIn(['draft', 'published', 'suspended', 'terminated', 'completed'])
  status?: string;
}

export class ApprovalListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'approved', 'rejected'] }) @IsOptional() @IsIn(['pending', 'approved', 'rejected'])
  status?: string;
}

export class CandidateQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the username or display name' }) @IsOptional() @IsString() @MaxLength(100)
  q?: string;
}

export class ResumeDto {
  @ApiProperty({ example: '2027-01-20T09:00:00+08:00' })
  @IsISO8601({ strict: true }, { message: 'resumesAt must be an ISO 8601 date-time with its offset' })
  resumesAt: string;

  @ApiProperty({ example: '中止事由已消除，经批准恢复交易' }) @IsString() @MinLength(2) @MaxLength(2000)
  reason: string;
}

@ApiTags('announcements')
@ApiBearerAuth()
@Controller()
export class AnnouncementsController {
  constructor(
    private readonly announcements: AnnouncementService,
    private readonly reserve: ReservePriceService,
    private readonly approvals: ApprovalService,
    private readonly drafts: DraftLotService,
  ) {}

  @Post('announcements')
  @RequirePermission(Permission.AnnouncementWrite)
  @ApiCreatedResponse({ type: AnnouncementDetailDto })
  @ApiOperation({ summary: 'Create a draft announcement (出让公告)' })
  create(@Body() dto: CreateAnnouncementDto) {
    return this.announcements.create(dto);
  }

  @Get('announcements')
  @RequirePermission(Permission.AnnouncementRead)
  @ApiOkResponse({ type: AnnouncementPageDto })
  @ApiOperation({ summary: 'Announcements of the centre (practice ones never), newest first' })
  list(@Query() query: AnnouncementListQueryDto) {
    return this.announcements.list(query);
  }

  @Get('announcements/:id')
  @RequirePermission(Permission.AnnouncementRead)
  @ApiOkResponse({ type: AnnouncementDetailDto })
  @ApiOperation({ summary: 'An announcement with its versions and its lots as staff see them' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.announcements.get(id);
  }

  @Post('announcements/:id/lots')
  @RequirePermission(Permission.AnnouncementWrite)
  @ApiCreatedResponse({ type: StaffLotViewDto })
  @ApiOperation({ summary: 'Add a lot (标的) with its parcels, terms and schedule to a draft' })
  addLot(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: CreateLotDto) {
    return this.announcements.addLot(id, dto);
  }

  @Delete('announcements/:id')
  @RequirePermission(Permission.AnnouncementWrite)
  @ApiOkResponse({ type: DeletedAnnouncementDto })
  @ApiOperation({ summary: 'Delete a draft announcement with its lots; their parcels are released (audited)' })
  deleteDraft(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.drafts.deleteAnnouncement(id);
  }

  @Patch('lots/:id')
  @RequirePermission(Permission.AnnouncementWrite)
  @ApiOkResponse({ type: StaffLotViewDto })
  @ApiOperation({ summary: 'Edit a lot of a draft announcement; terms and schedule, when given, replace the stored ones (published lots change by amendment)' })
  updateLot(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateLotDto) {
    return this.drafts.update(id, dto);
  }

  @Delete('lots/:id')
  @RequirePermission(Permission.AnnouncementWrite)
  @ApiOkResponse({ type: DeletedLotDto })
  @ApiOperation({ summary: 'Delete a lot of a draft announcement; its parcels are released (audited)' })
  deleteLot(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.drafts.delete(id);
  }

  @Post('announcements/:id/publish')
  @RequirePermission(Permission.AnnouncementWrite)
  @ApiCreatedResponse({ type: AnnouncementDetailDto })
  @ApiOperation({ summary: 'Publish: checks every rule (lead time, listing length on the working-day calendar, terms, committee) and lists all violations' })
  publish(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.announcements.publish(id);
  }

  @Post('announcements/:id/amendments')
  @RequirePermission(Permission.AnnouncementWrite)
  @ApiCreatedResponse({ type: AnnouncementDetailDto })
  @ApiOperation({ summary: 'Publish a supplementary notice (补充公告); earlier versions are kept and applicants notified' })
  amend(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: AmendmentDto) {
    return this.announcements.amend(id, dto);
  }

  @Post('announcements/:id/suspension-requests')
  @RequirePermission(Permission.AnnouncementWrite)
  @ApiCreatedResponse({ type: ApprovalRequestDto })
  @ApiOperation({ summary: 'Ask a supervisor to approve a suspension (中止), with its ground and reason' })
  requestSuspension(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: SuspensionRequestDto, @CurrentActor() actor: Actor) {
    return this.announcements.requestDecision(id, 'announcement.suspend', dto.reason, { ground: dto.ground }, actor);
  }

  @Post('announcements/:id/termination-requests')
  @RequirePermission(Permission.AnnouncementWrite)
  @ApiCreatedResponse({ type: ApprovalRequestDto })
  @ApiOperation({ summary: 'Ask a supervisor to approve a termination (终止), with a reason' })
  requestTermination(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ReasonDto, @CurrentActor() actor: Actor) {
    return this.announcements.requestDecision(id, 'announcement.terminate', dto.reason, {}, actor);
  }

  @Post('announcements/:id/resumption')
  @RequirePermission(Permission.AnnouncementWrite)
  @ApiCreatedResponse({ type: AnnouncementDetailDto })
  @ApiOperation({ summary: 'Announce the resumption of a suspended sale, at least 5 days ahead (setting)' })
  resume(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ResumeDto) {
    return this.announcements.resume(id, new Date(dto.resumesAt), dto.reason);
  }

  @Get('lots/:id')
  @RequirePermission(Permission.AnnouncementRead)
  @ApiOkResponse({ type: StaffLotDetailDto })
  @ApiOperation({ summary: 'A lot as staff see it: terms, schedule, committee progress (never the reserve value)' })
  lot(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.announcements.getLot(id);
  }

  @Put('lots/:id/committee')
  @RequirePermission(Permission.AnnouncementWrite)
  @ApiOkResponse({ type: CommitteeViewDto })
  @ApiOperation({ summary: 'Name the pricing committee (底价委员会) of a lot with a reserve' })
  committee(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: CommitteeDto) {
    return this.reserve.assignCommittee(id, dto.memberIds);
  }

  @Get('pricing-committee/candidates')
  @RequirePermission(Permission.AnnouncementWrite)
  @ApiOkResponse({ type: CommitteeCandidatePageDto })
  @ApiOperation({ summary: 'Officials who may sit on a pricing committee (active, with the role): id, username and name only' })
  committeeCandidates(@Query() query: CandidateQueryDto) {
    return this.reserve.committeeCandidates(query);
  }

  @Post('lots/:id/reserve-proposals')
  @RequirePermission(Permission.ReserveSubmit)
  @ApiCreatedResponse({ type: ReserveProposalStatusDto })
  @ApiOperation({ summary: 'Submit one’s sealed reserve proposal (committee members, once, before the sealing moment)' })
  propose(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ReserveProposalDto, @CurrentActor() actor: Actor) {
    return this.reserve.submitProposal(id, actor, dto.value);
  }

  @Get('lots/:id/reserve-proposals/mine')
  @RequirePermission(Permission.ReserveSubmit)
  @ApiOkResponse({ type: ReserveProposalStatusDto })
  @ApiOperation({ summary: 'One’s own proposal and whether the reserve is sealed' })
  mine(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.reserve.myProposal(id, actor);
  }

  @Get('approvals')
  @RequirePermission(Permission.ApprovalDecide, Permission.AnnouncementWrite)
  @ApiOkResponse({ type: ApprovalRequestPageDto })
  @ApiOperation({ summary: 'Approval requests (suspensions, terminations)' })
  approvalsList(@Query() query: ApprovalListQueryDto) {
    return this.approvals.list(query);
  }

  @Post('approvals/:id/decision')
  @RequirePermission(Permission.ApprovalDecide)
  @ApiCreatedResponse({ type: ApprovalRequestDto })
  @ApiOperation({ summary: 'Approve or reject a request (supervisors; never one’s own)' })
  decide(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: DecisionDto, @CurrentActor() actor: Actor) {
    return this.approvals.decide(id, dto.decision, dto.reason, actor);
  }
}
