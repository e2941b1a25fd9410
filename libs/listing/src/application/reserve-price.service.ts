import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { UserEntity } from '@app/auth/persistence/user.entity';
import { DomainError, pageWindow, RequestContext, type Actor, type Page, type PageQueryDto } from '@app/common';
import { TransactionRunner } from '@app/database';
import { DisclosureService } from '@app/disclosure/application/disclosure.service';
import { Money } from '@app/money';
import { NotificationService } from '@app/notification';
import { SettingsService } from '@app/settings';
import { acceptProposal, checkCommittee, openReserveValue, revealReserve, sealReserve, sealReserveValue, type SealedReserveValue } from '../domain/reserve-price';
import { LotEntity } from '../persistence/lot.entity';
import { ReserveCommitteeMemberEntity, ReserveProposalEntity, ReserveSealEntity } from '../persistence/reserve.entities';
import { AnnouncementEntity } from '../persistence/announcement.entity';
import { LISTING_OPTIONS, listingSettings, type ListingOptions } from './listing-config';
import { reserveSealedNotice } from './lot-view';

const CLOSED = ['closed_sold', 'closed_unsold', 'terminated'];

/**
 * The sealed reserve price (底价): the committee, each member's sealed proposal, the seal (average
 * rounded to the price unit, SHA-256 commitment published, value and salt encrypted at rest), and the
 * reveal at close. No method here returns a reserve value to anyone but the member who proposed it.
 */
@Injectable()
export class ReservePriceService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly disclosure: DisclosureService,
    private readonly notifications: NotificationService,
    @Inject(LISTING_OPTIONS) private readonly options: ListingOptions,
  ) {}

  /**
   * Who may be named to a pricing committee: active accounts with the pricing committee role, by
   * username. Only what a trading officer needs to pick them (id, username, display name), so picking
   * a committee needs no user-administration permission.
   */
  async committeeCandidates(query: PageQueryDto & { q?: string }): Promise<Page<{ id: string; username: string; displayName: string }>> {
    const { page, pageSize, skip } = pageWindow(query);
    return this.tx.run(async (em) => {
      const qb = em.createQueryBuilder(UserEntity, 'u').where('u.active = true').andWhere(`'pricing_committee' = ANY(u.roles)`);
      const q = query.q?.trim();
      if (q) qb.andWhere(`(u.username ILIKE :q ESCAPE '\\' OR u.display_name ILIKE :q ESCAPE '\\')`, { q: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
      const [rows, total] = await qb.orderBy('u.username', 'ASC').addOrderBy('u.id', 'ASC').skip(skip).take(pageSize).getManyAndCount();
      return { items: rows.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName })), total, page, pageSize };
    });
  }

  async assignCommittee(lotId: string, memberIds: string[]) {
    return this.tx.run(async (em) => {
      const lot = await this.lockLot(em, lotId);
      if (lot.terms['hasReserve'] !== true) throw new DomainError('LOT_HAS_NO_RESERVE', 'this lot is sold without a reserve price', 'lotId');
      if (CLOSED.includes(lot.phase)) throw new DomainError('LOT_CLOSED', `lot ${lot.lotNumber} is ${lot.phase}`, 'lotId');
      if (await em.existsBy(ReserveProposalEntity, { lotId })) {
        throw new DomainError('COMMITTEE_LOCKED', 'the committee cannot change once a proposal has been submitted', 'memberIds');
      }
      checkCommittee(memberIds, await listingSettings(this.settings, em));
      const users = await em.find(UserEntity, { where: { id: In(memberIds) } });
      const bad = memberIds.find((id) => !users.some((u) => u.id === id && u.active && u.roles.includes('pricing_committee')));
      if (bad) throw new DomainError('NOT_A_COMMITTEE_OFFICIAL', `user ${bad} is not an active pricing committee official`, 'memberIds');
      const before = (await em.find(ReserveCommitteeMemberEntity, { where: { lotId } })).map((m) => m.userId);
      await em.delete(ReserveCommitteeMemberEntity, { lotId });
      for (const userId of memberIds) await em.insert(ReserveCommitteeMemberEntity, { lotId, userId, assignedBy: RequestContext.actor()?.id ?? null });
      await this.audit.record(em, { action: 'reserve.committee.assign', entityType: 'lot', entityId: lotId, before: { members: before }, after: { members: users.map((u) => u.username) } });
      await this.tellNewMembers(em, lot, memberIds.filter((id) => !before.includes(id)));
      return { lotId, members: users.map((u) => ({ userId: u.id, username: u.username, displayName: u.displayName })) };
    });
  }

  /** A member's sealed proposal. The last one seals the reserve in the same transaction. */
  async submitProposal(lotId: string, actor: Actor, valueText: string) {
    return this.tx.run(async (em) => {
      const lot = await this.lotOfMember(em, lotId, actor, true);
      if (lot.terms['hasReserve'] !== true) throw new DomainError('LOT_HAS_NO_RESERVE', 'this lot is sold without a reserve price', 'lotId');
      if (CLOSED.includes(lot.phase)) throw new DomainError('LOT_CLOSED', `lot ${lot.lotNumber} is ${lot.phase}`, 'lotId');
      const value = Money.parse(valueText, 'value');
      const committee = (await em.find(ReserveCommitteeMemberEntity, { where: { lotId } })).map((m) => m.userId);
      const existing = await this.proposals(em, lotId);
      const sealed = await em.existsBy(ReserveSealEntity, { lotId });
      const now = await this.tx.now(em);
      if (!lot.reserveSealDeadline) throw new DomainError('RESERVE_SEALING_NOT_SET', `lot ${lot.lotNumber} has no reserve sealing moment`, 'lotId');
      acceptProposal(existing, { memberId: actor.id, value }, { committee, startPrice: lot.startPrice, sealingMoment: lot.reserveSealDeadline, now, sealed });
      await em.insert(ReserveProposalEntity, { lotId, memberId: actor.id, sealedValue: JSON.stringify(sealReserveValue(lotId, value.toString(), this.options.reserveKey)) });
      await this.audit.record(em, { action: 'reserve.proposal.submit', entityType: 'lot', entityId: lotId, after: { member: actor.username } });
      const all = [...existing, { memberId: actor.id, value }];
      if (all.length === committee.length) await this.seal(em, lot, committee, all);
      return this.status(em, lot, actor);
    });
  }

  private async seal(em: EntityManager, lot: LotEntity, committee: string[], proposals: Array<{ memberId: string; value: Money }>) {
    const roundingUnit = Money.parse(String(lot.terms['reserveRoundingUnit'] ?? '1.00'), 'reserveRoundingUnit');
    const result = sealReserve({
      lotId: lot.id,
      committee,
      proposals,
      startPrice: lot.startPrice,
      roundingUnit,
      salt: randomBytes(32),
      key: this.options.reserveKey,
      settings: await listingSettings(this.settings, em),
    });
    await em.insert(ReserveSealEntity, { lotId: lot.id, commitment: result.commitment, sealedValue: JSON.stringify(result.sealed), proposalCount: proposals.length });
    await this.audit.record(em, { action: 'reserve.seal', entityType: 'lot', entityId: lot.id, after: { commitment: result.commitment, proposals: proposals.length } });
    const announcement = await em.findOneByOrFail(AnnouncementEntity, { id: lot.announcementId });
    // Sealed before publication: the notice goes out with the announcement instead.
    if (announcement.status !== 'draft') await this.disclosure.publish(em, reserveSealedNotice(lot, result.commitment));
  }

  /**
   * Opens the seal at the close (called by the bidding context inside its closing transaction):
   * decrypts value and salt, checks them against the published commitment and records the reveal.
   */
  async reveal(em: EntityManager, lotId: string): Promise<{ value: Money; salt: string; commitment: string }> {
    const seal = await em.findOne(ReserveSealEntity, { where: { lotId }, select: { lotId: true, commitment: true, sealedValue: true, revealedAt: true }, lock: { mode: 'pessimistic_write' } });
    if (!seal) throw new DomainError('RESERVE_NOT_SEALED', `lot ${lotId} has no sealed reserve`, 'lotId');
    const opened = revealReserve(lotId, JSON.parse(seal.sealedValue) as SealedReserveValue, this.options.reserveKey);
    if (opened.commitment !== seal.commitment) throw new DomainError('RESERVE_COMMITMENT_MISMATCH', 'the sealed reserve does not match its published commitment', 'lotId');
    if (!seal.revealedAt) {
      await em.update(ReserveSealEntity, { lotId }, { revealedAt: () => 'now()', revealedValue: opened.value, revealedSalt: opened.saltHex });
      await this.audit.record(em, { action: 'reserve.reveal', entityType: 'lot', entityId: lotId, after: { value: opened.value.toString(), commitment: seal.commitment } });
    }
    return { value: opened.value, salt: opened.saltHex, commitment: seal.commitment };
  }

  /** A member sees whether they have proposed, and their own value; never the others' or the reserve. */
  async myProposal(lotId: string, actor: Actor) {
    return this.tx.run(async (em) => {
      return this.status(em, await this.lotOfMember(em, lotId, actor, false), actor);
    });
  }

  private async status(em: EntityManager, lot: LotEntity, actor: Actor) {
    const mine = await em.findOne(ReserveProposalEntity, { where: { lotId: lot.id, memberId: actor.id }, select: { id: true, sealedValue: true, submittedAt: true } });
    const seal = await em.findOneBy(ReserveSealEntity, { lotId: lot.id });
    return {
      lotId: lot.id,
      submitted: Boolean(mine),
      submittedAt: mine?.submittedAt ?? null,
      myValue: mine ? openReserveValue(lot.id, JSON.parse(mine.sealedValue) as SealedReserveValue, this.options.reserveKey) : null,
      sealingDeadline: lot.reserveSealDeadline,
      sealed: Boolean(seal),
      commitment: seal?.commitment ?? null,
    };
  }

  private async proposals(em: EntityManager, lotId: string): Promise<Array<{ memberId: string; value: Money }>> {
    const rows = await em.find(ReserveProposalEntity, { where: { lotId }, select: { memberId: true, sealedValue: true } });
    return rows.map((r) => ({ memberId: r.memberId, value: Money.of(openReserveValue(lotId, JSON.parse(r.sealedValue) as SealedReserveValue, this.options.reserveKey)) }));
  }

  /** Each official newly named to the committee is told which lot, and by when to propose. */
  private async tellNewMembers(em: EntityManager, lot: LotEntity, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    const a = await em.findOneByOrFail(AnnouncementEntity, { id: lot.announcementId });
    const by = lot.reserveSealDeadline ? `请于${lot.reserveSealDeadline.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}前` : '请按时';
    await this.notifications.notify(em, {
      recipients: userIds,
      kind: 'committee.appointed',
      subject: `底价委员会任命：标的${lot.lotNumber}`,
      body:
        `您已被确定为${a.number}标的${lot.lotNumber}（${lot.title}）底价委员会成员。${by}登录平台提交密封底价建议，建议值不得低于起始价${lot.startPrice.toString()}元。` +
        '底价建议加密保存，在成交或流拍前任何人（包括您本人以外的委员）均无法查看。',
      related: { type: 'lot', id: lot.id },
    });
  }

  private async lockLot(em: EntityManager, id: string): Promise<LotEntity> {
    const lot = await em.findOne(LotEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!lot) throw new DomainError('LOT_NOT_FOUND', `lot ${id} does not exist`, 'lotId');
    return lot;
  }

  /**
   * The lot, for a member of its pricing committee. Anyone else gets exactly the answer for an unknown
   * lot, so a committee account cannot probe which (draft) lots exist, or learn their numbers.
   */
  private async lotOfMember(em: EntityManager, id: string, actor: Actor, lock: boolean): Promise<LotEntity> {
    const lot = await em.findOne(LotEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!lot || !(await em.existsBy(ReserveCommitteeMemberEntity, { lotId: lot.id, userId: actor.id }))) {
      throw new DomainError('LOT_NOT_FOUND', `lot ${id} does not exist`, 'lotId');
    }
    return lot;
  }
}
