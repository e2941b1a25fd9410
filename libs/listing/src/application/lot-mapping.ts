import { Area, Money, Ratio } from '@app/money';
import type { LotSchedule } from '../domain/lot-schedule';
import type { CapRule, LotTerms } from '../domain/lot-terms';
import type { CapRuleDto, LotTermsDto, ScheduleDto } from '../http/dto/lot.dto';

const money = (v: string | undefined, field: string) => (v === undefined ? undefined : Money.parse(v, field));

/** The validated DTO as domain terms (Money, Area, Ratio), with field names for parse errors. */
export function toLotTerms(dto: LotTermsDto, prefix = 'terms'): LotTerms {
  const f = (name: string) => `${prefix}.${name}`;
  return {
    method: dto.method as LotTerms['method'],
    startPrice: Money.parse(dto.startPrice, f('startPrice')),
    increment: money(dto.increment, f('increment')),
    incrementPolicy: dto.incrementPolicy as LotTerms['incrementPolicy'],
    maxJumpIncrements: dto.maxJumpIncrements,
    deposit: Money.parse(dto.deposit, f('deposit')),
    priceUnit: dto.priceUnit as LotTerms['priceUnit'],
    hasReserve: dto.hasReserve,
    reserveRoundingUnit: money(dto.reserveRoundingUnit, f('reserveRoundingUnit')),
    priceCap: money(dto.priceCap, f('priceCap')),
    capRule: dto.capRule ? toCapRule(dto.capRule, f('capRule')) : undefined,
    timedFinalRound: dto.timedFinalRound
      ? {
          enabled: dto.timedFinalRound.enabled,
          entry: dto.timedFinalRound.entry as 'all_qualified' | 'opt_in',
          startAt: dto.timedFinalRound.startAt as 'listing_high' | 'listing_high_plus_increment',
          preparationGapMinutes: dto.timedFinalRound.preparationGapMinutes,
          countdownSeconds: dto.timedFinalRound.countdownSeconds,
          warningSeconds: dto.timedFinalRound.warningSeconds,
        }
      : undefined,
    evaluation: dto.evaluation ? { method: dto.evaluation.method as 'highest_price' | 'weighted_score', panelSize: dto.evaluation.panelSize } : undefined,
    eligibility: { jointBidsAllowed: dto.eligibility.jointBidsAllowed, review: dto.eligibility.review as 'pre_review' | 'post_review', exclusions: dto.eligibility.exclusions },
    countdownSeconds: dto.countdownSeconds,
    warningSeconds: dto.warningSeconds,
    minBidders: dto.minBidders,
  };
}

function toCapRule(dto: CapRuleDto, prefix: string): CapRule {
  // Missing fields stay undefined here; the domain rules (lotTermsViolations) name each one.
  const area = (v: string | undefined, f: string) => (v === undefined ? undefined : Area.parse(v, `${prefix}.${f}`)) as Area;
  const ratio = (v: string | undefined, f: string) => (v === undefined ? undefined : Ratio.parse(v, `${prefix}.${f}`)) as Ratio;
  switch (dto.mode) {
    case 'build_in_area':
      return { mode: 'build_in_area', startArea: area(dto.startArea, 'startArea'), areaStep: area(dto.areaStep, 'areaStep'), countdownSeconds: dto.countdownSeconds };
    case 'self_held_share':
      return { mode: 'self_held_share', startShare: ratio(dto.startShare, 'startShare'), shareStep: ratio(dto.shareStep, 'shareStep'), countdownSeconds: dto.countdownSeconds };
    case 'lottery':
      return { mode: 'lottery', optInWindowMinutes: dto.optInWindowMinutes as number };
    default:
      return {
        mode: 'one_sealed_price',
        guidePrice: money(dto.guidePrice, `${prefix}.guidePrice`) as Money,
        bandLower: ratio(dto.bandLower, 'bandLower'),
        bandUpper: ratio(dto.bandUpper, 'bandUpper'),
      };
  }
}

export function toLotSchedule(dto: ScheduleDto): LotSchedule {
  const d = (v: string | undefined) => (v === undefined ? undefined : new Date(v));
  return {
    applicationStart: new Date(dto.applicationStart),
    applicationEnd: new Date(dto.applicationEnd),
    depositDeadline: new Date(dto.depositDeadline),
    listingStart: d(dto.listingStart),
    listingEnd: d(dto.listingEnd),
    auctionStart: d(dto.auctionStart),
    tenderSubmissionStart: d(dto.tenderSubmissionStart),
    tenderSubmissionDeadline: d(dto.tenderSubmissionDeadline),
    tenderOpening: d(dto.tenderOpening),
    reserveSealingAt: d(dto.reserveSealingAt),
    registrationCloseAt: d(dto.registrationCloseAt),
  };
}

/** Terms as stored in the lot's jsonb column and shown to the public: decimals as strings. */
export function termsJson(dto: LotTermsDto): Record<string, unknown> {
  return JSON.parse(JSON.stringify(dto)) as Record<string, unknown>;
}

/** The schedule kept with the lot, so publication can re-check it exactly as entered. */
export function scheduleJson(dto: ScheduleDto): Record<string, string> {
  return Object.fromEntries(Object.entries(dto).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
}
