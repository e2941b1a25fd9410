import type { Money } from '@app/money';
import type { CostTotals } from '../domain/parcel-rules';
import type { ParcelCostEntryEntity } from '../persistence/parcel-cost-entry.entity';
import type { ParcelDocumentEntity } from '../persistence/parcel-document.entity';
import type { ParcelEntity } from '../persistence/parcel.entity';

/** A parcel as staff read it: decimals as strings, costs with their totals. */
export function toParcelView(p: ParcelEntity) {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    district: p.district,
    location: p.location,
    boundary: p.boundary,
    boundaryCrs: p.boundaryCrs,
    declaredArea: p.declaredArea.toString(),
    computedArea: p.computedArea.toString(),
    declaredAreaMu: p.declaredArea.toMu().toFixed(4),
    plannedUse: p.plannedUse,
    tenureYears: p.tenureYears,
    planningConditions: {
      plotRatioMin: p.plotRatioMin?.toString() ?? null,
      plotRatioMax: p.plotRatioMax?.toString() ?? null,
      buildingDensity: p.buildingDensity?.toString() ?? null,
      greenRatio: p.greenRatio?.toString() ?? null,
      heightLimitMetres: p.heightLimitMetres,
    },
    acquisitionMethod: p.acquisitionMethod,
    acquiredOn: p.acquiredOn,
    plannedSupplyQuarter: p.plannedSupplyQuarter,
    state: p.state,
    version: p.version,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

export type ParcelView = ReturnType<typeof toParcelView>;

const money = (m: Money) => m.toString();

export function toParcelDetail(p: ParcelEntity, costs: ParcelCostEntryEntity[], documents: ParcelDocumentEntity[], totals: CostTotals) {
  return {
    ...toParcelView(p),
    costTotals: { acquisition: money(totals.acquisition), development: money(totals.development), financing: money(totals.financing), other: money(totals.other), total: money(totals.total) },
    costEntries: costs.map((c) => ({ id: c.id, kind: c.kind, amount: c.amount.toString(), incurredOn: c.incurredOn, description: c.description, recordedAt: c.recordedAt })),
    documents: documents.map((d) => ({ id: d.id, title: d.title, fileName: d.fileName, sha256: d.sha256, recordedAt: d.recordedAt })),
  };
}
