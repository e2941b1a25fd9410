import fc from 'fast-check';
import { DomainError, DomainErrors } from '@app/common/domain-error';
import { Ratio } from '@app/money/ratio';
import { ensureNotBothAloneAndJoint, validateJointGroup, type JointGroupInput, type LotApplicationParties } from './joint-bid';

function errorsOf(fn: () => unknown): DomainErrors {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainErrors) return e;
    throw e;
  }
  throw new Error('expected DomainErrors');
}

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

function group(shares: readonly (string | Ratio)[], lead = 'b0'): JointGroupInput {
  return { leadBidderId: lead, partners: shares.map((share, i) => ({ bidderId: `b${i}`, share })) };
}

const codes = (e: DomainErrors): string[] => e.errors.map((x) => x.code);

describe('validateJointGroup: shares', () => {
  it('accepts percentage strings that add up to exactly 100.00 and returns them as 4-place ratios', () => {
    const g = validateJointGroup(group(['33.34', '33.33', '33.33']));
    expect(g.leadBidderId).toBe('b0');
    expect(g.partners.map((p) => p.share.toString())).toEqual(['0.3334', '0.3333', '0.3333']);
  });

  it('accepts whole percentages and Ratios with at most 4 places', () => {
    expect(validateJointGroup(group(['60', '40'])).partners[1].share.toString()).toBe('0.4000');
    expect(validateJointGroup(group([Ratio.parse('0.5'), '50.00'])).partners[0].share.toString()).toBe('0.5000');
  });

  it('refuses shares adding up to 99.99 with SHARES_NOT_100, the message giving the actual sum', () => {
    const e = errorsOf(() => validateJointGroup(group(['33.33', '33.33', '33.33'])));
    expect(e.code).toBe('JOINT_GROUP_INVALID');
    expect(e.errors).toEqual([{ code: 'SHARES_NOT_100', field: 'partners', message: expect.stringContaining('99.99%') as unknown }]);
  });

  it('refuses shares adding up to more than 100 too', () => {
    expect(errorsOf(() => validateJointGroup(group(['50.01', '50']))).errors[0].message).toContain('100.01%');
  });

  it('any split of 10000 hundredths of a percent into positive parts is accepted, one hundredth less is not', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 2000 }), { minLength: 2, maxLength: 10 }), (weights) => {
        const total = weights.reduce((a, b) => a + b, 0);
        const parts = weights.map((w) => Math.max(1, Math.floor((w * 10000) / total)));
        parts[0] += 10000 - parts.reduce((a, b) => a + b, 0);
        fc.pre(parts[0] > 1);
        const text = (h: number): string => `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`;
        expect(validateJointGroup(group(parts.map(text))).partners).toHaveLength(parts.length);
        parts[0] -= 1;
        expect(codes(errorsOf(() => validateJointGroup(group(parts.map(text)))))).toEqual(['SHARES_NOT_100']);
      }),
    );
  });

  it('refuses a percentage with 3 places or a ratio with 5, naming partners[i].share', () => {
    const e = errorsOf(() => validateJointGroup(group(['33.334', Ratio.of('0.66666', 5)])));
    expect(e.errors.map((x) => [x.code, x.field])).toEqual([
      ['TOO_MANY_DECIMAL_PLACES', 'partners[0].share'],
      ['TOO_MANY_DECIMAL_PLACES', 'partners[1].share'],
    ]);
  });

  it('refuses a zero, negative, over-100 or non-string share, and skips the sum check then', () => {
    const e = errorsOf(() =>
      validateJointGroup({
        leadBidderId: 'b0',
        partners: [
          { bidderId: 'b0', share: '0' },
          { bidderId: 'b1', share: '-10' },
          { bidderId: 'b2', share: '110' },
          { bidderId: 'b3', share: 50 as unknown as string },
        ],
      }),
    );
    expect(e.errors.map((x) => [x.code, x.field])).toEqual([
      ['SHARE_NOT_POSITIVE', 'partners[0].share'],
      ['NEGATIVE_NOT_ALLOWED', 'partners[1].share'],
      ['OUT_OF_RANGE', 'partners[2].share'],
      ['INVALID_DECIMAL', 'partners[3].share'],
    ]);
  });
});

describe('validateJointGroup: partners', () => {
  it('needs at least 2 partners including the lead', () => {
    const e = errorsOf(() => validateJointGroup(group(['100'])));
    expect(e.errors).toEqual([expect.objectContaining({ code: 'TOO_FEW_PARTNERS', field: 'partners' })]);
  });

  it('allows at most 10 partners by default, and the maximum is a setting', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => (i === 0 ? '0.10' : '9.99'));
    expect(codes(errorsOf(() => validateJointGroup(group(eleven))))).toEqual(['TOO_MANY_PARTNERS']);
    expect(validateJointGroup(group(eleven), { maxJointPartners: 11 }).partners).toHaveLength(11);
    expect(codes(errorsOf(() => validateJointGroup(group(['50', '30', '20']), { maxJointPartners: 2 })))).toEqual(['TOO_MANY_PARTNERS']);
  });

  it('requires the lead to be one of the partners', () => {
    const e = errorsOf(() => validateJointGroup(group(['50', '50'], 'someone-else')));
    expect(e.errors).toEqual([expect.objectContaining({ code: 'LEAD_NOT_A_PARTNER', field: 'leadBidderId' })]);
  });

  it('refuses the same bidder twice, naming the later entry', () => {
    const e = errorsOf(() =>
      validateJointGroup({
        leadBidderId: 'a',
        partners: [
          { bidderId: 'a', share: '40' },
          { bidderId: 'b', share: '30' },
          { bidderId: ' a ', share: '30' },
        ],
      }),
    );
    expect(e.errors).toEqual([expect.objectContaining({ code: 'DUPLICATE_PARTNER', field: 'partners[2].bidderId' })]);
    expect(e.errors[0].message).toContain('partners[0]');
  });

  it('requires bidder ids', () => {
    const e = errorsOf(() => validateJointGroup({ leadBidderId: ' ', partners: [{ bidderId: '', share: '50' }, { bidderId: 'b', share: '50' }] }));
    expect(e.errors.map((x) => [x.code, x.field])).toEqual([
      ['BIDDER_ID_REQUIRED', 'leadBidderId'],
      ['BIDDER_ID_REQUIRED', 'partners[0].bidderId'],
    ]);
  });

  it('reports every violation at once', () => {
    const e = errorsOf(() =>
      validateJointGroup({
        leadBidderId: 'x',
        partners: [
          { bidderId: 'a', share: '0' },
          { bidderId: 'a', share: '33.333' },
        ],
      }),
    );
    expect(codes(e)).toEqual(['SHARE_NOT_POSITIVE', 'DUPLICATE_PARTNER', 'TOO_MANY_DECIMAL_PLACES', 'LEAD_NOT_A_PARTNER']);
  });

  it('refuses invalid settings', () => {
    expect(errorOf(() => validateJointGroup(group(['50', '50']), { maxJointPartners: 1 })).code).toBe('QUALIFICATION_SETTINGS_INVALID');
  });
});

describe('ensureNotBothAloneAndJoint', () => {
  const alone = (id: string): LotApplicationParties => ({ bidderIds: [id], joint: false });
  const joint = (...ids: string[]): LotApplicationParties => ({ bidderIds: ids, joint: true });

  it('lets different bidders apply, alone or in groups', () => {
    expect(() => ensureNotBothAloneAndJoint([alone('a'), joint('b', 'c')], joint('d', 'e'))).not.toThrow();
    expect(() => ensureNotBothAloneAndJoint([], alone('a'))).not.toThrow();
  });

  it('refuses the same bidder alone twice with ALREADY_APPLIED', () => {
    expect(errorOf(() => ensureNotBothAloneAndJoint([alone('a')], alone('a')))).toMatchObject({ code: 'ALREADY_APPLIED', field: 'bidderIds' });
  });

  it('refuses a group containing a bidder who applied alone with ALONE_AND_JOINT', () => {
    const e = errorOf(() => ensureNotBothAloneAndJoint([alone('b')], joint('a', 'b')));
    expect(e.code).toBe('ALONE_AND_JOINT');
    expect(e.details).toEqual({ conflicts: [{ bidderId: 'b', existingIndex: 0, existingJoint: false }] });
  });

  it('refuses applying alone while in a group with ALONE_AND_JOINT', () => {
    expect(errorOf(() => ensureNotBothAloneAndJoint([joint('a', 'b')], alone('a'))).code).toBe('ALONE_AND_JOINT');
  });

  it('refuses a bidder in two groups with ALREADY_APPLIED', () => {
    const e = errorOf(() => ensureNotBothAloneAndJoint([joint('a', 'b')], joint('c', 'b')));
    expect(e.code).toBe('ALREADY_APPLIED');
    expect(e.message).toContain('another joint group');
  });

  it('prefers ALONE_AND_JOINT when both kinds of conflict occur, and lists every conflict', () => {
    const e = errorOf(() => ensureNotBothAloneAndJoint([joint('a', 'b'), alone('c')], joint('a', 'c')));
    expect(e.code).toBe('ALONE_AND_JOINT');
    expect((e.details as { conflicts: unknown[] }).conflicts).toHaveLength(2);
  });

  it('compares trimmed ids', () => {
    expect(errorOf(() => ensureNotBothAloneAndJoint([alone(' a')], alone('a '))).code).toBe('ALREADY_APPLIED');
  });
});
