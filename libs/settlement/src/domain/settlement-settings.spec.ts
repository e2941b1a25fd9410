import { DomainErrors } from '@app/common/domain-error';
import {
  dailyPenaltyRateOf,
  paymentPlanOf,
  resolveSettlementSettings,
  SETTLEMENT_DEFAULTS,
  type SettlementSettingsOverrides,
} from './settlement-settings';

function errorsOf(fn: () => unknown): DomainErrors {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainErrors) return e;
    throw e;
  }
  throw new Error('expected DomainErrors');
}

describe('settlement settings (DOMAIN §7)', () => {
  it('the defaults are the numbers of the handbook', () => {
    expect(SETTLEMENT_DEFAULTS).toEqual({
      confirmationWorkingDays: 5,
      contractWorkingDays: 10,
      refundWorkingDays: 5,
      publicationWorkingDays: 10,
      serviceTargetWorkingDays: 40,
      paymentPlan: 'installments',
      installments: [
        { share: '0.5000', withinMonths: 1 },
        { share: '0.5000', withinMonths: 12 },
      ],
      fullPaymentDays: 60,
      dailyPenaltyRate: '0.000500',
      longDefaultDays: 90,
      rollDueDatesToWorkingDay: false,
    });
  });

  it('the defaults cannot be changed at run time', () => {
    expect(Object.isFrozen(SETTLEMENT_DEFAULTS)).toBe(true);
    expect(Object.isFrozen(SETTLEMENT_DEFAULTS.installments)).toBe(true);
    expect(Object.isFrozen(SETTLEMENT_DEFAULTS.installments[0])).toBe(true);
  });

  it('resolving nothing gives the defaults', () => {
    expect(resolveSettlementSettings()).toEqual(SETTLEMENT_DEFAULTS);
  });

  it('overrides merge over the defaults and an undefined value keeps the default', () => {
    const s = resolveSettlementSettings({ paymentPlan: 'full', fullPaymentDays: 30, contractWorkingDays: undefined });
    expect(s.paymentPlan).toBe('full');
    expect(s.fullPaymentDays).toBe(30);
    expect(s.contractWorkingDays).toBe(10);
    expect(Object.isFrozen(s)).toBe(true);
  });

  it('a three-installment plan whose shares add up to exactly 100% is accepted', () => {
    const s = resolveSettlementSettings({
      installments: [
        { share: '0.3334', withinMonths: 1 },
        { share: '0.3333', withinMonths: 6 },
        { share: '0.3333', withinMonths: 12 },
      ],
    });
    expect(s.installments).toHaveLength(3);
  });

  it('every invalid setting is reported at once, each naming settings.<key>', () => {
    const e = errorsOf(() =>
      resolveSettlementSettings({
        confirmationWorkingDays: 0,
        contractWorkingDays: 2.5,
        dailyPenaltyRate: '0.0000005',
        longDefaultDays: -1,
        paymentPlan: 'monthly' as never,
        rollDueDatesToWorkingDay: 'yes' as never,
      }),
    );
    expect(e.code).toBe('SETTLEMENT_SETTINGS_INVALID');
    expect(e.errors.every((x) => x.code === 'INVALID_SETTING_VALUE')).toBe(true);
    expect(e.errors.map((x) => x.field).sort()).toEqual(
      [
        'settings.confirmationWorkingDays',
        'settings.contractWorkingDays',
        'settings.dailyPenaltyRate',
        'settings.longDefaultDays',
        'settings.paymentPlan',
        'settings.rollDueDatesToWorkingDay',
      ].sort(),
    );
    expect(e.errors.find((x) => x.field === 'settings.dailyPenaltyRate')?.message).toMatch(/^dailyPenaltyRate .*6 places/);
  });

  it('installment shares that do not add up to 100% are refused with the actual sum', () => {
    const e = errorsOf(() =>
      resolveSettlementSettings({
        installments: [
          { share: '0.3333', withinMonths: 1 },
          { share: '0.3333', withinMonths: 6 },
          { share: '0.3333', withinMonths: 12 },
        ],
      }),
    );
    expect(e.errors).toEqual([
      expect.objectContaining({ field: 'settings.installments', message: expect.stringContaining('0.9999') as unknown }),
    ]);
  });

  it('installment months must increase and shares must be ratios above zero', () => {
    const e = errorsOf(() =>
      resolveSettlementSettings({
        installments: [
          { share: '0.5000', withinMonths: 12 },
          { share: '0.5000', withinMonths: 1 },
          { share: '0', withinMonths: 24 },
          { share: 0.5 as unknown as string, withinMonths: 36 },
        ],
      }),
    );
    expect(e.errors.map((x) => x.field)).toEqual([
      'settings.installments[1].withinMonths',
      'settings.installments[2].share',
      'settings.installments[3].share',
    ]);
  });

  it('an empty installment list is refused', () => {
    expect(errorsOf(() => resolveSettlementSettings({ installments: [] })).errors[0].field).toBe('settings.installments');
  });

  it('keys that are not settlement settings are refused', () => {
    const e = errorsOf(() => resolveSettlementSettings({ depositDays: 3 } as SettlementSettingsOverrides));
    expect(e.errors[0].field).toBe('settings.depositDays');
  });

  it('the daily penalty rate is a 6-place ratio', () => {
    const rate = dailyPenaltyRateOf(resolveSettlementSettings({ dailyPenaltyRate: '0.0003' }));
    expect(rate.toString()).toBe('0.000300');
    expect(rate.formatPercent(4)).toBe('0.0300%');
  });

  it('the default plan is 50% within 1 month and the balance within 12 months; the full plan is N days', () => {
    const plan = paymentPlanOf(SETTLEMENT_DEFAULTS);
    expect(plan.kind).toBe('installments');
    if (plan.kind !== 'installments') throw new Error('unreachable');
    expect(plan.installments.map((i) => [i.share.toString(), i.withinMonths])).toEqual([
      ['0.5000', 1],
      ['0.5000', 12],
    ]);
    expect(paymentPlanOf(SETTLEMENT_DEFAULTS, 'full')).toEqual({ kind: 'full', withinDays: 60 });
  });
});
