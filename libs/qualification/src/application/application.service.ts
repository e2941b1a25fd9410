import { Inject, Injectable } from '@nestjs/common';
import { randomBytes, randomInt } from 'node:crypto';
import { In, IsNull, LessThan, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { Permission } from '@app/auth';
import { addWorkingDays, WorkingDayCalendar, type IsoDate } from '@app/calendar';
import { DomainError, type Actor, mapInOrder } from '@app/common';
import { TransactionRunner } from '@app/database';
import { LotEntity } from '@app/listing/persistence/lot.entity';
import { Money, Ratio } from '@app/money';
import { SaleNotices } from '@app/notification';
import { SettingsService } from '@app/settings';
import { drawBidderNumber } from '../domain/bidder-number';
import { computeDepositStatus } from '../domain/deposit-status';
import { groupReadiness, proposeJointGroup, type JointProposal } from '../domain/joint-invitation';
import { reviewDueAt, transitionApplication, type ApplicationState, type ApplicationTransitionName } from '../domain/review';
import { generateSubAccount } from '../domain/virtual-account';
import type { ApplyDto } from '../http/dto/qualification.dto';
import { ApplicationDocumentEntity, ApplicationEntity, ApplicationPartnerEntity, JointInvitationEntity } from '../persistence/application.entity';
import { BidderEntity } from '../persistence/bidder.entity';
import { DepositPaymentEntity } from '../persistence/deposit.entities';
import { ApplicationAccess, applicationNotFound, identifiersOf } from './application-access';
import { depositSummaryView, documentView, groupView, paymentView, shownIdentifier, staffApplicationView, type DepositSummary } from './application-view';
import { BidderService } from './bidder.service';
import { QUALIFICATION_OPTIONS, type QualificationOptions } from './qualification-options';

const OPEN_LOT_PHASES = ['published', 'applying', 'listing'];

/**
 * Applications (竞买申请), from a bidder's or joint group's request to the bidder number (号牌):
 * window and registration close, blacklist, joint-group rules and withdrawal, review (pre or post),
 * virtual deposit sub-accounts, and qualification when the deposit has arrived in time. A partner's
 * answers live in InvitationService, documents in DocumentService; who may see which application is
 * decided in one place, ApplicationAccess.
 */
@Injectable()
export class ApplicationService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly calendar: WorkingDayCalendar,
    private readonly bidders: BidderService,
    private readonly access: ApplicationAccess,
    private readonly notices: SaleNotices,
    @Inject(QUALIFICATION_OPTIONS) private readonly options: QualificationOptions,
  ) {}

  // ── applying ────────────────────────────────────────────────────────────────────────────────

  /**
   * Applies for a lot, alone or as the lead of a joint group. Partners are invited by code and join
   * only when they accept (see domain/joint-invitation.ts): inviting looks nobody up.
   */
  async apply(lotId: string, actor: Actor, dto: ApplyDto) {
    return this.tx.run(async (em) => {
      const lot = await em.findOne(LotEntity, { where: { id: lotId }, lock: { mode: 'pessimistic_read' } });
      // A lot not yet published is nobody's business but staff's: answered like an unknown one.
      // A practice lot (模拟竞价) takes no applications: its seats are handed out when it starts.
      if (!lot || lot.phase === 'draft' || lot.practice) throw new DomainError('LOT_NOT_FOUND', 'there is no such lot', 'lotId');
      const now = await this.tx.now(em);
      this.assertWindowOpen(lot, now);
      const lead = await this.bidders.forActor(em, actor);
      const eligibility = (lot.terms['eligibility'] ?? {}) as { jointBidsAllowed?: boolean; review?: 'pre_review' | 'post_review' };
      let proposal: JointProposal | null = null;
      if (dto.partners && dto.partners.length > 0) {
        if (eligibility.jointBidsAllowed !== true) throw new DomainError('JOINT_BIDS_NOT_ALLOWED', 'this lot does not accept joint bids (联合竞买)', 'partners');
        proposal = proposeJointGroup(
          { leadIdentifiers: identifiersOf(lead), partners: dto.partners },
          { maxJointPartners: await this.settings.get<number>('qualification.maxJointPartners', em), today: this.calendar.dateOf(now) },
        );
      }
      await this.assertNotBanned(em, lead, 'you are');
      await this.assertFreeForLot(em, lead, lotId, proposal !== null, 'lotId');
      const application = await em.save(
        em.create(ApplicationEntity, {
          lotId,
          leadBidderId: lead.id,
          joint: proposal !== null,
          status: 'draft',
          reviewMode: eligibility.review ?? 'post_review',
          depositRequired: lot.deposit,
          depositDeadline: lot.depositDeadline,
        }),
      );
      await em.insert(ApplicationPartnerEntity, { applicationId: application.id, lotId, bidderId: lead.id, share: proposal?.leadShare ?? Ratio.of('1.0000'), isLead: true, acceptedAt: now });
      for (const invitation of proposal?.invitations ?? []) {
        const saved = await em.save(
          em.create(JointInvitationEntity, { applicationId: application.id, lotId, identifier: invitation.identifier, share: invitation.share, position: invitation.position, status: 'pending' }),
        );
        // To the holder of the code, if anyone registered it; the lead's answer is the same either way.
        await this.notices.partnerInvited(em, saved.id);
      }
      await this.audit.record(em, {
        action: 'application.create',
        entityType: 'application',
        entityId: application.id,
        after: {
          lotId,
          joint: application.joint,
          lead: { bidderId: lead.id, share: (proposal?.leadShare ?? Ratio.of('1.0000')).toPercentString(2) },
          invitations: (proposal?.invitations ?? []).map((i) => ({ identifier: i.identifier, share: i.share.toPercentString(2) })),
        },
      });
      return this.ownView(em, application, lead);
    });
  }

  /**
   * The lead withdraws a draft (撤回申请): every member's place for the lot is free again and open
   * invitations lapse. This is how a group whose partner declined starts over with a new group.
   */
  async withdraw(applicationId: string, actor: Actor, reason: string | undefined) {
    return this.tx.run(async (em) => {
      const { app, me } = await this.access.asLead(em, applicationId, actor, { lock: true });
      if (app.status !== 'draft') throw new DomainError('APPLICATION_NOT_DRAFT', `only a draft can be withdrawn; this application is ${app.status}`, 'id');
      const now = await this.tx.now(em);
      this.move(app, 'withdraw', reason);
      await em.save(app);
      await em.update(ApplicationPartnerEntity, { applicationId, releasedAt: IsNull() }, { releasedAt: now });
      const lapsed = await em.find(JointInvitationEntity, { where: { applicationId, status: 'pending' } });
      await em.update(JointInvitationEntity, { applicationId, status: 'pending' }, { status: 'withdrawn', answeredAt: now });
      await this.audit.record(em, {
        action: 'application.withdraw',
        entityType: 'application',
        entityId: app.id,
        before: { status: 'draft' },
        after: { status: app.status, lapsedInvitations: lapsed.map((i) => i.identifier) },
        reason: reason ?? null,
      });
      await this.notices.applicationWithdrawn(em, app.id, lapsed.map((i) => i.id), reason ?? null);
      return this.ownView(em, app, me);
    });
  }

  /** The lead submits once every partner has accepted. Pre-review goes to staff; post-review gets its deposit account. */
  async submit(applicationId: string, actor: Actor) {
    return this.tx.run(async (em) => {
      const { app, me } = await this.access.asLead(em, applicationId, actor, { lock: true });
      const lot = await em.findOneByOrFail(LotEntity, { id: app.lotId });
      const now = await this.tx.now(em);
      this.assertWindowOpen(lot, now);
      const readiness = groupReadiness(await em.find(JointInvitationEntity, { where: { applicationId }, order: { position: 'ASC' } }));
      if (readiness.declined.length > 0) {
        const codes = readiness.declined.map(shownIdentifier).join(', ');
        throw new DomainError('PARTNER_DECLINED', `${codes} declined the joint bid; withdraw this application and apply again with a new group`, 'partners', { codes });
      }
      if (readiness.pending.length > 0) {
        const codes = readiness.pending.map(shownIdentifier).join(', ');
        throw new DomainError('PARTNERS_NOT_ACCEPTED', `waiting for ${codes} to accept the joint bid`, 'partners', { codes });
      }
      // A ban imposed since a member joined still bars the group.
      for (const member of await em.find(ApplicationPartnerEntity, { where: { applicationId }, relations: { bidder: true }, order: { isLead: 'DESC' } })) {
        await this.assertNotBanned(em, member.bidder!, member.isLead ? 'you are' : `${member.bidder!.name} is`);
      }
      this.move(app, 'submit');
      app.submittedAt = now;
      if (app.reviewMode === 'pre_review') {
        this.move(app, 'start_review');
        const days = await this.settings.get<number>('qualification.reviewWorkingDays', em);
        const overrides = await this.calendar.overrides(em);
        app.reviewDueAt = reviewDueAt(now, days, (date, n) => addWorkingDays(date as IsoDate, n, overrides));
      } else {
        await this.issueSubAccount(em, app, now);
      }
      await em.save(app);
      await this.audit.record(em, { action: 'application.submit', entityType: 'application', entityId: app.id, after: { status: app.status, reviewDueAt: app.reviewDueAt, subAccount: app.subAccount } });
      return this.ownView(em, app, me);
    });
  }

  /** Staff decide a pre-review with a reason; approval issues the deposit account. */
  async review(applicationId: string, decision: 'approve' | 'reject', reason: string, actor: Actor) {
    return this.tx.run(async (em) => {
      const app = await this.lock(em, applicationId);
      const now = await this.tx.now(em);
      const before = app.status;
      this.move(app, decision === 'approve' ? 'approve' : 'reject', reason);
      app.reviewedAt = now;
      app.reviewedBy = actor.id;
      app.reviewReason = reason;
      if (decision === 'approve') await this.issueSubAccount(em, app, now);
      await em.save(app);
      await this.audit.record(em, { action: `application.review.${decision}`, entityType: 'application', entityId: app.id, before: { status: before }, after: { status: app.status, subAccount: app.subAccount, overdue: app.reviewDueAt !== null && now > app.reviewDueAt }, reason });
      await this.notices.applicationReviewed(em, app.id, decision, reason);
      return this.staffView(em, app);
    });
  }

  // ── deposits and qualification ──────────────────────────────────────────────────────────────

  private async issueSubAccount(em: EntityManager, app: ApplicationEntity, now: Date): Promise<void> {
    this.move(app, 'open_deposit');
    const reuseDays = await this.settings.get<number>('qualification.subAccountReuseDays', em);
    for (let attempt = 0; attempt < 10; attempt++) {
      const candidate = generateSubAccount(this.options.subAccountPrefix);
      // Take the number unless it was issued within the reuse period (random 11 digits rarely collide).
      const taken: unknown[] = await em.query(
        `INSERT INTO sub_account_registry (sub_account, application_id, issued_at) VALUES ($1, $2, $3)
         ON CONFLICT (sub_account) DO UPDATE SET application_id = EXCLUDED.application_id, issued_at = EXCLUDED.issued_at
           WHERE sub_account_registry.issued_at < $3::timestamptz - make_interval(days => $4)
         RETURNING sub_account`,
        [candidate, app.id, now, reuseDays],
      );
      if (taken.length === 1) {
        if (await em.existsBy(ApplicationEntity, { subAccount: candidate })) {
          await em.update(ApplicationEntity, { subAccount: candidate }, { subAccount: null });
        }
        app.subAccount = candidate;
        app.subAccountIssuedAt = now;
        return;
      }
    }
    throw new DomainError('SUB_ACCOUNT_UNAVAILABLE', 'no free deposit sub-account could be issued; try again', 'id');
  }

  /** The deposit position of an application from its stored payments. */
  async depositOf(em: EntityManager, app: ApplicationEntity): Promise<{ summary: DepositSummary; payments: DepositPaymentEntity[] }> {
    const payments = await em.find(DepositPaymentEntity, { where: { applicationId: app.id }, order: { arrivedAt: 'ASC' } });
    const names = await this.memberNames(em, app.id);
    const status = computeDepositStatus({
      required: app.depositRequired,
      deadline: app.depositDeadline,
      payments: payments.map((p) => ({ txnId: p.bankTxnId, amount: p.amount, arrivedAt: p.arrivedAt, payerName: p.payerName })),
      applicantNames: names,
    });
    return { summary: { required: app.depositRequired, counted: status.counted, late: status.late, outstanding: status.outstanding, excess: status.excess, fullyPaidInTime: status.fullyPaidInTime }, payments };
  }

  async memberNames(em: EntityManager, applicationId: string): Promise<string[]> {
    const rows = await em.find(ApplicationPartnerEntity, { where: { applicationId }, relations: { bidder: true } });
    return rows.map((r) => r.bidder!.name);
  }

  /** Qualifies the application when its deposit is complete and in time: bidder number and confirmation. */
  async qualifyIfPaid(em: EntityManager, app: ApplicationEntity): Promise<boolean> {
    if (app.status !== 'awaiting_deposit') return false;
    const { summary } = await this.depositOf(em, app);
    if (!summary.fullyPaidInTime) return false;
    // Serialize number drawing per lot.
    await em.query('SELECT 1 FROM lot WHERE id = $1 FOR UPDATE', [app.lotId]);
    const taken = new Set((await em.find(ApplicationEntity, { where: { lotId: app.lotId }, select: { bidderNumber: true } })).map((a) => a.bidderNumber).filter((n): n is string => n !== null));
    const digits = await this.settings.get<number>('qualification.bidderNumberDigits', em);
    this.move(app, 'qualify', undefined, summary.fullyPaidInTime);
    app.bidderNumber = drawBidderNumber(taken, (max: number) => randomInt(max), digits);
    app.qualifiedAt = await this.tx.now(em);
    app.confirmationCode = randomBytes(10).toString('hex').toUpperCase();
    await em.save(app);
    await this.audit.record(em, { action: 'application.qualify', entityType: 'application', entityId: app.id, after: { bidderNumber: app.bidderNumber, confirmationCode: app.confirmationCode }, actor: 'system' });
    await this.notices.bidderQualified(em, app.id);
    return true;
  }

  // ── reads ───────────────────────────────────────────────────────────────────────────────────

  async mine(actor: Actor) {
    return this.tx.run(async (em) => {
      const me = await this.bidders.forActor(em, actor);
      const rows = await em.find(ApplicationPartnerEntity, { where: { bidderId: me.id } });
      const apps = rows.length ? await em.find(ApplicationEntity, { where: { id: In(rows.map((r) => r.applicationId)) }, order: { createdAt: 'DESC' } }) : [];
      return mapInOrder(apps, (a) => this.ownView(em, a, me));
    });
  }

  /** Trading staff and supervisors see any application with identities; its members their own view. */
  async getForActor(applicationId: string, actor: Actor) {
    return this.tx.run(async (em) => {
      const { app, me } = await this.access.asStaffOrMember(em, applicationId, actor, [Permission.BidderRead]);
      return me ? this.ownView(em, app, me) : this.staffView(em, app);
    });
  }

  /** 竞买资格确认书: for the application's members and for staff. */
  async confirmation(applicationId: string, actor: Actor) {
    return this.tx.run(async (em) => {
      const { app } = await this.access.asStaffOrMember(em, applicationId, actor, [Permission.BidderRead]);
      if (app.status !== 'qualified' || !app.bidderNumber) throw new DomainError('NOT_QUALIFIED', 'the application is not qualified yet', 'id');
      const lot = await em.findOneByOrFail(LotEntity, { id: app.lotId });
      const members = await em.find(ApplicationPartnerEntity, { where: { applicationId }, relations: { bidder: true } });
      const names = members.map((m) => (app.joint ? `${m.bidder!.name}（${m.share.toPercentString(2)}%）` : m.bidder!.name)).join('、');
      return {
        title: '竞买资格确认书',
        lotNumber: lot.lotNumber,
        lotTitle: lot.title,
        applicant: names,
        joint: app.joint,
        bidderNumber: app.bidderNumber,
        confirmationCode: app.confirmationCode,
        qualifiedAt: app.qualifiedAt,
        text:
          `${names}：经审查，你（单位）已具备标的${lot.lotNumber}（${lot.title}）的竞买资格，竞买号牌为${app.bidderNumber}。` +
          `请凭本确认书及号牌参加竞买。竞买过程中仅以号牌标识竞买人。确认码：${app.confirmationCode}。`,
      };
    });
  }

  async forLot(lotId: string) {
    return this.tx.run(async (em) => {
      const apps = await em.find(ApplicationEntity, { where: { lotId }, order: { createdAt: 'ASC' } });
      return mapInOrder(apps, (a) => this.staffView(em, a));
    });
  }

  async overdueReviews() {
    return this.tx.run(async (em) => {
      const now = await this.tx.now(em);
      const apps = await em.find(ApplicationEntity, { where: { status: 'under_review', reviewDueAt: LessThan(now) }, order: { reviewDueAt: 'ASC' } });
      return mapInOrder(apps, async (a) => ({ ...(await this.staffView(em, a)), overdueSince: a.reviewDueAt }));
    });
  }

  /**
   * The deposit ledger of a lot: sub-accounts, required, counted, late, excess. Finance sees bidder
   * numbers and sub-accounts; payer names and accounts only reach trading staff and supervisors.
   */
  async depositLedger(lotId: string, actor: Actor) {
    const identities = actor.roles.includes('trading_officer') || actor.roles.includes('supervisor');
    return this.tx.run(async (em) => {
      const lot = await em.findOneBy(LotEntity, { id: lotId });
      if (!lot) throw new DomainError('LOT_NOT_FOUND', `lot ${lotId} does not exist`, 'lotId');
      const apps = await em.find(ApplicationEntity, { where: { lotId }, order: { createdAt: 'ASC' } });
      const rows = await mapInOrder(
        apps.filter((a) => a.subAccount),
        async (a) => {
          const { summary, payments } = await this.depositOf(em, a);
          const shown = payments.map(paymentView).map((p) => (identities ? p : { ...p, payerName: undefined, payerAccount: undefined }));
          return { applicationId: a.id, bidderNumber: a.bidderNumber, status: a.status, subAccount: a.subAccount, deadline: a.depositDeadline, ...depositSummaryView(summary), payments: shown };
        },
      );
      const total = (key: 'counted' | 'late' | 'excess' | 'outstanding') => Money.sum(rows.map((r) => Money.of(r[key]))).toString();
      return { lotId, lotNumber: lot.lotNumber, deadline: lot.depositDeadline, rows, totals: { counted: total('counted'), late: total('late'), excess: total('excess'), outstanding: total('outstanding') } };
    });
  }

  // ── helpers ─────────────────────────────────────────────────────────────────────────────────

  assertWindowOpen(lot: LotEntity, now: Date): void {
    if (!OPEN_LOT_PHASES.includes(lot.phase)) throw new DomainError('LOT_NOT_OPEN', `lot ${lot.lotNumber} is ${lot.phase} and takes no applications`, 'lotId');
    if (now < lot.applicationStart) throw new DomainError('APPLICATION_WINDOW_NOT_OPEN', `applications open at ${lot.applicationStart.toISOString()}`, 'lotId');
    if (now >= lot.applicationEnd) throw new DomainError('APPLICATION_WINDOW_CLOSED', `applications closed at ${lot.applicationEnd.toISOString()}`, 'lotId');
    if (now >= lot.registrationClose) throw new DomainError('REGISTRATION_CLOSED', `registration closed at ${lot.registrationClose.toISOString()}`, 'lotId');
  }

  /** The only writer of an application's status: through the review state machine. */
  private move(app: ApplicationEntity, name: ApplicationTransitionName, reason?: string, depositFullyPaidInTime?: boolean): void {
    app.status = transitionApplication(app.status as ApplicationState, name, { reviewMode: app.reviewMode, reason, depositFullyPaidInTime }).state;
  }

  /** Staff only (application.review is checked by the route): an unknown id is not found. */
  private async lock(em: EntityManager, id: string): Promise<ApplicationEntity> {
    const app = await em.findOne(ApplicationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!app) throw applicationNotFound();
    return app;
  }

  /** A barred bidder may neither apply, nor join a group, nor be part of a group that submits. */
  async assertNotBanned(em: EntityManager, bidder: BidderEntity, who: string): Promise<void> {
    const ban = await this.bidders.activeBan(em, bidder.id);
    if (ban) {
      throw new DomainError('BIDDER_BLACKLISTED', `${who} barred from bidding until ${ban.endsAt.toISOString()}: ${ban.reason}`, 'authorization', { reason: ban.reason, endsAt: ban.endsAt.toISOString() });
    }
  }

  /**
   * DOMAIN §4: nobody applies for one lot twice — alone twice, alone and in a group, or in two groups.
   * Holds the bidder's row lock until commit, so two requests of one bidder cannot both pass.
   */
  async assertFreeForLot(em: EntityManager, bidder: BidderEntity, lotId: string, joint: boolean, field: string): Promise<void> {
    await em.query('SELECT 1 FROM bidder WHERE id = $1 FOR UPDATE', [bidder.id]);
    const taken = await em.findOne(ApplicationPartnerEntity, { where: { lotId, bidderId: bidder.id, releasedAt: IsNull() }, relations: { application: true } });
    if (!taken) return;
    const alone = !taken.application!.joint;
    if (alone !== !joint) {
      throw new DomainError('ALONE_AND_JOINT', `you have already applied for this lot ${alone ? 'alone' : 'in a joint group'}; nobody may apply alone and in a group for the same lot`, field);
    }
    throw new DomainError('ALREADY_APPLIED', `you have already applied for this lot${alone ? '' : ' in a joint group; nobody may be in two groups for the same lot'}`, field);
  }

  async staffView(em: EntityManager, app: ApplicationEntity) {
    const partners = (await em.find(ApplicationPartnerEntity, { where: { applicationId: app.id }, relations: { bidder: true }, order: { isLead: 'DESC', acceptedAt: 'ASC' } })) as Array<
      ApplicationPartnerEntity & { bidder: BidderEntity }
    >;
    const invitations = await em.find(JointInvitationEntity, { where: { applicationId: app.id }, order: { position: 'ASC' } });
    const documents = await em.find(ApplicationDocumentEntity, { where: { applicationId: app.id }, order: { uploadedAt: 'ASC' } });
    const { summary, payments } = await this.depositOf(em, app);
    return staffApplicationView(app, partners, invitations, documents, summary, payments);
  }

  /** What the members of an application see: their group, their deposit and instructions, their number. */
  async ownView(em: EntityManager, app: ApplicationEntity, me: BidderEntity) {
    const lead = (await em.findOneOrFail(ApplicationPartnerEntity, { where: { applicationId: app.id, isLead: true }, relations: { bidder: true } })) as ApplicationPartnerEntity & { bidder: BidderEntity };
    const invitations = await em.find(JointInvitationEntity, { where: { applicationId: app.id }, order: { position: 'ASC' } });
    const answered = invitations.map((i) => i.bidderId).filter((x): x is string => x !== null);
    const names = new Map((answered.length ? await em.find(BidderEntity, { where: { id: In(answered) }, select: { id: true, name: true } }) : []).map((b) => [b.id, b.name]));
    const documents = await em.find(ApplicationDocumentEntity, { where: { applicationId: app.id }, order: { uploadedAt: 'ASC' } });
    const { summary, payments } = await this.depositOf(em, app);
    const lot = await em.findOneByOrFail(LotEntity, { id: app.lotId });
    return {
      id: app.id,
      lotId: app.lotId,
      lotNumber: lot.lotNumber,
      lotTitle: lot.title,
      status: app.status,
      reviewMode: app.reviewMode,
      joint: app.joint,
      isLead: me.id === app.leadBidderId,
      members: groupView(lead, invitations, names),
      documents: documents.map(documentView),
      reviewReason: app.status === 'rejected' ? app.reviewReason : null,
      deposit: {
        ...depositSummaryView(summary),
        instructions: app.subAccount
          ? `请于${app.depositDeadline.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}前，以竞买人名义将竞买保证金${app.depositRequired.toString()}元汇入专用虚拟子账号${app.subAccount}。以银行到账时间为准，逾期到账的款项不计入保证金并将予以退还。`
          : null,
        subAccount: app.subAccount,
        deadline: app.depositDeadline,
        payments: payments.map(paymentView),
      },
      bidderNumber: app.bidderNumber,
      qualifiedAt: app.qualifiedAt,
      confirmationUrl: app.bidderNumber ? `/api/applications/${app.id}/confirmation` : null,
    };
  }
}
