import { Body, Controller, Get, Headers, HttpCode, Ip, Param, ParseUUIDPipe, Post, Query, Req, type RawBodyRequest } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Permission } from '@app/auth/domain/permission';
import { Authenticated, CurrentActor, Public, RequirePermission } from '@app/auth/http/access.decorators';
import { AcceptsUpload, DomainError, PageQueryDto, type Actor } from '@app/common';
import { ApplicationService } from '../application/application.service';
import { BidderService } from '../application/bidder.service';
import { DepositService } from '../application/deposit.service';
import { ApplyDto, BlacklistDto, RegisterBidderDto, ReviewDto, SimulatedPaymentDto, UploadDocumentDto } from './dto/qualification.dto';

@ApiTags('bidders')
@Controller()
export class QualificationController {
  private readonly hits = new Map<string, { windowStart: number; count: number }>();

  constructor(
    private readonly bidders: BidderService,
    private readonly applications: ApplicationService,
    private readonly deposits: DepositService,
  ) {}

  @Post('bidders')
  @Public()
  @ApiOperation({ summary: 'Register as a bidder (company by credit code, person by resident ID) with an account' })
  register(@Body() dto: RegisterBidderDto) {
    return this.bidders.register(dto);
  }

  @Get('bidders/me')
  @RequirePermission(Permission.BidderSelf)
  @ApiBearerAuth()
  me(@CurrentActor() actor: Actor) {
    return this.bidders.me(actor);
  }

  @Get('bidders')
  @RequirePermission(Permission.BidderRead)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Registered bidders with their identities (trading staff, supervisors)' })
  list(@Query() query: PageQueryDto) {
    return this.bidders.list(query);
  }

  @Get('bidders/:id')
  @RequirePermission(Permission.BidderRead)
  @ApiBearerAuth()
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.bidders.get(id);
  }

  @Post('bidders/:id/blacklist')
  @RequirePermission(Permission.ApplicationReview)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Bar a bidder until a date, with a reason (audited)' })
  blacklist(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: BlacklistDto) {
    return this.bidders.addToBlacklist(id, dto.reason, new Date(dto.endsAt));
  }

  @Post('lots/:id/applications')
  @RequirePermission(Permission.BidderSelf)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Apply for a lot, alone or as the lead of a joint group (联合竞买)' })
  apply(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ApplyDto, @CurrentActor() actor: Actor) {
    return this.applications.apply(id, actor, dto);
  }

  @Get('lots/:id/applications')
  @RequirePermission(Permission.ApplicationReview, Permission.ApprovalDecide)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Applications for a lot with identities (trading staff, supervisors)' })
  forLot(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.applications.forLot(id);
  }

  @Get('lots/:id/deposits')
  @RequirePermission(Permission.DepositRead)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Deposit ledger of a lot: sub-accounts, counted, late and excess money' })
  ledger(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.applications.depositLedger(id, actor);
  }

  @Get('applications/mine')
  @RequirePermission(Permission.BidderSelf)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'My applications, deposit status and instructions, bidder numbers' })
  mine(@CurrentActor() actor: Actor) {
    return this.applications.mine(actor);
  }

  @Get('applications/overdue-reviews')
  @RequirePermission(Permission.ApplicationReview, Permission.ApprovalDecide)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Pre-reviews past their time limit (2 working days by default)' })
  overdue() {
    return this.applications.overdueReviews();
  }

  @Get('applications/:id')
  @Authenticated()
  @ApiBearerAuth()
  getApplication(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.applications.getForActor(id, actor);
  }

  @Post('applications/:id/acceptance')
  @RequirePermission(Permission.BidderSelf)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'A partner accepts the invitation to a joint bid' })
  accept(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.applications.accept(id, actor);
  }

  @Post('applications/:id/documents')
  @AcceptsUpload()
  @RequirePermission(Permission.BidderSelf)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Upload a document (stored with its SHA-256)' })
  upload(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UploadDocumentDto, @CurrentActor() actor: Actor) {
    return this.applications.uploadDocument(id, actor, dto);
  }

  @Post('applications/:id/submit')
  @RequirePermission(Permission.BidderSelf)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Submit the application (the lead, once every partner accepted)' })
  submit(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.applications.submit(id, actor);
  }

  @Post('applications/:id/review')
  @RequirePermission(Permission.ApplicationReview)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Approve or reject a pre-review, with a reason' })
  review(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ReviewDto, @CurrentActor() actor: Actor) {
    return this.applications.review(id, dto.decision, dto.reason, actor);
  }

  @Get('applications/:id/confirmation')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: '竞买资格确认书 with the bidder number (members and staff)' })
  confirmation(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.applications.confirmation(id, actor);
  }

  @Post('bank/notices')
  @HttpCode(200)
  @Public()
  @ApiHeader({ name: 'x-bank-timestamp', description: 'Unix seconds' })
  @ApiHeader({ name: 'x-bank-signature', description: 'hex HMAC-SHA256 of "<timestamp>.<raw body>" with the shared secret' })
  @ApiOperation({ summary: 'Bank callback: a deposit arrived on a virtual sub-account (idempotent by transaction id)' })
  bankNotice(@Req() req: RawBodyRequest<Request>, @Headers('x-bank-timestamp') timestamp: string | undefined, @Headers('x-bank-signature') signature: string | undefined, @Ip() ip: string) {
    this.rateLimit(ip);
    return this.deposits.receive(req.rawBody?.toString('utf8') ?? '', timestamp, signature, ip);
  }

  @Post('dev/bank/deposits')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'DEV ONLY (BANK_SIMULATOR=on): the simulated bank signs and sends an arrival notice' })
  simulate(@Body() dto: SimulatedPaymentDto) {
    return this.deposits.simulate(dto);
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
