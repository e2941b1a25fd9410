import { DomainError, DomainErrors } from '@app/common/domain-error';

/**
 * The numbers of DOMAIN.md §4 that govern bidders, applications, deposits and qualification, each a
 * setting with the handbook's default. Every rule of this folder that depends on one of them takes a
 * `Partial<QualificationSettings>` (or the single number, defaulting to the value here) and merges it
 * over {@link QUALIFICATION_DEFAULTS} with {@link resolveQualificationSettings}.
 *
 * The names match the `qualification.*` keys of the platform settings store where one exists.
 */
export interface QualificationSettings {
  /** Most partners of a joint group (联合竞买), the lead included. */
  readonly maxJointPartners: number;
  /** Working days a review may take (资格审查时限), counted as {@link reviewDueAt} explains. */
  readonly reviewWorkingDays: number;
  /** A virtual sub-account number is not issued again within this many days (DOMAIN: half a year). */
  readonly subAccountReuseDays: number;
  /** Largest accepted difference between the bank's notice timestamp and our clock, in seconds. */
  readonly bankNoticeMaxSkewSeconds: number;
  /** Digits of a bidder number (号牌): 3 gives "001" … "999". */
  readonly bidderNumberDigits: number;
  /**
   * Also check the GB 11714 check character of the organization code embedded in a unified social
   * credit code. Off by default: codes are in use whose embedded part does not follow GB 11714
   * (see uscc.ts).
   */
  readonly strictOrganizationCodeCheck: boolean;
}

export type QualificationSettingsOverrides = Partial<QualificationSettings>;

export const QUALIFICATION_DEFAULTS: QualificationSettings = Object.freeze({
  maxJointPartners: 10,
  reviewWorkingDays: 2,
  subAccountReuseDays: 183,
  bankNoticeMaxSkewSeconds: 300,
  bidderNumberDigits: 3,
  strictOrganizationCodeCheck: false,
});

/** Fewest partners of a joint group, the lead included: a "group" of one is an application alone. */
export const MIN_JOINT_PARTNERS = 2;

/** One broken rule: a stable code, a message for people, and the input to blame (`partners[2].share`). */
export interface RuleViolation {
  readonly code: string;
  readonly message: string;
  readonly field: string;
}

type IntegerKey = {
  [K in keyof QualificationSettings]: QualificationSettings[K] extends number ? K : never;
}[keyof QualificationSettings];

/** Inclusive bounds of each integer setting. */
const INTEGER_BOUNDS: Readonly<Record<IntegerKey, readonly [number, number]>> = {
  maxJointPartners: [MIN_JOINT_PARTNERS, 100],
  reviewWorkingDays: [0, 365],
  subAccountReuseDays: [0, 3650],
  bankNoticeMaxSkewSeconds: [1, 86_400],
  bidderNumberDigits: [1, 6],
};

/**
 * The effective settings: `overrides` merged over {@link QUALIFICATION_DEFAULTS} (an `undefined` value
 * keeps the default). Every value is checked; all problems are reported together as
 * `DomainErrors('QUALIFICATION_SETTINGS_INVALID', …)` with fields `settings.<name>`.
 */
export function resolveQualificationSettings(overrides: QualificationSettingsOverrides = {}): QualificationSettings {
  const merged: Record<string, unknown> = { ...QUALIFICATION_DEFAULTS };
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined) merged[key] = value;
  }
  const errors: RuleViolation[] = [];
  const bad = (key: string, message: string): void => {
    errors.push({ code: 'INVALID_SETTING_VALUE', message: `${key} ${message}`, field: `settings.${key}` });
  };
  for (const key of Object.keys(merged)) {
    if (!(key in QUALIFICATION_DEFAULTS)) bad(key, 'is not a qualification setting');
  }
  for (const [key, [min, max]] of Object.entries(INTEGER_BOUNDS)) {
    const value = merged[key];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
      bad(key, `must be a whole number between ${min} and ${max}`);
    }
  }
  if (typeof merged.strictOrganizationCodeCheck !== 'boolean') bad('strictOrganizationCodeCheck', 'must be true or false');
  if (errors.length > 0) {
    throw new DomainErrors('QUALIFICATION_SETTINGS_INVALID', `${errors.length} qualification setting(s) are invalid`, errors);
  }
  return Object.freeze(merged) as unknown as QualificationSettings;
}

/**
 * Checks one integer argument given directly (e.g. `reuseAfterDays`) against the bounds of its
 * setting; throws `INVALID_SETTING_VALUE` naming the argument.
 */
export function checkIntegerSetting(key: IntegerKey, value: number, argument: string = key): number {
  const [min, max] = INTEGER_BOUNDS[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new DomainError('INVALID_SETTING_VALUE', `${argument} must be a whole number between ${min} and ${max}`, argument);
  }
  return value;
}
