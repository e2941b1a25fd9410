import type { LotSchedule } from '../domain/lot-schedule';
import type { LotEntity } from '../persistence/lot.entity';

/** The schedule of a stored lot, in the domain's method-specific shape. */
export function scheduleOf(lot: LotEntity): LotSchedule {
  const trading =
    lot.method === 'listing'
      ? { listingStart: lot.tradingStart, listingEnd: lot.tradingEnd ?? undefined }
      : lot.method === 'auction'
        ? { auctionStart: lot.tradingStart }
        : { tenderSubmissionStart: lot.tradingStart, tenderSubmissionDeadline: lot.tradingEnd ?? undefined, tenderOpening: lot.openingAt ?? undefined };
  return {
    applicationStart: lot.applicationStart,
    applicationEnd: lot.applicationEnd,
    depositDeadline: lot.depositDeadline,
    ...trading,
    reserveSealingAt: lot.reserveSealDeadline ?? undefined,
    registrationCloseAt: lot.registrationClose,
  };
}

/** A lot as trading staff see it. The reserve appears only as a status, never as a value. */
export function staffLotView(lot: LotEntity, parcelIds: string[]) {
  return {
    id: lot.id,
    announcementId: lot.announcementId,
    lotNumber: lot.lotNumber,
    title: lot.title,
    method: lot.method,
    phase: lot.phase,
    startPrice: lot.startPrice.toString(),
    increment: lot.increment?.toString() ?? null,
    deposit: lot.deposit.toString(),
    priceCap: lot.capPrice?.toString() ?? null,
    terms: lot.terms,
    schedule: scheduleOf(lot),
    parcelIds,
    version: lot.version,
    /** A practice lot (模拟竞价): a rehearsal with a fictional parcel, no real sale. */
    practice: lot.practice,
  };
}

/** The public notice that a lot's reserve has been sealed, with its commitment. */
export function reserveSealedNotice(lot: LotEntity, commitment: string) {
  return {
    kind: 'reserve_sealed' as const,
    announcementId: lot.announcementId,
    lotId: lot.id,
    title: `标的${lot.lotNumber}底价已密封`,
    body:
      `标的${lot.lotNumber}（${lot.title}）的底价已由底价委员会集体确定并密封。承诺值（SHA-256）：${commitment}。` +
      '成交或流拍后将公开底价及随机盐值，任何人可据此核验底价未被更改。',
  };
}
