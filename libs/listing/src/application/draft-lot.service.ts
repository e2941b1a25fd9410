import { Injectable } from '@nestjs/common';
import { Not, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { WorkingDayCalendar } from '@app/calendar';
import { DomainError, DomainErrors } from '@app/common';
import { TransactionRunner } from '@app/database';
import { ParcelService } from '@app/reserve/application/parcel.service';
import { SettingsService } from '@app/settings';
import { canonicalJson } from '../domain/amendment-diff';
import type { RuleViolation } from '../domain/listing-settings';
import { completeSchedule, instantsInPast, type LotSchedule } from '../domain/lot-schedule';
import { lotTermsViolations } from '../domain/lot-terms';
import { saleParcelsOf } from './sale-parcels';
import type { CreateLotDto, LotTermsDto, ScheduleDto, UpdateLotDto } from '../http/dto/lot.dto';
import { AnnouncementEntity } from '../persistence/announcement.entity';
import { LotParcelEntity } from '../persistence/lot-parcel.entity';
import { LotEntity } from '../persistence/lot.entity';
import { ReserveCommitteeMemberEntity, ReserveProposalEntity } from '../persistence/reserve.entities';
import { listingSettings } from './listing-config';
import { termsJson, toLotSchedule, toLotTerms } from './lot-mapping';
import { staffLotView } from './lot-view';

/** Which schedule columns a method uses, and the fields it is missing. Order rules come at publication. */
export function scheduleShape(method: string, s: LotSchedule, dto: ScheduleDto) {
  const violations: RuleViolation[] = [];
  const need = (field: keyof ScheduleDto) => {
    if (dto[field] === undefined) violations.push({ code: 'SCHEDULE_FIELD_REQUIRED', message: `schedule.${field} is required for a ${method}`, field: `schedule.${field}` });
  };
  if (method === 'listing') (['listingStart', 'listingEnd'] as const).forEach(need);
  else if (method === 'auction') need('auctionStart');
  else (['tenderSubmissionStart', 'tenderSubmissionDeadline', 'tenderOpening'] as const).forEach(need);
  const tradingStart = s.listingStart ?? s.auctionStart ?? s.tenderSubmissionStart ?? new Date(NaN);
  const tradingEnd = method === 'listing' ? (s.listingEnd ?? null) : method === 'tender' ? (s.tenderSubmissionDeadline ?? null) : null;
  return {
    violations,
    columns: { applicationStart: s.applicationStart, applicationEnd: s.applicationEnd, depositDeadline: s.depositDeadline, tradingStart, tradingEnd, openingAt: s.tenderOpening ?? null },
  };
}

/** The stored schedule of a lot as the API takes it, so an edit that leaves it alone re-checks it as is. */
function scheduleDtoOf(lot: LotEntity, hasReserve: boolean): ScheduleDto {
  const iso = (d: Date | null | undefined) => (d ? d.toISOString() : undefined);
  const trading =
    lot.method === 'listing'
      ? { listingStart: iso(lot.tradingStart), listingEnd: iso(lot.tradingEnd) }
      : lot.method === 'auction'
        ? { auctionStart: iso(lot.tradingStart) }
        : { tenderSubmissionStart: iso(lot.tradingStart), tenderSubmissionDeadline: iso(lot.tradingEnd), tenderOpening: iso(lot.openingAt) };
  return {
    applicationStart: lot.applicationStart.toISOString(),
    applicationEnd: lot.applicationEnd.toISOString(),
    depositDeadline: lot.depositDeadline.toISOString(),
    ...trading,
    registrationCloseAt: iso(lot.registrationClose),
    // A lot that gains a reserve gets its sealing moment derived; one that loses it has none.
    reserveSealingAt: hasReserve ? iso(lot.reserveSealDeadline) : undefined,
  };
}

export function throwAll(code: string, violations: RuleViolation[]): void {
  if (violations.length === 0) return;
  throw new DomainErrors(code, violations.map((v) => `${v.field}: ${v.message}`).join('; '), violations);
}

/**
 * Lots while their announcement is still a draft: added, edited and deleted freely (each audited),
 * and checked at once for everything that cannot get better by waiting — terms, parcels, a schedule
 * whose instants (derived ones included) are already past. Once published, a lot changes only
 * through an amendment (补充公告).
 *
 * A parcel is held by a lot only through `lot_parcel`; it stays ready_for_supply until publication
 * lists it. Deleting a draft lot, or taking a parcel out of one, releases the parcel for another lot.
 */
@Injectable()
export class DraftLotService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly calendar: WorkingDayCalendar,
    private readonly parcels: ParcelService,
  ) {}

  async add(announcementId: string, dto: CreateLotDto) {
    return this.tx.run(async (em) => {
      await this.lockDraft(em, announcementId);
      const { columns, parcelIds } = await this.prepare(em, dto);
      const saved = await em.save(em.create(LotEntity, { ...columns, announcementId, phase: 'draft' }));
      for (const parcelId of parcelIds) await em.insert(LotParcelEntity, { lotId: saved.id, parcelId });
      await this.audit.record(em, { action: 'lot.create', entityType: 'lot', entityId: saved.id, after: staffLotView(saved, parcelIds) });
      return staffLotView(saved, parcelIds);
    });
  }

  /** Edits a draft lot. `terms` and `schedule`, when given, replace the stored ones whole. */
  async update(lotId: string, dto: UpdateLotDto) {
    return this.tx.run(async (em) => {
      const lot = await this.lockDraftLot(em, lotId);
      const currentParcels = await this.parcelIdsOf(em, lot.id);
      const terms = dto.terms ?? (lot.terms as unknown as LotTermsDto);
      const input: CreateLotDto = {
        lotNumber: dto.lotNumber ?? lot.lotNumber,
        title: dto.title ?? lot.title,
        parcelIds: dto.parcelIds ?? currentParcels,
        terms,
        schedule: dto.schedule ?? scheduleDtoOf(lot, terms.hasReserve),
      };
      const proposals = await em.countBy(ReserveProposalEntity, { lotId });
      const extra: RuleViolation[] = [];
      if (dto.terms && proposals > 0 && canonicalJson(termsJson(dto.terms)) !== canonicalJson(lot.terms)) {
        extra.push({ code: 'RESERVE_PROPOSALS_SUBMITTED', message: 'the pricing committee has already submitted sealed proposals on these terms; they can no longer change', field: 'terms' });
      }
      const { columns, parcelIds } = await this.prepare(em, input, lot, extra);
      const before = staffLotView(lot, currentParcels);
      Object.assign(lot, columns);
      const saved = await em.save(lot);
      const released = currentParcels.filter((p) => !parcelIds.includes(p));
      const added = parcelIds.filter((p) => !currentParcels.includes(p));
      for (const parcelId of released) await em.delete(LotParcelEntity, { lotId, parcelId });
      for (const parcelId of added) await em.insert(LotParcelEntity, { lotId, parcelId });
      // Without a reserve there is no committee to keep.
      const dropped = saved.terms['hasReserve'] === true ? [] : (await em.find(ReserveCommitteeMemberEntity, { where: { lotId } })).map((m) => m.userId);
      if (dropped.length > 0) await em.delete(ReserveCommitteeMemberEntity, { lotId });
      await this.audit.record(em, {
        action: 'lot.update',
        entityType: 'lot',
        entityId: lotId,
        before,
        after: { ...staffLotView(saved, parcelIds), releasedParcels: released, ...(dropped.length > 0 ? { committeeRemoved: dropped } : {}) },
      });
      return staffLotView(saved, parcelIds);
    });
  }

  /** Deletes a draft lot (its parcels are free again). Sealed proposals are kept on record, so such a lot stays. */
  async delete(lotId: string) {
    return this.tx.run(async (em) => {
      const lot = await this.lockDraftLot(em, lotId);
      const released = await this.deleteLot(em, lot);
      return { id: lotId, deleted: true, releasedParcels: released };
    });
  }

  /** Deletes a draft announcement with all its lots, releasing their parcels. */
  async deleteAnnouncement(announcementId: string) {
    return this.tx.run(async (em) => {
      const a = await this.lockDraft(em, announcementId);
      const lots = await em.find(LotEntity, { where: { announcementId }, order: { lotNumber: 'ASC' }, lock: { mode: 'pessimistic_write' } });
      const released: string[] = [];
      for (const lot of lots) released.push(...(await this.deleteLot(em, lot)));
      await em.delete(AnnouncementEntity, { id: a.id });
      await this.audit.record(em, {
        action: 'announcement.delete',
        entityType: 'announcement',
        entityId: a.id,
        before: { number: a.number, title: a.title, status: a.status, lots: lots.map((l) => l.lotNumber) },
        after: { deleted: true, releasedParcels: released },
      });
      return { id: a.id, deleted: true, deletedLots: lots.map((l) => l.id), releasedParcels: released };
    });
  }

  // ── helpers ─────────────────────────────────────────────────────────────────────────────────

  private async deleteLot(em: EntityManager, lot: LotEntity): Promise<string[]> {
    if ((await em.countBy(ReserveProposalEntity, { lotId: lot.id })) > 0) {
      throw new DomainError('RESERVE_PROPOSALS_SUBMITTED', `the pricing committee has submitted sealed proposals for lot ${lot.lotNumber}; they stay on record, so the lot cannot be deleted`, 'id');
    }
    const parcelIds = await this.parcelIdsOf(em, lot.id);
    const committee = (await em.find(ReserveCommitteeMemberEntity, { where: { lotId: lot.id } })).map((m) => m.userId);
    await em.delete(ReserveCommitteeMemberEntity, { lotId: lot.id });
    await em.delete(LotParcelEntity, { lotId: lot.id });
    await em.delete(LotEntity, { id: lot.id });
    await this.audit.record(em, { action: 'lot.delete', entityType: 'lot', entityId: lot.id, before: { ...staffLotView(lot, parcelIds), committee }, after: { deleted: true, releasedParcels: parcelIds } });
    return parcelIds;
  }

  /**
   * Checks a lot's input against every rule that holds before publication and returns its columns,
   * or throws LOT_INVALID with all the violations at once. `self` is the lot being edited.
   */
  private async prepare(em: EntityManager, dto: CreateLotDto, self?: LotEntity, extra: RuleViolation[] = []) {
    const region = await listingSettings(this.settings, em);
    const terms = toLotTerms(dto.terms);
    const method = dto.terms.method as LotEntity['method'];
    const violations: RuleViolation[] = [...extra, ...lotTermsViolations(terms, region, 'terms', await saleParcelsOf(em, dto.parcelIds))];
    const lotNumber = dto.lotNumber.trim();
    if (await em.existsBy(LotEntity, { lotNumber, ...(self ? { id: Not(self.id) } : {}) })) {
      violations.push({ code: 'LOT_NUMBER_TAKEN', message: `lot number ${dto.lotNumber} is already used`, field: 'lotNumber' });
    }
    const parcelIds = [...new Set(dto.parcelIds)];
    const taken: Array<{ parcel_id: string }> = await em.query(
      `SELECT lp.parcel_id FROM lot_parcel lp JOIN lot l ON l.id = lp.lot_id
        WHERE lp.parcel_id = ANY($1) AND l.phase NOT IN ('closed_unsold','terminated') AND l.id IS DISTINCT FROM $2::uuid`,
      [parcelIds, self?.id ?? null],
    );
    if (taken.length > 0) violations.push({ code: 'PARCEL_ALREADY_IN_LOT', message: `parcel ${taken[0]!.parcel_id} is already in another lot`, field: 'parcelIds' });
    try {
      await this.parcels.assertReadyForSale(em, parcelIds);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      violations.push({ code: e.code, message: e.message, field: 'parcelIds' });
    }
    const entered = toLotSchedule(dto.schedule);
    const shape = scheduleShape(method, entered, dto.schedule);
    violations.push(...shape.violations);
    if (!dto.terms.hasReserve && dto.schedule.reserveSealingAt !== undefined) {
      violations.push({ code: 'NO_RESERVE_TO_SEAL', message: 'reserveSealingAt applies only to a lot with a reserve price (terms.hasReserve)', field: 'schedule.reserveSealingAt' });
    }
    const { schedule, derived } = completeSchedule(entered, method, dto.terms.hasReserve, await this.calendar.overrides(em), region);
    violations.push(...instantsInPast(schedule, await this.tx.now(em), derived, 'schedule'));
    throwAll('LOT_INVALID', violations);
    const columns = {
      lotNumber,
      title: dto.title.trim(),
      method,
      startPrice: terms.startPrice,
      increment: terms.increment ?? null,
      deposit: terms.deposit,
      capPrice: terms.priceCap ?? null,
      terms: termsJson(dto.terms),
      ...shape.columns,
      registrationClose: schedule.registrationCloseAt!,
      reserveSealDeadline: schedule.reserveSealingAt ?? null,
    };
    return { columns, parcelIds };
  }

  private async lockDraft(em: EntityManager, id: string): Promise<AnnouncementEntity> {
    const a = await em.findOne(AnnouncementEntity, { where: { id, practice: false }, lock: { mode: 'pessimistic_write' } });
    if (!a) throw new DomainError('ANNOUNCEMENT_NOT_FOUND', `announcement ${id} does not exist`, 'id');
    if (a.status !== 'draft') throw new DomainError('ANNOUNCEMENT_NOT_DRAFT', `the announcement is ${a.status}: its lots change only through an amendment (补充公告)`, 'status');
    return a;
  }

  private async lockDraftLot(em: EntityManager, lotId: string): Promise<LotEntity> {
    const found = await em.findOneBy(LotEntity, { id: lotId });
    if (!found) throw new DomainError('LOT_NOT_FOUND', `lot ${lotId} does not exist`, 'id');
    // The announcement first, as publication locks it: the same order, no deadlock.
    await this.lockDraft(em, found.announcementId);
    const lot = await em.findOneOrFail(LotEntity, { where: { id: lotId }, lock: { mode: 'pessimistic_write' } });
    if (lot.phase !== 'draft') throw new DomainError('LOT_NOT_DRAFT', `lot ${lot.lotNumber} is ${lot.phase}: it changes only through an amendment (补充公告)`, 'id');
    return lot;
  }

  private async parcelIdsOf(em: EntityManager, lotId: string): Promise<string[]> {
    return (await em.find(LotParcelEntity, { where: { lotId }, order: { parcelId: 'ASC' } })).map((l) => l.parcelId);
  }
}
