import { DomainError, DomainErrors } from '@app/common/domain-error';
import { checkIntegerSetting, QUALIFICATION_DEFAULTS, resolveQualificationSettings } from './qualification-settings';

function errorsOf(fn: () => unknown): DomainErrors {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainErrors) return e;
    throw e;
  }
  throw new Error('expected DomainErrors');
}

describe('QUALIFICATION_DEFAULTS', () => {
  it('carries the numbers of DOMAIN.md §4 and the brief as defaults', () => {
    expect(QUALIFICATION_DEFAULTS).toEqual({
      maxJointPartners: 10,
      reviewWorkingDays: 2,
      subAccountReuseDays: 183,
      bankNoticeMaxSkewSeconds: 300,
      bidderNumberDigits: 3,
      strictOrganizationCodeCheck: false,
    });
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(QUALIFICATION_DEFAULTS)).toBe(true);
  });
});

describe('resolveQualificationSettings', () => {
  it('merges partial overrides over the defaults, an undefined value keeping the default', () => {
    const s = resolveQualificationSettings({ maxJointPartners: 5, reviewWorkingDays: undefined });
    expect(s.maxJointPartners).toBe(5);
    expect(s.reviewWorkingDays).toBe(2);
  });

  it('reports every invalid setting at once, each naming settings.<key>', () => {
    const e = errorsOf(() =>
      resolveQualificationSettings({
        maxJointPartners: 1,
        reviewWorkingDays: 1.5,
        bidderNumberDigits: 7,
        strictOrganizationCodeCheck: 'yes' as unknown as boolean,
        ...({ colour: 'red' } as object),
      }),
    );
    expect(e.code).toBe('QUALIFICATION_SETTINGS_INVALID');
    expect(e.errors.map((x) => x.field).sort()).toEqual([
      'settings.bidderNumberDigits',
      'settings.colour',
      'settings.maxJointPartners',
      'settings.reviewWorkingDays',
      'settings.strictOrganizationCodeCheck',
    ]);
  });
});

describe('checkIntegerSetting', () => {
  it('checks a directly given number against the bounds of its setting, naming the argument', () => {
    expect(checkIntegerSetting('subAccountReuseDays', 183)).toBe(183);
    try {
      checkIntegerSetting('subAccountReuseDays', -1, 'reuseAfterDays');
      throw new Error('expected a DomainError');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).field).toBe('reuseAfterDays');
    }
  });
});
