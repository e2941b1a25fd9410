import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { WorkingDayCalendar } from '@app/calendar';
import { DomainError, pageWindow, RequestContext, type Actor, type PageQueryDto, mapInOrder } from '@app/common';
import { TransactionRunner } from '@app/database';
import { DisclosureService } from '@app/disclosure/application/disclosure.service';
import { NotificationService, type NotificationKind } from '@app/notification';
import { ParcelService } from '@app/reserve/application/parcel.service';
import { SettingsService } from '@app/settings';
import {
  amendAnnouncement,
  publishAnnouncement,
  resumeAnnouncement,
  suspendAnnouncement,
  terminateAnnouncement,
  type AnnouncementState,
} from '../domain/announcement-lifecycle';
import { describeChanges, diffAmendment, type AmendableAnnouncement } from '../domain/amendment-diff';
import type { RuleViolation } from '../domain/listing-settings';
import { transitionLot, type LotPhase, type LotTransitionName } from '../domain/lot-phase';
import { checkPublication, registrationCloseOf, reserveSealingMomentOf } from '../domain/lot-schedule';
import { lotTermsViolations, PRICE_UNIT_LABELS } from '../domain/lot-terms';
import type { AmendmentDto, CreateAnnouncementDto, CreateLotDto, LotTermsDto } from '../http/dto/lot.dto';
import { AnnouncementVersionEntity } from '../persistence/announcement-version.entity';
import { AnnouncementEntity } from '../persistence/announcement.entity';
import { ApprovalRequestEntity } from '../persistence/approval-request.entity';
import { LotParcelEntity } from '../persistence/lot-parcel.entity';
import { LotEntity } from '../persistence/lot.entity';
import { ReserveCommitteeMemberEntity, ReserveSealEntity } from '../persistence/reserve.entities';
import { ApplicantDirectory } from './applicant-directory';
import { DraftLotService, scheduleShape, throwAll } from './draft-lot.service';
import { listingSettings } from './listing-config';
import { saleParcelsOf } from './sale-parcels';
import { LiveTrading } from './live-trading';
import { termsJson, toLotSchedule, toLotTerms } from './lot-mapping';
import { reserveSealedNotice, scheduleOf, staffLotView } from './lot-view';

const METHOD_NAMES: Record<string, string> = { auction: '拍卖', listing: '挂牌', tender: '招标' };
const fmt = (d: Date) => d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/**
 * Announcements (出让公告) and their lots, from draft to publication, amendment (补充公告), suspension,
 * resumption and termination. Each use case is one transaction that writes the change, its audit
 * record and its public notice together.
 */
@Injectable()
export class AnnouncementService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly calendar: WorkingDayCalendar,
    private readonly parcels: ParcelService,
    private readonly disclosure: DisclosureService,
    private readonly applicants: ApplicantDirectory,
    private readonly liveTrading: LiveTrading,
    private readonly notifications: NotificationService,
    private readonly drafts: DraftLotService,
  ) {}

  // ── drafts ──────────────────────────────────────────────────────────────────────────────────

  async create(dto: CreateAnnouncementDto) {
    return this.tx.run(async (em) => {
      if (await em.existsBy(AnnouncementEntity, { number: dto.number.trim() })) {
        throw new DomainError('ANNOUNCEMENT_NUMBER_TAKEN', `announcement number ${dto.number} is already used`, 'number');
      }
      const saved = await em.save(
        em.create(AnnouncementEntity, { number: dto.number.trim(), title: dto.title.trim(), body: dto.body, status: 'draft', version: 0, createdBy: RequestContext.actor()?.id ?? null }),
      );
      await this.audit.record(em, { action: 'announcement.create', entityType: 'announcement', entityId: saved.id, after: { number: saved.number, title: saved.title } });
      return this.detail(em, saved.id);
    });
  }

  /** Adds a lot to a draft (DraftLotService: every rule that holds before publication is checked at once). */
  async addLot(announcementId: string, dto: CreateLotDto) {
    return this.drafts.add(announcementId, dto);
  }

  // ── publication ─────────────────────────────────────────────────────────────────────────────

  /**
   * Publishes the announcement. Every lot is checked (terms, lead time and listing length on the
   * working-day calendar, committee for a reserve, parcels ready), and every rule broken comes back
   * in one 400; nothing changes unless all pass.
   */
  async publish(id: string) {
    return this.tx.run(async (em) => {
      const a = await this.lockAnnouncement(em, id);
      const now = await this.tx.now(em);
      const next = publishAnnouncement(stateOf(a), { now });
      const lots = await em.find(LotEntity, { where: { announcementId: id }, order: { lotNumber: 'ASC' }, lock: { mode: 'pessimistic_write' } });
      if (lots.length === 0) throw new DomainError('ANNOUNCEMENT_HAS_NO_LOTS', 'an announcement needs at least one lot', 'lots');
      const region = await listingSettings(this.settings, em);
      const overrides = await this.calendar.overrides(em);
      const violations: RuleViolation[] = [];
      for (const [i, lot] of lots.entries()) {
        const prefix = `lots[${i}]`;
        violations.push(...lotTermsViolations(toLotTerms(lot.terms as unknown as LotTermsDto, `${prefix}.terms`), region, `${prefix}.terms`, await saleParcelsOf(em, await this.parcelIdsOf(em, lot.id))));
        violations.push(...checkPublication(scheduleOf(lot), lot.method, now, overrides, region, `${prefix}.schedule`));
        if (lot.terms['hasReserve'] === true) {
          const members = await em.countBy(ReserveCommitteeMemberEntity, { lotId: lot.id });
          if (members < (region.minCommitteeSize ?? 3)) {
            violations.push({ code: 'COMMITTEE_TOO_SMALL', message: `lot ${lot.lotNumber} has a reserve but ${members} pricing committee member(s); at least ${region.minCommitteeSize} are needed`, field: `${prefix}.committee` });
          }
        }
        const parcelIds = await this.parcelIdsOf(em, lot.id);
        try {
          await this.parcels.assertReadyForSale(em, parcelIds, `${prefix}.parcelIds`);
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          violations.push({ code: e.code, message: e.message, field: e.field ?? `${prefix}.parcelIds` });
        }
      }
      throwAll('PUBLICATION_INVALID', violations);

      for (const lot of lots) {
        this.movePhase(lot, 'publish', now);
        await em.save(lot);
        await this.parcels.markListed(em, await this.parcelIdsOf(em, lot.id), `listed in announcement ${a.number}, lot ${lot.lotNumber}`);
      }
      a.status = next.status;
      a.version = next.version;
      a.publishedAt = now;
      await em.save(a);
      await this.saveVersion(em, a, 'original', '出让公告', null, now);
      await this.disclosure.publish(em, {
        kind: 'announcement',
        announcementId: a.id,
        title: `${a.title}（${a.number}）`,
        body: `${a.body}\n\n${lots.map((l) => this.lotSummary(l)).join('\n')}`,
      });
      for (const seal of await em.find(ReserveSealEntity, { where: { lotId: In(lots.map((l) => l.id)) } })) {
        await this.disclosure.publish(em, reserveSealedNotice(lots.find((l) => l.id === seal.lotId)!, seal.commitment));
      }
      await this.audit.record(em, { action: 'announcement.publish', entityType: 'announcement', entityId: a.id, before: { status: 'draft' }, after: { status: a.status, version: a.version, lots: lots.map((l) => l.lotNumber) } });
      return this.detail(em, id);
    });
  }

  private lotSummary(lot: LotEntity): string {
    const unit = PRICE_UNIT_LABELS[lot.terms['priceUnit'] as keyof typeof PRICE_UNIT_LABELS] ?? '元';
    const when = lot.method === 'listing' ? `挂牌时间：${fmt(lot.tradingStart)}至${fmt(lot.tradingEnd!)}` : lot.method === 'auction' ? `拍卖时间：${fmt(lot.tradingStart)}` : `投标截止：${fmt(lot.tradingEnd!)}，开标：${fmt(lot.openingAt!)}`;
    return (
      `标的${lot.lotNumber}（${lot.title}）：出让方式${METHOD_NAMES[lot.method]}，起始价${lot.startPrice.toString()}${unit}` +
      (lot.increment ? `，加价幅度${lot.increment.toString()}${unit}` : '') +
      `，竞买保证金${lot.deposit.toString()}元，${lot.terms['hasReserve'] === true ? '设有底价' : '不设底价'}。` +
      `申请时间：${fmt(lot.applicationStart)}至${fmt(lot.applicationEnd)}；保证金到账截止：${fmt(lot.depositDeadline)}；${when}。`
    );
  }

  // ── amendments (补充公告) ────────────────────────────────────────────────────────────────────

  /**
   * Publishes a supplementary notice (补充公告): new terms or schedules for some lots, or a corrected
   * title or text. Refused with AMENDMENT_NO_CHANGE when it changes nothing; the notice and the
   * message to every applicant list what changed.
   */
  async amend(id: string, dto: AmendmentDto) {
    return this.tx.run(async (em) => {
      const a = await this.lockAnnouncement(em, id);
      const now = await this.tx.now(em);
      const lots = await em.find(LotEntity, { where: { id: In(dto.lots.map((l) => l.lotId)), announcementId: id }, order: { lotNumber: 'ASC' }, lock: { mode: 'pessimistic_write' } });
      if (lots.length !== new Set(dto.lots.map((l) => l.lotId)).size) throw new DomainError('LOT_NOT_FOUND', 'every amended lot must belong to this announcement', 'lots');
      const next = amendAnnouncement(stateOf(a), { now, reason: dto.reason, summary: dto.summary, affectedLots: lots.map((l) => ({ lotId: l.lotNumber, tradingStartsAt: l.tradingStart })) });
      const region = await listingSettings(this.settings, em);
      const overrides = await this.calendar.overrides(em);
      const snapshot = (): AmendableAnnouncement => ({ title: a.title, body: a.body, lots: lots.map((l) => ({ lotNumber: l.lotNumber, terms: { ...l.terms }, schedule: scheduleOf(l) })) });
      const before = snapshot();
      const violations: RuleViolation[] = [];
      const changes: Array<{ lotNumber: string; before: unknown; after: unknown }> = [];
      for (const [i, change] of dto.lots.entries()) {
        const lot = lots.find((l) => l.id === change.lotId)!;
        const lotBefore = staffLotView(lot, []);
        const prefix = `lots[${i}]`;
        if (change.terms) {
          if (change.terms.method !== lot.method) violations.push({ code: 'METHOD_CHANGE_NOT_ALLOWED', message: 'an amendment cannot change the method of sale', field: `${prefix}.terms.method` });
          violations.push(...lotTermsViolations(toLotTerms(change.terms, `${prefix}.terms`), region, `${prefix}.terms`, await saleParcelsOf(em, await this.parcelIdsOf(em, lot.id))));
          const terms = toLotTerms(change.terms, `${prefix}.terms`);
          Object.assign(lot, { terms: termsJson(change.terms), startPrice: terms.startPrice, increment: terms.increment ?? null, deposit: terms.deposit, capPrice: terms.priceCap ?? null });
        }
        const hasReserve = lot.terms['hasReserve'] === true;
        if (change.schedule) {
          const schedule = toLotSchedule(change.schedule);
          const shape = scheduleShape(lot.method, schedule, change.schedule);
          violations.push(...shape.violations.map((v) => ({ ...v, field: `${prefix}.${v.field}` })));
          if (!hasReserve && change.schedule.reserveSealingAt !== undefined) {
            violations.push({ code: 'NO_RESERVE_TO_SEAL', message: 'reserveSealingAt applies only to a lot with a reserve price', field: `${prefix}.schedule.reserveSealingAt` });
          }
          Object.assign(lot, shape.columns, {
            registrationClose: registrationCloseOf(schedule, lot.method, overrides, region),
            reserveSealDeadline: hasReserve ? (reserveSealingMomentOf(schedule, lot.method, region) ?? null) : null,
          });
          // The lead time still counts from the original publication; nothing may lie before now.
          violations.push(...checkPublication(scheduleOf(lot), lot.method, a.publishedAt ?? now, overrides, region, `${prefix}.schedule`));
          if (lot.tradingStart.getTime() <= now.getTime()) violations.push({ code: 'SCHEDULE_IN_PAST', message: 'the amended trading start has already passed', field: `${prefix}.schedule` });
        } else if (hasReserve !== (lot.reserveSealDeadline !== null)) {
          // A reserve added or dropped by the terms alone: its sealing moment follows.
          lot.reserveSealDeadline = hasReserve ? (reserveSealingMomentOf({ ...scheduleOf(lot), reserveSealingAt: undefined }, lot.method, region) ?? null) : null;
        }
        changes.push({ lotNumber: lot.lotNumber, before: lotBefore, after: staffLotView(lot, []) });
      }
      if (dto.title !== undefined) a.title = dto.title.trim();
      if (dto.announcementBody !== undefined) a.body = dto.announcementBody;
      const diff = diffAmendment(before, snapshot());
      if (diff.length === 0) {
        throw new DomainError('AMENDMENT_NO_CHANGE', 'the amendment changes nothing: the title, the text and the terms and schedule of every lot named are as already published; nothing was published', 'lots');
      }
      throwAll('AMENDMENT_INVALID', violations);
      for (const lot of lots) await em.save(lot);
      a.version = next.version;
      await em.save(a);
      await this.saveVersion(em, a, 'amendment', dto.summary, dto.reason, now);
      const changed = describeChanges(diff);
      await this.disclosure.publish(em, {
        kind: 'amendment',
        announcementId: a.id,
        title: `关于${a.title}的补充公告（第${a.version - 1}号）`,
        body: `${dto.summary}。原因：${dto.reason}。\n变更内容：\n${changed}${dto.body ? `\n${dto.body}` : ''}${lots.length > 0 ? `\n${lots.map((l) => this.lotSummary(l)).join('\n')}` : ''}`,
      });
      await this.notifyApplicants(em, a, 'announcement.amendment', `补充公告：${a.number}`, `${a.number}（${a.title}）发布第${a.version - 1}号补充公告：${dto.summary}。\n变更内容：\n${changed}\n请登录平台查看公告全文。`);
      await this.audit.record(em, { action: 'announcement.amend', entityType: 'announcement', entityId: a.id, before: { version: a.version - 1, title: before.title }, after: { version: a.version, title: a.title, changes, diff }, reason: dto.reason });
      return this.detail(em, id);
    });
  }

  // ── suspension, resumption, termination ─────────────────────────────────────────────────────

  /** A trading officer asks; a supervisor decides (maker-checker). Nothing changes until approved. */
  async requestDecision(id: string, action: 'announcement.suspend' | 'announcement.terminate', reason: string, payload: Record<string, unknown>, actor: Actor) {
    return this.tx.run(async (em) => {
      const a = await this.lockAnnouncement(em, id);
      const now = await this.tx.now(em);
      // Validate against the state machine now, so an impossible request is refused at once.
      const probe = { requestedBy: actor.id, approvedBy: '(pending)', approverRoles: ['supervisor'] };
      if (action === 'announcement.suspend') suspendAnnouncement(stateOf(a), { now, reason, approval: probe });
      else terminateAnnouncement(stateOf(a), { now, reason, approval: probe });
      const pending = await em.existsBy(ApprovalRequestEntity, { targetId: id, action, status: 'pending' });
      if (pending) throw new DomainError('ALREADY_REQUESTED', `a ${action} request for this announcement is already pending`, 'id');
      const saved = await em.save(em.create(ApprovalRequestEntity, { action, targetType: 'announcement', targetId: id, payload, reason, requestedBy: actor.id, status: 'pending' }));
      await this.audit.record(em, { action: `${action}.request`, entityType: 'announcement', entityId: id, after: { approvalRequestId: saved.id, ...payload }, reason });
      return saved;
    });
  }

  /** Applies an approved suspension or termination inside the supervisor's decision transaction. */
  async applyApproved(em: EntityManager, request: ApprovalRequestEntity, approver: Actor): Promise<void> {
    const a = await this.lockAnnouncement(em, request.targetId);
    const now = await this.tx.now(em);
    const approval = { requestedBy: request.requestedBy, approvedBy: approver.id, approverRoles: approver.roles };
    const lots = await em.find(LotEntity, { where: { announcementId: a.id }, lock: { mode: 'pessimistic_write' } });
    if (request.action === 'announcement.suspend') {
      const next = suspendAnnouncement(stateOf(a), { now, reason: request.reason, approval });
      for (const lot of lots) {
        if (['closed_sold', 'closed_unsold', 'terminated', 'draft'].includes(lot.phase)) continue;
        // A lot in trading is suspended by the engine (bidding), which writes its row itself.
        if (await this.liveTrading.suspend(em, lot.id, request.reason)) continue;
        if (lot.phase === 'suspended') continue;
        this.movePhase(lot, 'suspend', now, request.reason, true);
        await em.save(lot);
      }
      a.status = next.status;
      a.suspendedAt = now;
      await em.save(a);
      await this.disclosure.publish(em, { kind: 'suspension', announcementId: a.id, title: `${a.title}中止公告（${a.number}）`, body: `因${request.reason}，${a.number}所列标的出让活动中止。恢复时间另行公告。` });
      await this.notifyApplicants(em, a, 'announcement.suspension', `中止公告：${a.number}`, `${a.number}（${a.title}）出让活动已中止：${request.reason}。恢复时间另行公告。`);
      await this.audit.record(em, { action: 'announcement.suspend', entityType: 'announcement', entityId: a.id, before: { status: 'published' }, after: { status: 'suspended', approvedBy: approver.username, approvalRequestId: request.id }, reason: request.reason });
    } else {
      const next = terminateAnnouncement(stateOf(a), { now, reason: request.reason, approval });
      for (const lot of lots) {
        if (['closed_sold', 'closed_unsold', 'terminated'].includes(lot.phase)) continue;
        const wasListed = lot.phase !== 'draft';
        this.movePhase(lot, 'terminate', now, request.reason, true);
        await em.save(lot);
        // A terminated sale sends its parcels back to the reserve's supply (DOMAIN §2).
        if (wasListed) await this.parcels.returnAfterFailedSale(em, await this.parcelIdsOf(em, lot.id), `sale terminated: ${request.reason}`);
      }
      a.status = next.status;
      a.terminatedAt = now;
      await em.save(a);
      await this.disclosure.publish(em, { kind: 'termination', announcementId: a.id, title: `${a.title}终止公告（${a.number}）`, body: `因${request.reason}，${a.number}所列标的出让活动终止。已交纳的竞买保证金将按规定退还。` });
      await this.notifyApplicants(em, a, 'announcement.termination', `终止公告：${a.number}`, `${a.number}（${a.title}）出让活动已终止：${request.reason}。已交纳的竞买保证金将按规定退还。`);
      await this.audit.record(em, { action: 'announcement.terminate', entityType: 'announcement', entityId: a.id, after: { status: 'terminated', approvedBy: approver.username, approvalRequestId: request.id }, reason: request.reason });
    }
  }

  /** Resumes a suspended sale, announced at least N days (setting) before trading resumes. */
  async resume(id: string, resumesAt: Date, reason: string) {
    return this.tx.run(async (em) => {
      const a = await this.lockAnnouncement(em, id);
      const now = await this.tx.now(em);
      const region = await listingSettings(this.settings, em);
      const next = resumeAnnouncement(stateOf(a), { now, resumesAt, reason }, region);
      const lots = await em.find(LotEntity, { where: { announcementId: id, phase: 'suspended' }, lock: { mode: 'pessimistic_write' } });
      const early = lots.find((l) => l.tradingStart.getTime() < resumesAt.getTime() && (l.phaseBeforeSuspension === 'published' || l.phaseBeforeSuspension === 'applying'));
      if (early) {
        throw new DomainError('SCHEDULE_BEFORE_RESUMPTION', `lot ${early.lotNumber} would start trading before the resumption; publish an amendment of its schedule first`, 'resumesAt');
      }
      for (const lot of lots) {
        // A lot suspended in trading resumes at resumesAt, by the clock, with the suspended time added.
        if (await this.liveTrading.scheduleResumption(em, lot.id, resumesAt, reason)) continue;
        this.movePhase(lot, 'resume_from_suspension', now);
        await em.save(lot);
      }
      a.status = next.status;
      a.suspendedAt = null;
      await em.save(a);
      await this.disclosure.publish(em, { kind: 'resumption', announcementId: a.id, title: `${a.title}恢复出让公告（${a.number}）`, body: `${a.number}所列标的出让活动定于${fmt(resumesAt)}恢复。${reason}` });
      await this.notifyApplicants(em, a, 'announcement.resumption', `恢复公告：${a.number}`, `${a.number}（${a.title}）出让活动将于${fmt(resumesAt)}恢复。${reason}`);
      await this.audit.record(em, { action: 'announcement.resume', entityType: 'announcement', entityId: a.id, before: { status: 'suspended' }, after: { status: a.status, resumesAt }, reason });
      return this.detail(em, id);
    });
  }

  // ── reads (staff) ───────────────────────────────────────────────────────────────────────────

  async list(query: PageQueryDto & { status?: string }) {
    const { page, pageSize, skip } = pageWindow(query);
    const [rows, total] = await this.tx.run((em) =>
      // Practice announcements (模拟竞价, libs/practice) are no announcements of the centre's: never listed here.
      em.findAndCount(AnnouncementEntity, {
        where: query.status ? { status: query.status as AnnouncementEntity['status'], practice: false } : { practice: false },
        order: { createdAt: 'DESC' },
        skip,
        take: pageSize,
      }),
    );
    return { items: rows.map((a) => ({ id: a.id, number: a.number, title: a.title, status: a.status, version: a.version, publishedAt: a.publishedAt })), total, page, pageSize };
  }

  async get(id: string) {
    return this.tx.run((em) => this.detail(em, id));
  }

  async getLot(id: string) {
    return this.tx.run(async (em) => {
      const lot = await em.findOneBy(LotEntity, { id });
      if (!lot) throw new DomainError('LOT_NOT_FOUND', `lot ${id} does not exist`, 'id');
      return this.lotDetail(em, lot);
    });
  }

  private async lotDetail(em: EntityManager, lot: LotEntity) {
    const committee: Array<{ user_id: string; username: string; display_name: string; submitted_at: Date | null }> = await em.query(
      `SELECT m.user_id, u.username, u.display_name, p.submitted_at
         FROM reserve_committee_member m JOIN app_user u ON u.id = m.user_id
         LEFT JOIN reserve_proposal p ON p.lot_id = m.lot_id AND p.member_id = m.user_id
        WHERE m.lot_id = $1 ORDER BY u.username`,
      [lot.id],
    );
    const seal = await em.findOneBy(ReserveSealEntity, { lotId: lot.id });
    return {
      ...staffLotView(lot, await this.parcelIdsOf(em, lot.id)),
      reserve: {
        hasReserve: lot.terms['hasReserve'] === true,
        committee: committee.map((c) => ({ userId: c.user_id, username: c.username, displayName: c.display_name, submitted: c.submitted_at !== null, submittedAt: c.submitted_at })),
        sealed: Boolean(seal),
        commitment: seal?.commitment ?? null,
        sealedAt: seal?.sealedAt ?? null,
        revealedValue: seal?.revealedValue?.toString() ?? null,
      },
    };
  }

  private async detail(em: EntityManager, id: string) {
    const a = await em.findOneBy(AnnouncementEntity, { id, practice: false });
    if (!a) throw new DomainError('ANNOUNCEMENT_NOT_FOUND', `announcement ${id} does not exist`, 'id');
    const lots = await em.find(LotEntity, { where: { announcementId: id }, order: { lotNumber: 'ASC' } });
    const versions = await em.find(AnnouncementVersionEntity, { where: { announcementId: id }, order: { version: 'ASC' } });
    return {
      id: a.id,
      number: a.number,
      title: a.title,
      body: a.body,
      status: a.status,
      version: a.version,
      publishedAt: a.publishedAt,
      versions: versions.map((v) => ({ version: v.version, kind: v.kind, summary: v.summary, reason: v.reason, publishedAt: v.publishedAt })),
      lots: await mapInOrder(lots, (l) => this.lotDetail(em, l)),
    };
  }

  // ── helpers ─────────────────────────────────────────────────────────────────────────────────

  /** A practice lot's announcement is not one: it is never published, amended, suspended or resumed. */
  private async lockAnnouncement(em: EntityManager, id: string): Promise<AnnouncementEntity> {
    const a = await em.findOne(AnnouncementEntity, { where: { id, practice: false }, lock: { mode: 'pessimistic_write' } });
    if (!a) throw new DomainError('ANNOUNCEMENT_NOT_FOUND', `announcement ${id} does not exist`, 'id');
    return a;
  }


  async parcelIdsOf(em: EntityManager, lotId: string): Promise<string[]> {
    return (await em.find(LotParcelEntity, { where: { lotId } })).map((l) => l.parcelId);
  }

  /** The only writer of `phase`: through the lot phase state machine. */
  private movePhase(lot: LotEntity, name: LotTransitionName, now: Date, reason?: string, supervisorApproved = false): void {
    const next = transitionLot(
      { phase: lot.phase as LotPhase, phaseBeforeSuspension: (lot.phaseBeforeSuspension ?? undefined) as LotPhase | undefined, phaseBeforeFreeze: (lot.phaseBeforeFreeze ?? undefined) as LotPhase | undefined, frozenAt: lot.frozenAt ?? undefined },
      name,
      { method: lot.method, now, reason, supervisorApproved, deadline: lot.deadline ?? undefined },
    );
    lot.phase = next.phase;
    lot.phaseBeforeSuspension = next.phaseBeforeSuspension ?? null;
    lot.phaseBeforeFreeze = next.phaseBeforeFreeze ?? null;
    lot.frozenAt = next.frozenAt ?? null;
  }

  private async saveVersion(em: EntityManager, a: AnnouncementEntity, kind: 'original' | 'amendment', summary: string, reason: string | null, now: Date): Promise<void> {
    const lots = await em.find(LotEntity, { where: { announcementId: a.id }, order: { lotNumber: 'ASC' } });
    const snapshot = {
      number: a.number,
      title: a.title,
      body: a.body,
      lots: await mapInOrder(lots, (l) => this.disclosure.lotView(em, l)),
    };
    await em.save(
      em.create(AnnouncementVersionEntity, { announcementId: a.id, version: a.version, kind, summary, reason, snapshot: JSON.parse(JSON.stringify(snapshot)) as Record<string, unknown>, publishedAt: now, publishedBy: RequestContext.actor()?.id ?? null }),
    );
  }

  /**
   * Tells every applicant of every lot of the announcement (joint partners included), whichever lots
   * the notice touches: an applicant must hear of any change to the sale it applied to.
   */
  private async notifyApplicants(em: EntityManager, a: AnnouncementEntity, kind: NotificationKind, subject: string, body: string): Promise<void> {
    const lots = await em.find(LotEntity, { where: { announcementId: a.id }, select: { id: true, lotNumber: true }, order: { lotNumber: 'ASC' } });
    const recipients = await this.applicants.recipientsFor(em, lots.map((l) => l.id));
    await this.notifications.notify(em, { recipients, kind, subject, body: `${body}\n涉及标的：${lots.map((l) => l.lotNumber).join('、')}`, related: { type: 'announcement', id: a.id } });
  }
}

function stateOf(a: AnnouncementEntity): AnnouncementState {
  return { status: a.status, version: a.version, versions: [], notices: [] };
}
