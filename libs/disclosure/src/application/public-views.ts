import type { ParcelEntity } from '@app/reserve/persistence/parcel.entity';
import type { AnnouncementEntity } from '@app/listing/persistence/announcement.entity';
import type { LotEntity } from '@app/listing/persistence/lot.entity';
import type { ReserveSealEntity } from '@app/listing/persistence/reserve.entities';

/**
 * What the public may see of a lot. Built field by field (never by spreading an entity), so nothing
 * sealed can slip in: the reserve appears only as "has a reserve", its commitment and, after the
 * close, its revealed value.
 */
export function publicLotView(lot: LotEntity, parcels: ParcelEntity[], seal: ReserveSealEntity | null) {
  return {
    id: lot.id,
    lotNumber: lot.lotNumber,
    title: lot.title,
    method: lot.method,
    phase: lot.phase,
    startPrice: lot.startPrice.toString(),
    increment: lot.increment?.toString() ?? null,
    deposit: lot.deposit.toString(),
    priceCap: lot.capPrice?.toString() ?? null,
    terms: lot.terms,
    schedule: {
      applicationStart: lot.applicationStart,
      applicationEnd: lot.applicationEnd,
      depositDeadline: lot.depositDeadline,
      tradingStart: lot.tradingStart,
      tradingEnd: lot.tradingEnd,
      openingAt: lot.openingAt,
      registrationClose: lot.registrationClose,
      reserveSealDeadline: lot.reserveSealDeadline,
    },
    reserve: publicReserveView(lot, seal),
    parcels: parcels.map(publicParcelView),
  };
}

export function publicReserveView(lot: LotEntity, seal: ReserveSealEntity | null) {
  const hasReserve = lot.terms['hasReserve'] === true;
  return {
    hasReserve,
    sealed: Boolean(seal),
    commitment: seal?.commitment ?? null,
    sealedAt: seal?.sealedAt ?? null,
    revealed: seal?.revealedAt ? { value: seal.revealedValue?.toString() ?? null, salt: seal.revealedSalt, revealedAt: seal.revealedAt } : null,
  };
}

export function publicParcelView(p: ParcelEntity) {
  return {
    code: p.code,
    name: p.name,
    district: p.district,
    location: p.location,
    area: p.declaredArea.toString(),
    plannedUse: p.plannedUse,
    tenureYears: p.tenureYears,
    planningConditions: {
      plotRatioMin: p.plotRatioMin?.toString() ?? null,
      plotRatioMax: p.plotRatioMax?.toString() ?? null,
      buildingDensity: p.buildingDensity?.toString() ?? null,
      greenRatio: p.greenRatio?.toString() ?? null,
      heightLimitMetres: p.heightLimitMetres,
    },
    boundary: p.boundary,
  };
}

export function publicAnnouncementHeader(a: AnnouncementEntity) {
  return { id: a.id, number: a.number, title: a.title, body: a.body, status: a.status, version: a.version, publishedAt: a.publishedAt, url: `/api/public/announcements/${a.id}` };
}
