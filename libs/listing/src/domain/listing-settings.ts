import { DomainError, DomainErrors } from '@app/common/domain-error';
import { Ratio } from '@app/money/ratio';

/**
 * The numbers of DOMAIN.md §3, §5 and §6 that govern announcements and lots, each a setting with the
 * handbook's default. Nothing in this folder hard-codes one of them: every rule takes a
 * `Partial<ListingSettings>` (the region's or the lot's overrides) and merges it over
 * {@link LISTING_DEFAULTS} with {@link resolveListingSettings}.
 *
 * The names match the `listing.*` keys of the platform settings store (libs/settings) where one
 * exists, so `listing.minListingDays` there is `minListingDays` here. Decimals (the deposit ratio,
 * the suggested price band) are strings as in JSON, never JS numbers.
 */
export interface ListingSettings {
  /** Calendar days from publication to the listing / auction / tender start (Shanghai calendar dates). */
  readonly leadTimeCalendarDays: number;
  /** Shortest listing period, counted as {@link countListingDays} explains. */
  readonly minListingDays: number;
  /** true: the listing period counts working days (default); false: calendar days ("10 days" rules). */
  readonly listingDaysAreWorkingDays: boolean;
  /** Smallest deposit as a share of the start price, a 4-place ratio string: "0.2000" = 20%. */
  readonly minDepositRatio: string;
  /** Registration closes this many working days before the listing end (auction start, tender deadline). */
  readonly registrationCloseWorkingDays: number;
  /** The reserve is sealed this many minutes before the listing end (the auction start, the tender deadline). */
  readonly reserveSealMinutesBeforeEnd: number;
  /** Pricing committee members who must each submit one reserve proposal. */
  readonly minCommitteeSize: number;
  /** Countdown of an auction round, restarted on every accepted bid (seconds). */
  readonly auctionCountdownSeconds: number;
  /** Countdown of the listing's timed final round 限时竞价 (seconds; Fujian uses 300). */
  readonly timedRoundCountdownSeconds: number;
  /** Warnings shown before a countdown runs out, seconds remaining, descending. */
  readonly countdownWarningSeconds: readonly number[];
  /** Suggested gap between the listing end and the timed round start (minutes; e.g. 15). */
  readonly timedRoundPreparationGapMinutes: number;
  /** No quotes in the last N minutes of the listing period; 0 = off (the option of §5 is 60). */
  readonly quoteBlackoutMinutesBeforeListingEnd: number;
  /** A resumption is announced at least this many calendar days before trading resumes. */
  readonly resumptionNoticeDays: number;
  /** A technical freeze fixed within this many minutes resumes directly. */
  readonly freezeDirectResumeMinutes: number;
  /** A longer freeze resumes only after a notice published at least this many hours ahead. */
  readonly freezeResumptionNoticeHours: number;
  /** No freeze, suspension or termination in the last N minutes before the deadline without a supervisor. */
  readonly protectedFinalMinutes: number;
  /** Fewest qualified bidders for a sale, per method. */
  readonly minBiddersListing: number;
  readonly minBiddersAuction: number;
  readonly minBiddersTender: number;
  /** Smallest weighted-score evaluation panel (always an odd number). */
  readonly minEvaluationPanelSize: number;
  /** Suggested band of a 一次报价 round, percent above the guide price (initial values of a new lot's terms). */
  readonly oneSealedPriceBandLowerPercent: string;
  readonly oneSealedPriceBandUpperPercent: string;
}

export type ListingSettingsOverrides = Partial<ListingSettings>;

export const LISTING_DEFAULTS: ListingSettings = Object.freeze({
  leadTimeCalendarDays: 20,
  minListingDays: 10,
  listingDaysAreWorkingDays: true,
  minDepositRatio: '0.2000',
  registrationCloseWorkingDays: 3,
  reserveSealMinutesBeforeEnd: 60,
  minCommitteeSize: 3,
  auctionCountdownSeconds: 60,
  timedRoundCountdownSeconds: 240,
  countdownWarningSeconds: Object.freeze([60, 30, 10]),
  timedRoundPreparationGapMinutes: 0,
  quoteBlackoutMinutesBeforeListingEnd: 0,
  resumptionNoticeDays: 5,
  freezeDirectResumeMinutes: 60,
  freezeResumptionNoticeHours: 24,
  protectedFinalMinutes: 60,
  minBiddersListing: 1,
  minBiddersAuction: 3,
  minBiddersTender: 3,
  minEvaluationPanelSize: 5,
  oneSealedPriceBandLowerPercent: '25',
  oneSealedPriceBandUpperPercent: '50',
});

/** One broken rule: a stable code, a message for people, and the input to blame (`lots[1].deposit`). */
export interface RuleViolation {
  readonly code: string;
  readonly message: string;
  readonly field: string;
  /** Figures the message quotes (amounts, dates), so that its Chinese text can quote them too. */
  readonly params?: Readonly<Record<string, string>>;
}

/** `prefix.name`, or `name` alone when there is no prefix. */
export function fieldPath(prefix: string | undefined, name: string): string {
  return prefix ? `${prefix}.${name}` : name;
}

type IntegerKey = {
  [K in keyof ListingSettings]: ListingSettings[K] extends number ? K : never;
}[keyof ListingSettings];

/** Smallest value each integer setting may take (all are whole numbers). */
const INTEGER_MINIMUM: Readonly<Record<IntegerKey, number>> = {
  leadTimeCalendarDays: 0,
  minListingDays: 1,
  registrationCloseWorkingDays: 0,
  reserveSealMinutesBeforeEnd: 0,
  minCommitteeSize: 1,
  auctionCountdownSeconds: 1,
  timedRoundCountdownSeconds: 1,
  timedRoundPreparationGapMinutes: 0,
  quoteBlackoutMinutesBeforeListingEnd: 0,
  resumptionNoticeDays: 0,
  freezeDirectResumeMinutes: 0,
  freezeResumptionNoticeHours: 0,
  protectedFinalMinutes: 0,
  minBiddersListing: 1,
  minBiddersAuction: 1,
  minBiddersTender: 1,
  minEvaluationPanelSize: 1,
};

/** Guards the day/minute loops of the rules against absurd values (10 years of days). */
const INTEGER_MAXIMUM = 3650 * 24 * 60;

const PERCENT = /^(0|[1-9]\d{0,3})(\.\d{1,2})?$/;

/**
 * The effective settings: `overrides` merged over {@link LISTING_DEFAULTS} (an `undefined` value keeps
 * the default). Every value is checked; all problems are reported together as
 * `DomainErrors('LISTING_SETTINGS_INVALID', …)` with fields `settings.<name>`.
 */
export function resolveListingSettings(overrides: ListingSettingsOverrides = {}): ListingSettings {
  const merged: Record<string, unknown> = { ...LISTING_DEFAULTS };
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined) merged[key] = value;
  }
  const errors: RuleViolation[] = [];
  const bad = (key: string, message: string): void => {
    errors.push({ code: 'INVALID_SETTING_VALUE', message: `${key} ${message}`, field: `settings.${key}` });
  };
  for (const key of Object.keys(merged)) {
    if (!(key in LISTING_DEFAULTS)) bad(key, 'is not a listing setting');
  }
  for (const [key, min] of Object.entries(INTEGER_MINIMUM)) {
    const value = merged[key];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > INTEGER_MAXIMUM) {
      bad(key, `must be a whole number between ${min} and ${INTEGER_MAXIMUM}`);
    }
  }
  if (typeof merged.listingDaysAreWorkingDays !== 'boolean') bad('listingDaysAreWorkingDays', 'must be true or false');
  const ratio = merged.minDepositRatio;
  let ratioOk = false;
  try {
    ratioOk = typeof ratio === 'string' && Ratio.parse(ratio, 'minDepositRatio').lte(Ratio.one());
  } catch {
    ratioOk = false;
  }
  if (!ratioOk) bad('minDepositRatio', 'must be a ratio string between "0" and "1" with at most 4 places, like "0.2000"');
  for (const key of ['oneSealedPriceBandLowerPercent', 'oneSealedPriceBandUpperPercent']) {
    const value = merged[key];
    if (typeof value !== 'string' || !PERCENT.test(value)) bad(key, 'must be a percentage string such as "25"');
  }
  const warnings = merged.countdownWarningSeconds;
  if (!isDescendingPositiveIntegers(warnings)) {
    bad('countdownWarningSeconds', 'must be a list of whole seconds ≥ 1 in strictly descending order');
  }
  const panel = merged.minEvaluationPanelSize;
  if (typeof panel === 'number' && Number.isSafeInteger(panel) && panel % 2 === 0) {
    bad('minEvaluationPanelSize', 'must be an odd number');
  }
  if (errors.length > 0) {
    throw new DomainErrors('LISTING_SETTINGS_INVALID', `${errors.length} listing setting(s) are invalid`, errors);
  }
  return Object.freeze(merged) as unknown as ListingSettings;
}

/** True for `[60, 30, 10]`-like lists: whole numbers ≥ 1, each smaller than the one before (may be empty). */
export function isDescendingPositiveIntegers(value: unknown): value is readonly number[] {
  if (!Array.isArray(value)) return false;
  let previous = Number.POSITIVE_INFINITY;
  for (const item of value as unknown[]) {
    if (typeof item !== 'number' || !Number.isSafeInteger(item) || item < 1 || item >= previous) return false;
    previous = item;
  }
  return true;
}

/** The minimum deposit ratio of `settings` as a {@link Ratio}. */
export function minDepositRatioOf(settings: ListingSettings): Ratio {
  return Ratio.parse(settings.minDepositRatio, 'settings.minDepositRatio');
}

/** Throws `DomainError(code, message, field)`; a helper for the one-error guards of this folder. */
export function fail(code: string, message: string, field?: string, details?: Record<string, unknown>): never {
  throw new DomainError(code, message, field, details);
}
