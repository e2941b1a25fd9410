import { Body, Controller, Get, Headers, HttpCode, Ip, Param, ParseUUIDPipe, Post, Query, Req, Res, StreamableFile, type RawBodyRequest } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Permission } from '@app/auth/domain/permission';
import { Authenticated, CurrentActor, Public, RequirePermission } from '@app/auth/http/access.decorators';
import { AcceptsUpload, DomainError, PageQueryDto, type Actor } from '@app/common';
import { ApplicationService } from '../application/application.service';
import { BidderService } from '../application/bidder.service';
import { DepositService } from '../application/deposit.service';
import { DocumentService } from '../application/document.service';
import { InvitationService } from '../application/invitation.service';
import { ApplyDto, BlacklistDto, OptionalReasonDto, RegisterBidderDto, ReviewDto, SimulatedPaymentDto, UploadDocumentDto } from './dto/qualification.dto';
import {
  BankNoticeResultResponse,
  BidderDetailResponse,
  BidderPageResponse,
  BidderResponse,
  ConfirmationResponse,
  DepositLedgerResponse,
  DocumentResponse,
  InvitationResponse,
  NoticeConflictPageResponse,
  OverdueReviewResponse,
  OwnApplicationResponse,
  StaffApplicationResponse,
} from './dto/qualification.responses';

/** `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / 5987): Chinese names survive. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

@ApiTags('bidders')
@Controller()
export class QualificationController {
  private readonly hits = new Map<string, { windowStart: number; count: number }>();

  constructor(
    private readonly bidders: BidderService,
    private readonly applications: ApplicationService,
    private readonly invitations: InvitationService,
    private readonly documents: DocumentService,
    private readonly deposits: DepositService,
  ) {}

  @Post('bidders')
  @Public()
  @ApiOperation({ summary: 'Register as a bidder (company by credit code, person by resident ID) with an account' })
  @ApiCreatedResponse({ type: BidderResponse })
  register(@Body() dto: RegisterBidderDto) {
    return this.bidders.register(dto);
  }

  @Get('bidders/me')
  @RequirePermission(Permission.BidderSelf)
  @ApiBearerAuth()
  @ApiOkResponse({ type: BidderResponse })
  me(@CurrentActor() actor: Actor) {
    return this.bidders.me(actor);
  }

  @Get('bidders')
  @RequirePermission(Permission.BidderRead)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Registered bidders with their identities (trading staff, supervisors)' })
  @ApiOkResponse({ type: BidderPageResponse })
  list(@Query() query: PageQueryDto) {
    return this.bidders.list(query);
  }

  @Get('bidders/:id')
  @RequirePermission(Permission.BidderRead)
  @ApiBearerAuth()
  @ApiOkResponse({ type: BidderDetailResponse })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.bidders.get(id);
  }

  @Post('bidders/:id/blacklist')
  @RequirePermission(Permission.ApplicationReview)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Bar a bidder until a date, with a reason (audited)' })
  @ApiCreatedResponse({ type: BidderDetailResponse })
  blacklist(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: BlacklistDto) {
    return this.bidders.addToBlacklist(id, dto.reason, new Date(dto.endsAt));
  }

  @Post('lots/:id/applications')
  @RequirePermission(Permission.BidderSelf)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Apply for a lot, alone or as the lead of a joint group (联合竞买)' })
  @ApiCreatedResponse({ type: OwnApplicationResponse })
  apply(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ApplyDto, @CurrentActor() actor: Actor) {
    return this.applications.apply(id, actor, dto);
  }

  @Get('lots/:id/applications')
  @RequirePermission(Permission.ApplicationReview, Permission.ApprovalDecide)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Applications for a lot with identities (trading staff, supervisors)' })
  @ApiOkResponse({ type: [StaffApplicationResponse] })
  forLot(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.applications.forLot(id);
  }

  @Get('lots/:id/deposits')
  @RequirePermission(Permission.DepositRead)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Deposit ledger of a lot: sub-accounts, counted, late and excess money' })
  @ApiOkResponse({ type: DepositLedgerResponse })
  ledger(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.applications.depositLedger(id, actor);
  }

  @Get('applications/mine')
  @RequirePermission(Permission.BidderSelf)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'My applications, deposit status and instructions, bidder numbers' })
  @ApiOkResponse({ type: [OwnApplicationResponse] })
  mine(@CurrentActor() actor: Actor) {
    return this.applications.mine(actor);
  }

  @Get('applications/overdue-reviews')
  @RequirePermission(Permission.ApplicationReview, Permission.ApprovalDecide)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Pre-reviews past their time limit (2 working days by default)' })
  @ApiOkResponse({ type: [OverdueReviewResponse] })
  overdue() {
    return this.applications.overdueReviews();
  }

  @Get('applications/:id')
  @Authenticated()
  @ApiBearerAuth()
  @ApiExtraModels(OwnApplicationResponse, StaffApplicationResponse)
  @ApiOkResponse({ description: 'a member gets its own view, staff the view with identities', schema: { oneOf: [{ $ref: getSchemaPath(OwnApplicationResponse) }, { $ref: getSchemaPath(StaffApplicationResponse) }] } })
  getApplication(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.applications.getForActor(id, actor);
  }

  @Get('invitations/mine')
  @RequirePermission(Permission.BidderSelf)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Invitations to joint bids addressed to my credit code or ID number, with their status' })
  @ApiOkResponse({ type: [InvitationResponse] })
  myInvitations(@CurrentActor() actor: Actor) {
    return this.invitations.mine(actor);
  }

  @Post('applications/:id/acceptance')
  @RequirePermission(Permission.BidderSelf)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'An invited partner accepts the joint bid and becomes a member (audited)' })
  @ApiCreatedResponse({ type: OwnApplicationResponse })
  accept(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.invitations.accept(id, actor);
  }

  @Post('applications/:id/decline')
  @HttpCode(200)
  @RequirePermission(Permission.BidderSelf)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'An invited partner declines the joint bid, with an optional reason (audited)' })
  @ApiOkResponse({ type: InvitationResponse })
  decline(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: OptionalReasonDto, @CurrentActor() actor: Actor) {
    return this.invitations.decline(id, actor, dto.reason);
  }

  @Post('applications/:id/withdrawal')
  @HttpCode(200)
  @RequirePermission(Permission.BidderSelf)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The lead withdraws a draft: every member’s place for the lot is free again (audited)' })
  @ApiOkResponse({ type: OwnApplicationResponse })
  withdraw(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: OptionalReasonDto, @CurrentActor() actor: Actor) {
    return this.applications.withdraw(id, actor, dto.reason);
  }

  @Post('applications/:id/documents')
  @AcceptsUpload()
  @RequirePermission(Permission.BidderSelf)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Upload a document (PDF, OFD or image by content; 201, or 200 with the existing document when the same file is already there)' })
  @ApiCreatedResponse({ type: DocumentResponse })
  @ApiOkResponse({ type: DocumentResponse, description: 'the same file was already there' })
  async upload(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UploadDocumentDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const { created, document } = await this.documents.upload(id, actor, dto);
    res.status(created ? 201 : 200);
    return document;
  }

  @Get('applications/:id/documents/:documentId')
  @Authenticated()
  @ApiBearerAuth()
  @ApiProduces('application/pdf', 'application/ofd', 'image/jpeg', 'image/png', 'image/tiff', 'image/webp', 'application/octet-stream')
  @ApiOkResponse({ description: 'the document as uploaded, with its content type and file name', schema: { type: 'string', format: 'binary' } })
  @ApiOperation({ summary: 'Download a document (reviewers and the application’s members)' })
  async download(@Param('id', new ParseUUIDPipe()) id: string, @Param('documentId', new ParseUUIDPipe()) documentId: string, @CurrentActor() actor: Actor) {
    const file = await this.documents.download(id, documentId, actor);
    return new StreamableFile(file.content, { type: file.contentType, disposition: contentDisposition(file.fileName), length: file.content.length });
  }

  @Post('applications/:id/submit')
  @RequirePermission(Permission.BidderSelf)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Submit the application (the lead, once every partner accepted)' })
  @ApiCreatedResponse({ type: OwnApplicationResponse })
  submit(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.applications.submit(id, actor);
  }

  @Post('applications/:id/review')
  @RequirePermission(Permission.ApplicationReview)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Approve or reject a pre-review, with a reason' })
  @ApiCreatedResponse({ type: StaffApplicationResponse })
  review(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ReviewDto, @CurrentActor() actor: Actor) {
    return this.applications.review(id, dto.decision, dto.reason, actor);
  }

  @Get('applications/:id/confirmation')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: '竞买资格确认书 with the bidder number (members and staff)' })
  @ApiOkResponse({ type: ConfirmationResponse })
  confirmation(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.applications.confirmation(id, actor);
  }

  @Post('bank/notices')
  @HttpCode(200)
  @Public()
  @ApiHeader({ name: 'x-bank-timestamp', description: 'Unix seconds' })
  @ApiHeader({ name: 'x-bank-signature', description: 'hex HMAC-SHA256 of "<timestamp>.<raw body>" with the shared secret' })
  @ApiOperation({ summary: 'Bank callback: a deposit arrived on a virtual sub-account (idempotent by transaction id)' })
  @ApiOkResponse({ type: BankNoticeResultResponse })
  bankNotice(@Req() req: RawBodyRequest<Request>, @Headers('x-bank-timestamp') timestamp: string | undefined, @Headers('x-bank-signature') signature: string | undefined, @Ip() ip: string) {
    this.rateLimit(ip);
    return this.deposits.receive(req.rawBody?.toString('utf8') ?? '', timestamp, signature, ip);
  }

  @Get('bank/notice-conflicts')
  @RequirePermission(Permission.LedgerRead)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Bank notices that reused an applied transaction id with other content: both versions, when, how often (finance, supervisors)' })
  @ApiOkResponse({ type: NoticeConflictPageResponse })
  noticeConflicts(@Query() query: PageQueryDto) {
    return this.deposits.conflicts(query);
  }

  /** At most 300 bank notices a minute per address: a flood is refused before any work. */
  private rateLimit(ip: string): void {
    const now = Date.now();
    const entry = this.hits.get(ip);
    if (!entry || now - entry.windowStart > 60_000) {
      // Forget finished windows now and then, so the table cannot grow without bound.
      if (this.hits.size > 10_000) for (const [key, e] of this.hits) if (now - e.windowStart > 60_000) this.hits.delete(key);
      this.hits.set(ip, { windowStart: now, count: 1 });
      return;
    }
    entry.count += 1;
    if (entry.count > 300) throw new DomainError('BANK_NOTICE_RATE_LIMITED', 'too many notices; slow down', undefined, { retryAfterSeconds: 60 });
  }
}

/**
 * The demo's simulated bank. Registered only when the configuration serves it (a demo with
 * BANK_SIMULATOR on): otherwise the route does not exist at all and answers like any unknown one.
 */
@ApiTags('bidders')
@Controller()
export class BankSimulatorController {
  constructor(private readonly deposits: DepositService) {}

  @Post('dev/bank/deposits')
  @HttpCode(200)
  @RequirePermission(Permission.BankSimulate)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'DEMO ONLY (DEMO=on and BANK_SIMULATOR=on; finance or admin): the simulated bank signs and sends an arrival notice' })
  @ApiOkResponse({ type: BankNoticeResultResponse })
  simulate(@Body() dto: SimulatedPaymentDto, @CurrentActor() actor: Actor) {
    return this.deposits.simulate(dto, actor);
  }
}
