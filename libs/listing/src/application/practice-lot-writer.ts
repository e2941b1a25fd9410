import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Area, Ratio } from '@app/money';
import { SettingsService } from '@app/settings';
import { lotTermsViolations } from '../domain/lot-terms';
import type { LotTermsDto } from '../http/dto/lot.dto';
import { AnnouncementEntity } from '../persistence/announcement.entity';
import { LotEntity } from '../persistence/lot.entity';
import { throwAll } from './draft-lot.service';

export type { LotTermsDto };
import { listingSettings } from './listing-config';
import { termsJson, toLotTerms } from './lot-mapping';

/** A practice lot (模拟竞价) as the practice context asks for it. */
export interface PracticeLotDraft {
  readonly lotNumber: string;
  readonly title: string;
  readonly terms: LotTermsDto;
  /** The fictional parcel the lot's figures are computed on (decimal strings): no parcel of the register is used. */
  readonly practiceParcel: { readonly name: string; readonly area: string; readonly plotRatioMax: string };
  /** The lot's own clock: when trading opens and (listing, tender) ends, and a tender's opening. */
  readonly tradingStart: Date;
  readonly tradingEnd: Date | null;
  readonly openingAt: Date | null;
  readonly createdBy: string;
}

/**
 * Writes a practice lot and its own announcement, both marked `practice` (fixed at insert by the
 * database). The lot is published at once with its application window already closed (its seats are
 * handed out by the practice context, never applied for), locks no parcel, and is never listed as an
 * announcement of the centre's. Its terms go through the same rules as a real lot's, on the fictional
 * parcel; the announcement and lot lifecycles stay with the clock (`published` → trading), as for any lot.
 */
@Injectable()
export class PracticeLotWriter {
  constructor(private readonly settings: SettingsService) {}

  async create(em: EntityManager, draft: PracticeLotDraft): Promise<LotEntity> {
    const region = await listingSettings(this.settings, em);
    const parcel = { area: Area.of(draft.practiceParcel.area), plotRatioMax: Ratio.of(draft.practiceParcel.plotRatioMax) };
    const terms = toLotTerms(draft.terms);
    throwAll('LOT_INVALID', lotTermsViolations(terms, region, '', [parcel]));
    const [{ now }] = (await em.query('SELECT clock_timestamp() AS now')) as Array<{ now: Date }>;
    const announcement = await em.save(
      em.create(AnnouncementEntity, {
        number: `模拟竞价-${draft.lotNumber}`,
        title: `${draft.title}（模拟竞价公告，非真实出让）`,
        body: '本公告仅用于模拟竞价演练（模拟竞价），不构成国有建设用地使用权出让，不产生任何法律效力；演练记录在保留期满后删除。',
        status: 'published',
        version: 1,
        publishedAt: now,
        practice: true,
        createdBy: draft.createdBy,
      }),
    );
    return em.save(
      em.create(LotEntity, {
        announcementId: announcement.id,
        lotNumber: draft.lotNumber,
        title: draft.title,
        method: draft.terms.method as LotEntity['method'],
        phase: 'published',
        startPrice: terms.startPrice,
        increment: terms.increment ?? null,
        deposit: terms.deposit,
        capPrice: terms.priceCap ?? null,
        terms: { ...termsJson(draft.terms), practiceParcel: { ...draft.practiceParcel } },
        // The application window is over before it starts: seats are handed out, never applied for.
        applicationStart: now,
        applicationEnd: now,
        depositDeadline: now,
        registrationClose: now,
        reserveSealDeadline: null,
        tradingStart: draft.tradingStart,
        tradingEnd: draft.tradingEnd,
        openingAt: draft.openingAt,
        practice: true,
      }),
    );
  }
}
