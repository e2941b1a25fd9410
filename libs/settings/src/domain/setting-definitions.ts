import { DomainError } from '@app/common/domain-error';

/**
 * The region-wide settings behind the numbers of DOMAIN.md. Each has a default from the handbook;
 * staff with `settings.edit` override it through the API (audited). Per-lot terms, where the
 * handbook says "per lot", live on the lot and take these values as their defaults.
 *
 * Values are JSON; decimals are strings, never JS numbers.
 */
export type SettingKind = 'integer' | 'decimal' | 'boolean' | 'json';

export interface SettingDefinition {
  key: string;
  kind: SettingKind;
  default: unknown;
  description: string;
  min?: number;
  max?: number;
}

const DEFS: SettingDefinition[] = [
  { key: 'reserve.areaTolerance', kind: 'decimal', default: '0.0050', description: 'Largest accepted relative difference between the declared and the computed parcel area' },
  {
    key: 'reserve.tenureYears',
    kind: 'json',
    default: { residential: 70, commercial: 40, industrial: 50, mixed: 50, public_service: 50, other: 50 },
    description: 'Land-use term (出让年限) in years by planned use',
  },
  { key: 'reserve.requireBoundaryInChina', kind: 'boolean', default: true, description: 'Refuse boundary coordinates outside 73–136°E, 3–54°N' },
  { key: 'listing.leadTimeCalendarDays', kind: 'integer', default: 20, min: 0, max: 365, description: 'Calendar days from publication to the listing or auction start' },
  { key: 'listing.minListingDays', kind: 'integer', default: 10, min: 1, max: 365, description: 'Shortest listing period' },
  { key: 'listing.listingDaysAreWorkingDays', kind: 'boolean', default: true, description: 'Count the listing period in working days (else calendar days)' },
  { key: 'listing.minDepositRatio', kind: 'decimal', default: '0.2000', description: 'Smallest deposit as a share of the start price' },
  { key: 'listing.registrationCloseWorkingDays', kind: 'integer', default: 3, min: 0, max: 60, description: 'Working days before the listing end when registration closes' },
  { key: 'listing.reserveSealMinutesBeforeEnd', kind: 'integer', default: 60, min: 0, max: 10_080, description: 'Minutes before the listing end (or the auction start) by which the reserve is sealed' },
  { key: 'listing.minCommitteeSize', kind: 'integer', default: 3, min: 1, max: 15, description: 'Pricing committee members who must each submit a reserve proposal' },
  { key: 'qualification.reviewWorkingDays', kind: 'integer', default: 2, min: 1, max: 30, description: 'Working days staff have to review an application (pre-review)' },
  { key: 'qualification.subAccountReuseDays', kind: 'integer', default: 183, min: 1, max: 3650, description: 'A virtual deposit sub-account is never issued again within this many days' },
  { key: 'qualification.bidderNumberDigits', kind: 'integer', default: 3, min: 2, max: 6, description: 'Digits of a bidder number (号牌)' },
  { key: 'qualification.bankNoticeMaxSkewSeconds', kind: 'integer', default: 300, min: 10, max: 3600, description: 'Largest accepted gap between a bank notice’s signed timestamp and the server clock' },
  { key: 'settlement.confirmationWorkingDays', kind: 'integer', default: 5, min: 1, max: 60, description: 'Working days after the close to sign the transaction confirmation (成交确认书)' },
  { key: 'settlement.contractWorkingDays', kind: 'integer', default: 10, min: 1, max: 120, description: 'Working days after the close to sign the land contract; later, the deposit is forfeited' },
  { key: 'settlement.refundWorkingDays', kind: 'integer', default: 5, min: 1, max: 60, description: 'Working days after the close to refund the other deposits' },
  { key: 'settlement.publicationWorkingDays', kind: 'integer', default: 10, min: 1, max: 60, description: 'Working days after the close to publish the result (成交公示)' },
  { key: 'settlement.serviceTargetWorkingDays', kind: 'integer', default: 40, min: 1, max: 365, description: 'Service-time target: the whole sale finished within this many working days of the close' },
  {
    key: 'settlement.installments',
    kind: 'json',
    default: [{ share: '0.5000', withinMonths: 1 }, { share: '0.5000', withinMonths: 12 }],
    description: 'Installments of the land premium: shares of the price (adding up to 1) due within N months of the contract',
  },
  { key: 'settlement.dailyPenaltyRate', kind: 'decimal', default: '0.000500', description: 'Late-payment penalty per day on the unpaid amount (0.000500 = 0.05%)' },
  { key: 'settlement.longDefaultDays', kind: 'integer', default: 90, min: 1, max: 3650, description: 'Days a payment may be overdue before the contract terminates and the deposit is forfeited' },
  { key: 'settlement.blacklistMonths', kind: 'integer', default: 36, min: 1, max: 240, description: 'Months a defaulting winner stays on the blacklist' },
  { key: 'qualification.maxDocumentsPerApplication', kind: 'integer', default: 20, min: 1, max: 200, description: 'Most documents one application holds' },
  { key: 'qualification.maxDocumentBytes', kind: 'integer', default: 20 * 1024 * 1024, min: 1024, max: 100 * 1024 * 1024, description: 'Largest document an applicant may upload, in bytes (default 20 MiB); the upload route’s request-size limit must allow 4/3 of it (base64)' },
  { key: 'qualification.maxApplicationDocumentBytes', kind: 'integer', default: 50 * 1024 * 1024, min: 1024, max: 1024 * 1024 * 1024, description: 'Largest total of one application’s documents, in bytes (default 50 MiB)' },
  { key: 'qualification.maxJointPartners', kind: 'integer', default: 10, min: 2, max: 50, description: 'Most partners in a joint bid (联合竞买)' },
  { key: 'listing.resumptionNoticeDays', kind: 'integer', default: 5, min: 0, max: 60, description: 'Days of notice before a suspended sale resumes' },
  { key: 'practice.maxRunningPerAccount', kind: 'integer', default: 3, min: 1, max: 50, description: 'Practice lots (模拟竞价) one account may have running (started and not yet closed) at once' },
  { key: 'practice.maxStartsPerAccountPerDay', kind: 'integer', default: 20, min: 1, max: 1000, description: 'Practice lots one account may start within 24 hours' },
  { key: 'practice.maxBiddersPerLot', kind: 'integer', default: 30, min: 1, max: 500, description: 'Bidders a trainer may seat on one practice lot (a class)' },
  { key: 'practice.retentionHours', kind: 'integer', default: 24, min: 1, max: 720, description: 'Hours after its start, or after its close when later, when a practice lot is deleted with every row it produced' },
  { key: 'notification.installmentReminderDays', kind: 'integer', default: 7, min: 0, max: 90, description: 'Days before an installment of the land premium falls due when the winner is reminded (0 = on the day)' },
];

export const SETTING_DEFINITIONS: ReadonlyMap<string, SettingDefinition> = new Map(DEFS.map((d) => [d.key, d]));

const DECIMAL = /^-?(0|[1-9]\d{0,15})(\.\d{1,8})?$/;

/** Checks a value against its definition; the error names the field `value`. */
export function checkSettingValue(key: string, value: unknown): unknown {
  const def = SETTING_DEFINITIONS.get(key);
  if (!def) throw new DomainError('SETTING_NOT_FOUND', `there is no setting "${key}"`, 'key');
  const bad = (message: string) => new DomainError('INVALID_SETTING_VALUE', `value of ${key} ${message}`, 'value');
  switch (def.kind) {
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw bad('must be a whole number');
      if ((def.min !== undefined && value < def.min) || (def.max !== undefined && value > def.max)) throw bad(`must be between ${def.min} and ${def.max}`);
      return value;
    case 'decimal':
      if (typeof value !== 'string' || !DECIMAL.test(value)) throw bad('must be a decimal string such as "0.2000"');
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw bad('must be true or false');
      return value;
    case 'json':
      if (Array.isArray(def.default)) {
        // A list (e.g. the installments of the payment plan): its items are checked by the owning context.
        if (!Array.isArray(value)) throw bad('must be a JSON list');
        return value;
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw bad('must be a JSON object');
      if (typeof def.default === 'object' && def.default !== null) {
        const expected = Object.keys(def.default).sort().join(',');
        if (Object.keys(value).sort().join(',') !== expected) throw bad(`must have exactly the keys ${expected}`);
        for (const v of Object.values(value)) if (typeof v !== typeof Object.values(def.default)[0]) throw bad('has a value of the wrong type');
      }
      return value;
  }
}

/**
 * True when `value` says the same as the setting's default: decimals compare by value ("0.20" is
 * "0.2000"), objects by their keys whatever their order. `overridden` in the API means "differs from
 * the default", so a value set back to the default is no longer reported as an override.
 */
export function isDefaultValue(key: string, value: unknown): boolean {
  const def = SETTING_DEFINITIONS.get(key);
  return def !== undefined && sameJsonValue(value, def.default);
}

function sameJsonValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a === b || (DECIMAL.test(a) && DECIMAL.test(b) && decimalKey(a) === decimalKey(b));
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJsonValue(item, b[i]));
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keysA = Object.keys(a).sort();
    const keysB = Object.keys(b).sort();
    return (
      keysA.length === keysB.length &&
      keysA.every((k, i) => k === keysB[i] && sameJsonValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return a === b;
}

/** A decimal string without its insignificant zeros: "0.2000" → "0.2", "-0.0" → "0", "5.00" → "5". */
function decimalKey(text: string): string {
  const [whole, fraction = ''] = text.replace(/^-/, '').split('.');
  const trimmed = fraction.replace(/0+$/, '');
  const digits = trimmed ? `${whole}.${trimmed}` : whole!;
  return text.startsWith('-') && digits !== '0' ? `-${digits}` : digits;
}
