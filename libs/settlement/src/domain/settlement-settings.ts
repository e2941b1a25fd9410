import { DomainError, DomainErrors } from '@app/common/domain-error';
import { Ratio } from '@app/money/ratio';

/**
 * The numbers of DOMAIN.md §7 (after the sale), each a setting with the handbook's default. Nothing in
 * this folder hard-codes one of them: every rule takes resolved {@link SettlementSettings}, built by
 * {@link resolveSettlementSettings} from a `Partial` (the region's or the lot's overrides) merged over
 * {@link SETTLEMENT_DEFAULTS}.
 *
 * The names are meant as the `settlement.*` keys of the platform settings store (libs/settings):
 * `settlement.contractWorkingDays` there is `contractWorkingDays` here. Decimals (shares, the penalty
 * rate) are strings as in JSON, never JS numbers; {@link paymentPlanOf} and {@link dailyPenaltyRateOf}
 * turn them into {@link Ratio}s.
 */

/** `installments`: the default 50% / balance plan; `full`: the whole price within N calendar days. */
export const PAYMENT_PLAN_KINDS = ['installments', 'full'] as const;
export type PaymentPlanKind = (typeof PAYMENT_PLAN_KINDS)[number];

/** One installment of the plan as stored: a share of the price due within N months of the contract. */
export interface InstallmentTermSetting {
  /** Share of the price, a ratio string with at most 4 places: "0.5000" = 50%. */
  readonly share: string;
  /** Due within this many calendar months of the contract date (month-end clamped, see payment-schedule.ts). */
  readonly withinMonths: number;
}

export interface SettlementSettings {
  /** The confirmation (成交确认书) is signed within N working days after the close (default 5). */
  readonly confirmationWorkingDays: number;
  /** The land contract (出让合同) is signed within N working days after the close (default 10). */
  readonly contractWorkingDays: number;
  /** Deposits of the other bidders are refunded within N working days after the close (default 5). */
  readonly refundWorkingDays: number;
  /** The result (成交公示) is published within N working days after the close (default 10). */
  readonly publicationWorkingDays: number;
  /** Service-time target: the whole sale is finished within N working days after the close (default 40). */
  readonly serviceTargetWorkingDays: number;
  /** Default plan of the land premium (出让金): `installments` (default) or `full`. */
  readonly paymentPlan: PaymentPlanKind;
  /** The installments of the `installments` plan; shares add up to exactly 1, months strictly increase. */
  readonly installments: readonly InstallmentTermSetting[];
  /** The `full` plan: the whole price within N calendar days of the contract (default 60). */
  readonly fullPaymentDays: number;
  /** Late-payment penalty per day on the unpaid amount, a ratio string with at most 6 places: "0.000500" = 0.05%/day. */
  readonly dailyPenaltyRate: string;
  /** A payment more than N calendar days overdue is a long default: the contract terminates and the deposit is forfeited (default 90). */
  readonly longDefaultDays: number;
  /**
   * true: a due date that falls on a day off moves to the next working day (民法典 第二百零三条: a period
   * ending on a statutory holiday ends on the day after the holiday). Default false: the contract's
   * calendar date stands.
   */
  readonly rollDueDatesToWorkingDay: boolean;
}

export type SettlementSettingsOverrides = Partial<SettlementSettings>;

/** Places of {@link SettlementSettings.dailyPenaltyRate}. */
export const PENALTY_RATE_SCALE = 6;
/** Places of an installment share. */
export const SHARE_SCALE = 4;

export const SETTLEMENT_DEFAULTS: SettlementSettings = Object.freeze({
  confirmationWorkingDays: 5,
  contractWorkingDays: 10,
  refundWorkingDays: 5,
  publicationWorkingDays: 10,
  serviceTargetWorkingDays: 40,
  paymentPlan: 'installments',
  installments: Object.freeze([
    Object.freeze({ share: '0.5000', withinMonths: 1 }),
    Object.freeze({ share: '0.5000', withinMonths: 12 }),
  ]),
  fullPaymentDays: 60,
  dailyPenaltyRate: '0.000500',
  longDefaultDays: 90,
  rollDueDatesToWorkingDay: false,
});

type IntegerKey = {
  [K in keyof SettlementSettings]: SettlementSettings[K] extends number ? K : never;
}[keyof SettlementSettings];

/** Inclusive bounds of each whole-number setting. */
const INTEGER_BOUNDS: Readonly<Record<IntegerKey, readonly [number, number]>> = {
  confirmationWorkingDays: [1, 365],
  contractWorkingDays: [1, 365],
  refundWorkingDays: [0, 365],
  publicationWorkingDays: [1, 365],
  serviceTargetWorkingDays: [1, 3650],
  fullPaymentDays: [1, 3650],
  longDefaultDays: [1, 3650],
};

/** Installment months: 0 (due on the contract date) to 10 years. */
const MAX_INSTALLMENT_MONTHS = 120;
const MAX_INSTALLMENTS = 24;

/** One invalid setting: code `INVALID_SETTING_VALUE`, field `settings.<key>`. */
export interface SettingViolation {
  readonly code: string;
  readonly message: string;
  readonly field: string;
}

function parseRatio(value: unknown, field: string, scale: number): Ratio | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return Ratio.parse(value, field, { scale });
  } catch (e) {
    if (e instanceof DomainError) return undefined;
    throw e;
  }
}

function checkInstallments(value: unknown, bad: (key: string, message: string) => void): void {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_INSTALLMENTS) {
    bad('installments', `must be a list of 1 to ${MAX_INSTALLMENTS} installments { share, withinMonths }`);
    return;
  }
  let total = Ratio.zero(SHARE_SCALE);
  let sharesOk = true;
  let previousMonths = -1;
  (value as unknown[]).forEach((item, i) => {
    const key = `installments[${i}]`;
    if (item === null || typeof item !== 'object') {
      bad(key, 'must be an object { share, withinMonths }');
      sharesOk = false;
      return;
    }
    const { share, withinMonths } = item as Record<string, unknown>;
    const ratio = parseRatio(share, `${key}.share`, SHARE_SCALE);
    if (ratio === undefined || ratio.isZero() || ratio.gt(Ratio.one())) {
      bad(`${key}.share`, 'must be a ratio string above 0 and at most 1 with at most 4 places, like "0.5000"');
      sharesOk = false;
    } else {
      total = total.add(ratio);
    }
    if (
      typeof withinMonths !== 'number' ||
      !Number.isSafeInteger(withinMonths) ||
      withinMonths < 0 ||
      withinMonths > MAX_INSTALLMENT_MONTHS
    ) {
      bad(`${key}.withinMonths`, `must be a whole number of months between 0 and ${MAX_INSTALLMENT_MONTHS}`);
    } else if (withinMonths <= previousMonths) {
      bad(`${key}.withinMonths`, 'must be later than the installment before it');
    } else {
      previousMonths = withinMonths;
    }
  });
  if (sharesOk && !total.equalsOne()) {
    bad('installments', `shares must add up to exactly 1 (100%), they add up to ${total.toString()}`);
  }
}

/**
 * The effective settings: `overrides` merged over {@link SETTLEMENT_DEFAULTS} (an `undefined` value keeps
 * the default). Every value is checked; all problems are reported together as
 * `DomainErrors('SETTLEMENT_SETTINGS_INVALID', …)`, each entry `INVALID_SETTING_VALUE` with field
 * `settings.<name>` (`settings.installments[1].share`) and a message that names the setting.
 */
export function resolveSettlementSettings(overrides: SettlementSettingsOverrides = {}): SettlementSettings {
  const merged: Record<string, unknown> = { ...SETTLEMENT_DEFAULTS };
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined) merged[key] = value;
  }
  const errors: SettingViolation[] = [];
  const bad = (key: string, message: string): void => {
    errors.push({ code: 'INVALID_SETTING_VALUE', message: `${key} ${message}`, field: `settings.${key}` });
  };
  for (const key of Object.keys(merged)) {
    if (!(key in SETTLEMENT_DEFAULTS)) bad(key, 'is not a settlement setting');
  }
  for (const [key, [min, max]] of Object.entries(INTEGER_BOUNDS)) {
    const value = merged[key];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
      bad(key, `must be a whole number between ${min} and ${max}`);
    }
  }
  if (!PAYMENT_PLAN_KINDS.includes(merged.paymentPlan as PaymentPlanKind)) {
    bad('paymentPlan', `must be one of ${PAYMENT_PLAN_KINDS.join(', ')}`);
  }
  checkInstallments(merged.installments, bad);
  const rate = parseRatio(merged.dailyPenaltyRate, 'dailyPenaltyRate', PENALTY_RATE_SCALE);
  if (rate === undefined || rate.gt(Ratio.one())) {
    bad('dailyPenaltyRate', 'must be a ratio string between "0" and "1" with at most 6 places, like "0.000500" (0.05% a day)');
  }
  if (typeof merged.rollDueDatesToWorkingDay !== 'boolean') bad('rollDueDatesToWorkingDay', 'must be true or false');
  if (errors.length > 0) {
    throw new DomainErrors('SETTLEMENT_SETTINGS_INVALID', `${errors.length} settlement setting(s) are invalid`, errors);
  }
  if (Array.isArray(merged.installments)) {
    merged.installments = Object.freeze(
      (merged.installments as InstallmentTermSetting[]).map((t) => Object.freeze({ share: t.share, withinMonths: t.withinMonths })),
    );
  }
  return Object.freeze(merged) as unknown as SettlementSettings;
}

/** The daily late-payment penalty rate as a 6-place {@link Ratio} (0.000500). */
export function dailyPenaltyRateOf(settings: SettlementSettings): Ratio {
  return Ratio.parse(settings.dailyPenaltyRate, 'settings.dailyPenaltyRate', { scale: PENALTY_RATE_SCALE });
}

/** One installment of a {@link PaymentPlan}: `share` of the price, due within `withinMonths` months of the contract. */
export interface InstallmentTerm {
  readonly share: Ratio;
  readonly withinMonths: number;
}

/**
 * How the land premium is paid: in installments (shares adding up to exactly 1, each due a number of
 * months after the contract) or in full within a number of calendar days.
 */
export type PaymentPlan =
  | { readonly kind: 'installments'; readonly installments: readonly InstallmentTerm[] }
  | { readonly kind: 'full'; readonly withinDays: number };

/** The plan the settings describe (`paymentPlan` picks `installments` or `full`). */
export function paymentPlanOf(settings: SettlementSettings, kind: PaymentPlanKind = settings.paymentPlan): PaymentPlan {
  if (kind === 'full') return Object.freeze({ kind: 'full', withinDays: settings.fullPaymentDays });
  return Object.freeze({
    kind: 'installments',
    installments: Object.freeze(
      settings.installments.map((t, i) =>
        Object.freeze({
          share: Ratio.parse(t.share, `settings.installments[${i}].share`, { scale: SHARE_SCALE }),
          withinMonths: t.withinMonths,
        }),
      ),
    ),
  });
}
