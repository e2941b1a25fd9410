import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MoreThan } from 'typeorm';
import { AuditService } from '@app/audit';
import { Role, UsersService } from '@app/auth';
import { WorkingDayCalendar } from '@app/calendar';
import { DomainError, DomainErrors, pageWindow, RequestContext, type Actor, type PageQueryDto } from '@app/common';
import { TransactionRunner } from '@app/database';
import { maskResidentId, validateResidentId } from '../domain/resident-id';
import { validateUscc } from '../domain/uscc';
import type { RegisterBidderDto } from '../http/dto/qualification.dto';
import { BidderEntity, BlacklistEntryEntity } from '../persistence/bidder.entity';

/** A bidder as staff (trading, supervision) see it: the full identity. */
export function staffBidderView(b: BidderEntity) {
  return {
    id: b.id,
    kind: b.kind,
    name: b.name,
    creditCode: b.creditCode,
    idNumber: b.idNumber,
    legalRepresentative: b.legalRepresentative,
    contactName: b.contactName,
    contactPhone: b.contactPhone,
    contactEmail: b.contactEmail,
    address: b.address,
    createdAt: b.createdAt,
  };
}

/** A bidder as it sees itself: its own data, the personal ID masked in lists. */
export function ownBidderView(b: BidderEntity) {
  return { ...staffBidderView(b), idNumber: b.idNumber ? maskResidentId(b.idNumber) : null };
}

@Injectable()
export class BidderService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly calendar: WorkingDayCalendar,
  ) {}

  /** Self-registration: validates the credit code or ID number, creates the account (role bidder). */
  async register(dto: RegisterBidderDto) {
    const problems: Array<{ code: string; message: string; field: string }> = [];
    let creditCode: string | null = null;
    let idNumber: string | null = null;
    const today = this.calendar.dateOf(new Date());
    const collect = (fn: () => string) => {
      try {
        return fn();
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        problems.push({ code: e.code, message: e.message, field: e.field ?? 'identity' });
        return null;
      }
    };
    if (dto.kind === 'person') {
      if (dto.creditCode) problems.push({ code: 'CREDIT_CODE_NOT_FOR_PERSON', message: 'a person registers with a resident ID number, not a credit code', field: 'creditCode' });
      if (!dto.idNumber) problems.push({ code: 'ID_NUMBER_REQUIRED', message: 'idNumber is required for a person', field: 'idNumber' });
      else idNumber = collect(() => validateResidentId(dto.idNumber, 'idNumber', today));
    } else {
      if (dto.idNumber) problems.push({ code: 'ID_NUMBER_NOT_FOR_ORGANIZATION', message: 'a company or organization registers with its unified social credit code', field: 'idNumber' });
      if (!dto.creditCode) problems.push({ code: 'CREDIT_CODE_REQUIRED', message: 'creditCode is required for a company or organization', field: 'creditCode' });
      else creditCode = collect(() => validateUscc(dto.creditCode, 'creditCode'));
    }
    if (problems.length > 0) throw new DomainErrors(problems[0]!.code, problems.map((p) => p.message).join('; '), problems);
    return this.tx.run(async (em) => {
      if (creditCode && (await em.existsBy(BidderEntity, { creditCode }))) throw new DomainError('BIDDER_ALREADY_REGISTERED', 'this credit code is already registered', 'creditCode');
      if (idNumber && (await em.existsBy(BidderEntity, { idNumber }))) throw new DomainError('BIDDER_ALREADY_REGISTERED', 'this ID number is already registered', 'idNumber');
      const user = await this.users.createIn(em, { username: dto.username, displayName: dto.name, password: dto.password, roles: [Role.Bidder] }, 'bidder self-registration');
      const bidder = await em.save(
        em.create(BidderEntity, {
          userId: user.id,
          kind: dto.kind,
          name: dto.name.trim(),
          creditCode,
          idNumber,
          legalRepresentative: dto.legalRepresentative.trim(),
          contactName: dto.contactName.trim(),
          contactPhone: dto.contactPhone,
          contactEmail: dto.contactEmail ?? null,
          address: dto.address.trim(),
        }),
      );
      await this.audit.record(em, { action: 'bidder.register', entityType: 'bidder', entityId: bidder.id, after: ownBidderView(bidder), actor: { id: user.id, username: user.username, roles: user.roles } });
      return ownBidderView(bidder);
    });
  }

  async forActor(em: EntityManager, actor: Actor): Promise<BidderEntity> {
    const bidder = await em.findOneBy(BidderEntity, { userId: actor.id });
    if (!bidder) throw new DomainError('NOT_A_BIDDER', 'this account has no bidder registration', 'authorization');
    return bidder;
  }

  async me(actor: Actor) {
    return this.tx.run(async (em) => ownBidderView(await this.forActor(em, actor)));
  }

  async list(query: PageQueryDto) {
    const { page, pageSize, skip } = pageWindow(query);
    const [rows, total] = await this.tx.run((em) => em.findAndCount(BidderEntity, { order: { createdAt: 'ASC' }, skip, take: pageSize }));
    return { items: rows.map(staffBidderView), total, page, pageSize };
  }

  async get(id: string) {
    return this.tx.run(async (em) => {
      const b = await em.findOneBy(BidderEntity, { id });
      if (!b) throw new DomainError('BIDDER_NOT_FOUND', `bidder ${id} does not exist`, 'id');
      const bans = await em.find(BlacklistEntryEntity, { where: { bidderId: id }, order: { startsAt: 'ASC' } });
      return { ...staffBidderView(b), blacklist: bans.map((x) => ({ reason: x.reason, startsAt: x.startsAt, endsAt: x.endsAt })) };
    });
  }

  /** Bars a bidder until `endsAt` (defaults come from settlement; staff may add one with a reason). */
  async blacklist(em: EntityManager, bidderId: string, reason: string, endsAt: Date): Promise<void> {
    const bidder = await em.findOneBy(BidderEntity, { id: bidderId });
    if (!bidder) throw new DomainError('BIDDER_NOT_FOUND', `bidder ${bidderId} does not exist`, 'id');
    const now = await this.tx.now(em);
    if (endsAt.getTime() <= now.getTime()) throw new DomainError('BAN_IN_PAST', 'the ban must end in the future', 'endsAt');
    const saved = await em.save(em.create(BlacklistEntryEntity, { bidderId, reason, startsAt: now, endsAt, createdBy: RequestContext.actor()?.id ?? null }));
    await this.audit.record(em, { action: 'bidder.blacklist', entityType: 'bidder', entityId: bidderId, after: { until: saved.endsAt }, reason });
  }

  async addToBlacklist(bidderId: string, reason: string, endsAt: Date) {
    await this.tx.run((em) => this.blacklist(em, bidderId, reason, endsAt));
    return this.get(bidderId);
  }

  /** The ban in force, if any: applications are refused with its reason and end date. */
  async activeBan(em: EntityManager, bidderId: string): Promise<BlacklistEntryEntity | null> {
    const now = await this.tx.now(em);
    return em.findOne(BlacklistEntryEntity, { where: { bidderId, endsAt: MoreThan(now) }, order: { endsAt: 'DESC' } });
  }
}
