import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { AuditEventEntity } from '@app/audit';
import { WorkingDayCalendar } from '@app/calendar';
import { DomainError, DomainErrors, pageWindow, RequestContext, type Page } from '@app/common';
import { TransactionRunner } from '@app/database';
import { Area, Decimal, Money, Ratio } from '@app/money';
import { SettingsService } from '@app/settings';
import { compareDeclaredArea } from '../domain/area-check';
import { CHINA_BOUNDING_BOX, validateBoundary, type BoundaryCrs } from '../domain/parcel-boundary';
import { PARCEL_TRANSITIONS, transition, type ParcelState, type ParcelTransitionName } from '../domain/parcel-lifecycle';
import { checkCostEntry, checkParcel, totalCost, type CostKind, type PlannedUse, type RuleViolation, type TenureYearsTable } from '../domain/parcel-rules';
import { reserveReport, supplyPlan } from '../domain/reserve-report';
import { ParcelCostEntryEntity } from '../persistence/parcel-cost-entry.entity';
import { ParcelDocumentEntity } from '../persistence/parcel-document.entity';
import { ParcelEntity, type AcquisitionMethod } from '../persistence/parcel.entity';
import type { CostEntryDto, CreateParcelDto, DocumentDto, ParcelListQueryDto, UpdateParcelDto } from '../http/dto/parcel.dto';
import { toParcelDetail, toParcelView, type ParcelView } from './parcel-view';

type ParcelFields = Omit<UpdateParcelDto, 'reason'>;

/** Parcel states in which the reserve center may still edit the parcel's data. */
const EDITABLE_STATES: readonly ParcelState[] = ['acquired', 'in_reserve', 'developing', 'ready_for_supply'];

@Injectable()
export class ParcelService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly calendar: WorkingDayCalendar,
  ) {}

  async create(dto: CreateParcelDto): Promise<ReturnType<typeof toParcelDetail>> {
    return this.tx.run(async (em) => {
      const today = this.calendar.dateOf(await this.tx.now(em));
      const violations: RuleViolation[] = [];
      const parcel = em.create(ParcelEntity, { code: dto.code.trim(), state: 'acquired' });
      await this.applyFields(em, parcel, dto, violations);
      const costs = (dto.costEntries ?? []).map((c, i) => this.costEntry(c, `costEntries[${i}]`, today, violations));
      if (await em.existsBy(ParcelEntity, { code: parcel.code })) {
        violations.push({ code: 'PARCEL_CODE_TAKEN', message: `parcel code ${parcel.code} is already registered`, field: 'code' });
      }
      throwIfAny(violations);
      const saved = await em.save(parcel);
      for (const c of costs) await em.insert(ParcelCostEntryEntity, { ...c, parcelId: saved.id, recordedBy: RequestContext.actor()?.id ?? null });
      for (const d of dto.documents ?? []) await em.insert(ParcelDocumentEntity, { ...d, parcelId: saved.id });
      await this.audit.record(em, { action: 'parcel.create', entityType: 'parcel', entityId: saved.id, after: toParcelView(saved) });
      return this.detail(em, saved.id);
    });
  }

  async update(id: string, dto: UpdateParcelDto): Promise<ReturnType<typeof toParcelDetail>> {
    return this.tx.run(async (em) => {
      const parcel = await this.lock(em, id);
      if (!EDITABLE_STATES.includes(parcel.state)) {
        throw new DomainError('PARCEL_NOT_EDITABLE', `a parcel that is ${parcel.state} can no longer be edited`, 'state');
      }
      const before = toParcelView(parcel);
      const violations: RuleViolation[] = [];
      const { reason, ...fields } = dto;
      await this.applyFields(em, parcel, fields, violations, true);
      throwIfAny(violations);
      const saved = await em.save(parcel);
      await this.audit.record(em, { action: 'parcel.update', entityType: 'parcel', entityId: id, before, after: toParcelView(saved), reason });
      return this.detail(em, id);
    });
  }

  /** A reserve officer's transition. Those of the trading system (listing, sale) are not offered here. */
  async transition(id: string, name: ParcelTransitionName, reason?: string): Promise<ParcelView> {
    const rule = PARCEL_TRANSITIONS[name];
    if (rule.performedBy !== 'reserve_officer') {
      throw new DomainError('TRANSITION_NOT_MANUAL', `${name} happens through the trading system, not by hand`, 'transition');
    }
    return this.tx.run((em) => this.applyTransition(em, id, name, reason));
  }

  private async applyTransition(em: EntityManager, id: string, name: ParcelTransitionName, reason?: string): Promise<ParcelView> {
    const parcel = await this.lock(em, id);
    const before = toParcelView(parcel);
    parcel.state = transition(parcel.state, name, { reason });
    const saved = await em.save(parcel);
    await this.audit.record(em, { action: `parcel.${name}`, entityType: 'parcel', entityId: id, before: { state: before.state }, after: { state: saved.state }, reason: reason ?? null });
    return toParcelView(saved);
  }

  // ── used by the listing context, inside its own transaction ──────────────────────────────────

  /** Locks the parcels and checks each can go into a sale announcement (ready for supply). */
  async assertReadyForSale(em: EntityManager, ids: readonly string[], field = 'parcelIds'): Promise<ParcelEntity[]> {
    const parcels = await em.find(ParcelEntity, { where: { id: In([...ids]) }, lock: { mode: 'pessimistic_write' }, order: { code: 'ASC' } });
    const missing = ids.filter((id) => !parcels.some((p) => p.id === id));
    if (missing.length > 0) throw new DomainError('PARCEL_NOT_FOUND', `parcel ${missing[0]} does not exist`, field);
    const notReady = parcels.find((p) => p.state !== 'ready_for_supply');
    if (notReady) throw new DomainError('PARCEL_NOT_READY', `parcel ${notReady.code} is ${notReady.state}, not ready_for_supply`, field);
    return parcels;
  }

  async markListed(em: EntityManager, ids: readonly string[], reason: string): Promise<void> {
    for (const id of ids) await this.applyTransition(em, id, 'list_for_sale', reason);
  }

  /** After an unsold (流拍) or terminated sale the parcels go back to ready_for_supply. */
  async returnAfterFailedSale(em: EntityManager, ids: readonly string[], reason: string): Promise<void> {
    for (const id of ids) await this.applyTransition(em, id, 'return_after_failed_sale', reason);
  }

  async markSold(em: EntityManager, ids: readonly string[], reason: string): Promise<void> {
    for (const id of ids) await this.applyTransition(em, id, 'mark_sold', reason);
  }

  // ── costs and documents ─────────────────────────────────────────────────────────────────────

  async addCost(id: string, dto: CostEntryDto) {
    return this.tx.run(async (em) => {
      const parcel = await this.lock(em, id);
      if (parcel.state === 'sold' || parcel.state === 'withdrawn') {
        throw new DomainError('PARCEL_CLOSED', `no costs can be added to a parcel that is ${parcel.state}`, 'state');
      }
      const violations: RuleViolation[] = [];
      const entry = this.costEntry(dto, '', this.calendar.dateOf(await this.tx.now(em)), violations);
      throwIfAny(violations);
      const result = await em.insert(ParcelCostEntryEntity, { ...entry, parcelId: id, recordedBy: RequestContext.actor()?.id ?? null });
      await this.audit.record(em, { action: 'parcel.cost.add', entityType: 'parcel', entityId: id, after: { ...dto, id: result.identifiers[0]?.id } });
      return this.detail(em, id);
    });
  }

  async addDocument(id: string, dto: DocumentDto) {
    return this.tx.run(async (em) => {
      await this.lock(em, id);
      await em.insert(ParcelDocumentEntity, { ...dto, parcelId: id });
      await this.audit.record(em, { action: 'parcel.document.add', entityType: 'parcel', entityId: id, after: { ...dto } });
      return this.detail(em, id);
    });
  }

  // ── reads ───────────────────────────────────────────────────────────────────────────────────

  async list(query: ParcelListQueryDto): Promise<Page<ParcelView>> {
    const { page, pageSize, skip } = pageWindow(query);
    const where: Record<string, string> = {};
    if (query.state) where.state = query.state;
    if (query.district) where.district = query.district;
    if (query.use) where.plannedUse = query.use;
    const [rows, total] = await this.tx.run((em) => em.findAndCount(ParcelEntity, { where, order: { code: 'ASC' }, skip, take: pageSize }));
    return { items: rows.map(toParcelView), total, page, pageSize };
  }

  async get(id: string) {
    return this.tx.run((em) => this.detail(em, id));
  }

  async history(id: string) {
    return this.tx.run(async (em) => {
      await this.find(em, id);
      const events = await em.find(AuditEventEntity, { where: { entityType: 'parcel', entityId: id }, order: { id: 'ASC' } });
      return events.map((e) => ({ at: e.occurredAt, action: e.action, actor: e.actorName, before: e.before, after: e.after, reason: e.reason }));
    });
  }

  async report() {
    return this.tx.run(async (em) => {
      const rows: Array<{ state: ParcelState; district: string; area: string; cost: string }> = await em.query(
        `SELECT p.state, p.district, p.declared_area AS area, COALESCE(sum(c.amount), 0)::numeric(18,2) AS cost
           FROM parcel p LEFT JOIN parcel_cost_entry c ON c.parcel_id = p.id
          GROUP BY p.id`,
      );
      const report = reserveReport(rows.map((r) => ({ state: r.state, district: r.district, area: Area.of(r.area), cost: Money.of(r.cost) })));
      return JSON.parse(JSON.stringify(report)) as unknown;
    });
  }

  async supplyPlan(year: number) {
    return this.tx.run(async (em) => {
      const parcels = await em.find(ParcelEntity, { where: { state: In(['acquired', 'in_reserve', 'developing', 'ready_for_supply', 'listed']) }, order: { code: 'ASC' } });
      const plan = supplyPlan(
        parcels.map((p) => ({ plannedSupplyQuarter: p.plannedSupplyQuarter, area: p.declaredArea, parcel: { id: p.id, code: p.code, name: p.name, district: p.district, state: p.state, area: p.declaredArea.toString() } })),
        { year },
      );
      return {
        year,
        quarters: plan.quarters.map((q) => ({ quarter: q.quarter, count: q.count, area: q.area.toString(), parcels: q.parcels.map((p) => p.parcel) })),
        total: { count: plan.total.count, area: plan.total.area.toString() },
        unscheduled: { count: plan.unscheduled.count, area: plan.unscheduled.area.toString() },
      };
    });
  }

  // ── helpers ─────────────────────────────────────────────────────────────────────────────────

  private async find(em: EntityManager, id: string): Promise<ParcelEntity> {
    const parcel = await em.findOneBy(ParcelEntity, { id });
    if (!parcel) throw new DomainError('PARCEL_NOT_FOUND', `parcel ${id} does not exist`, 'id');
    return parcel;
  }

  private async lock(em: EntityManager, id: string): Promise<ParcelEntity> {
    const parcel = await em.findOne(ParcelEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!parcel) throw new DomainError('PARCEL_NOT_FOUND', `parcel ${id} does not exist`, 'id');
    return parcel;
  }

  private async detail(em: EntityManager, id: string) {
    const parcel = await this.find(em, id);
    const costs = await em.find(ParcelCostEntryEntity, { where: { parcelId: id }, order: { incurredOn: 'ASC', recordedAt: 'ASC' } });
    const documents = await em.find(ParcelDocumentEntity, { where: { parcelId: id }, order: { recordedAt: 'ASC' } });
    return toParcelDetail(parcel, costs, documents, totalCost(costs));
  }

  private costEntry(dto: CostEntryDto, prefix: string, today: string, violations: RuleViolation[]) {
    const entry = { kind: dto.kind as CostKind, amount: Money.parse(dto.amount, `${prefix ? prefix + '.' : ''}amount`), date: dto.incurredOn, description: dto.description };
    violations.push(...checkCostEntry(entry, prefix || 'costEntry', { today }).map((v) => (prefix ? v : { ...v, field: v.field.replace(/^costEntry\./, '') })));
    return { kind: entry.kind, amount: entry.amount, incurredOn: entry.date, description: entry.description };
  }

  /**
   * Copies the given fields onto the parcel, validating each: the boundary geometry, the computed
   * area against the declared one (tolerance setting), planned use and tenure, planning conditions.
   */
  private async applyFields(em: EntityManager, parcel: ParcelEntity, f: ParcelFields & Partial<Pick<CreateParcelDto, 'acquisitionMethod' | 'acquiredOn'>>, violations: RuleViolation[], partial = false): Promise<void> {
    if (f.name !== undefined) parcel.name = f.name.trim();
    if (f.district !== undefined) parcel.district = f.district.trim();
    if (f.location !== undefined) parcel.location = f.location.trim();
    if (f.acquisitionMethod !== undefined) parcel.acquisitionMethod = f.acquisitionMethod as AcquisitionMethod;
    if (f.acquiredOn !== undefined) parcel.acquiredOn = f.acquiredOn;
    if (f.plannedSupplyQuarter !== undefined) parcel.plannedSupplyQuarter = f.plannedSupplyQuarter;
    if (f.declaredArea !== undefined) parcel.declaredArea = Area.parse(f.declaredArea, 'declaredArea');
    if (f.boundary !== undefined) {
      try {
        const inChina = await this.settings.get<boolean>('reserve.requireBoundaryInChina', em);
        const boundary = validateBoundary(f.boundary, {
          crs: f.boundaryCrs as BoundaryCrs | undefined,
          boundingBox: inChina ? CHINA_BOUNDING_BOX : undefined,
          field: 'boundary',
        });
        parcel.boundary = boundary.geometry;
        parcel.boundaryCrs = boundary.crs;
        parcel.computedArea = boundary.area;
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        violations.push({ code: e.code, message: e.message, field: e.field ?? 'boundary' });
      }
    }
    if ((f.boundary !== undefined || f.declaredArea !== undefined) && parcel.computedArea && parcel.declaredArea) {
      const tolerance = Ratio.of(await this.settings.get<string>('reserve.areaTolerance', em), 4);
      const cmp = compareDeclaredArea(parcel.declaredArea, parcel.computedArea, tolerance);
      if (!cmp.withinTolerance) {
        violations.push({
          code: 'AREA_MISMATCH',
          message: `declaredArea ${parcel.declaredArea.toString()} ㎡ differs from the boundary's computed ${parcel.computedArea.toString()} ㎡ by ${cmp.relativeDifference.formatPercent()}, more than the tolerance ${tolerance.formatPercent()}`,
          field: 'declaredArea',
        });
      }
    }
    if (f.plannedUse !== undefined) {
      parcel.plannedUse = f.plannedUse as PlannedUse;
      const table = await this.settings.get<TenureYearsTable>('reserve.tenureYears', em);
      parcel.tenureYears = table[parcel.plannedUse];
    }
    const ratio = (v: string | undefined, field: string) => (v === undefined ? undefined : Ratio.parse(v, field));
    const pr = { plotRatioMin: ratio(f.plotRatioMin, 'plotRatioMin'), plotRatioMax: ratio(f.plotRatioMax, 'plotRatioMax'), buildingDensity: ratio(f.buildingDensity, 'buildingDensity'), greenRatio: ratio(f.greenRatio, 'greenRatio') };
    if (pr.plotRatioMin !== undefined) parcel.plotRatioMin = pr.plotRatioMin;
    if (pr.plotRatioMax !== undefined) parcel.plotRatioMax = pr.plotRatioMax;
    if (pr.buildingDensity !== undefined) parcel.buildingDensity = pr.buildingDensity;
    if (pr.greenRatio !== undefined) parcel.greenRatio = pr.greenRatio;
    if (f.heightLimitMetres !== undefined) parcel.heightLimitMetres = f.heightLimitMetres;
    const rules = checkParcel({
      code: parcel.code,
      district: parcel.district ?? '',
      plannedUse: parcel.plannedUse ?? '',
      planningConditions: {
        plotRatioMin: parcel.plotRatioMin ?? undefined,
        plotRatioMax: parcel.plotRatioMax ?? undefined,
        buildingDensity: parcel.buildingDensity ?? undefined,
        greenRatio: parcel.greenRatio ?? undefined,
        heightLimitMetres: parcel.heightLimitMetres ? new Decimal(parcel.heightLimitMetres) : undefined,
      },
    });
    violations.push(...rules.filter((v) => !partial || v.field !== 'code').map((v) => ({ ...v, field: v.field.replace(/^planningConditions\./, '') })));
  }
}

function throwIfAny(violations: RuleViolation[]): void {
  if (violations.length === 0) return;
  const unique = violations.filter((v, i) => violations.findIndex((w) => w.field === v.field && w.code === v.code) === i);
  throw new DomainErrors('PARCEL_INVALID', unique.map((v) => `${v.field}: ${v.message}`).join('; '), unique);
}
