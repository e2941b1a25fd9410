import fc from 'fast-check';
import { DomainError } from '@app/common/domain-error';
import { Money } from '@app/money/money';
import { computeDepositStatus, namesMatch, normalizePayerName, payerMatches, type DepositPayment, type DepositStatusInput } from './deposit-status';

const DEADLINE = new Date('2025-10-20T09:00:00Z'); // 17:00 in Shanghai
const MINUTE = 60_000;
const APPLICANT = '福建某某房地产开发有限公司';

function pay(txnId: string, amount: string, minutesBeforeDeadline: number, payerName = APPLICANT): DepositPayment {
  return { txnId, amount: Money.parse(amount), arrivedAt: new Date(DEADLINE.getTime() - minutesBeforeDeadline * MINUTE), payerName };
}

function status(payments: DepositPayment[], required = '5000000.00', applicantNames = [APPLICANT]): ReturnType<typeof computeDepositStatus> {
  return computeDepositStatus({ required: Money.parse(required), deadline: DEADLINE, payments, applicantNames });
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

describe('computeDepositStatus', () => {
  it('adds several payments that arrived before the deadline', () => {
    const s = status([pay('T1', '2000000.00', 600), pay('T2', '3000000.00', 5)]);
    expect(s.counted.toString()).toBe('5000000.00');
    expect(s.outstanding.toString()).toBe('0.00');
    expect(s.excess.toString()).toBe('0.00');
    expect(s.fullyPaidInTime).toBe(true);
  });

  it('reports what is still outstanding', () => {
    const s = status([pay('T1', '4999999.99', 60)]);
    expect(s.outstanding.toString()).toBe('0.01');
    expect(s.fullyPaidInTime).toBe(false);
  });

  it('reports the excess over the required deposit for a refund after close', () => {
    const s = status([pay('T1', '3000000.00', 60), pay('T2', '2500000.50', 30)]);
    expect(s.excess.toString()).toBe('500000.50');
    expect(s.outstanding.toString()).toBe('0.00');
    expect(s.fullyPaidInTime).toBe(true);
  });

  it('a payment arriving exactly at the deadline is late: the deadline is exclusive', () => {
    const s = status([pay('T1', '2500000.00', 1), pay('T2', '2500000.00', 0)]);
    expect(s.counted.toString()).toBe('2500000.00');
    expect(s.late.toString()).toBe('2500000.00');
    expect(s.lateTxnIds).toEqual(['T2']);
    expect(s.fullyPaidInTime).toBe(false);
  });

  it('a payment one millisecond before the deadline counts', () => {
    const p = { ...pay('T1', '5000000.00', 0), arrivedAt: new Date(DEADLINE.getTime() - 1) };
    expect(status([p]).fullyPaidInTime).toBe(true);
  });

  it('counts nothing paid after the deadline, however much', () => {
    const s = status([pay('T1', '9000000.00', -1)]);
    expect(s.counted.isZero()).toBe(true);
    expect(s.outstanding.toString()).toBe('5000000.00');
    expect(s.lateTxnIds).toEqual(['T1']);
  });

  it('does not count an in-time payment from someone else, and lists it for a refund to the payer', () => {
    const s = status([pay('T1', '5000000.00', 60, '厦门另一家投资有限公司')]);
    expect(s.counted.isZero()).toBe(true);
    expect(s.payerMismatch.toString()).toBe('5000000.00');
    expect(s.payerMismatchTxnIds).toEqual(['T1']);
    expect(s.fullyPaidInTime).toBe(false);
  });

  it('a late payment from someone else is late (one bucket per payment)', () => {
    const s = status([pay('T1', '1.00', -5, '张三')]);
    expect(s.lateTxnIds).toEqual(['T1']);
    expect(s.payerMismatchTxnIds).toEqual([]);
  });

  it('in a joint group, a payment in the name of any partner counts towards the group deposit', () => {
    const partners = ['福建甲地产有限公司', '福建乙建设集团有限公司'];
    const s = status([pay('T1', '3000000.00', 60, partners[0]), pay('T2', '2000000.00', 30, partners[1])], '5000000.00', partners);
    expect(s.fullyPaidInTime).toBe(true);
    expect(s.payerMismatchTxnIds).toEqual([]);
  });

  it('a repeated notice (same txnId, same details) is counted once', () => {
    const s = status([pay('T1', '5000000.00', 60), pay('T1', '5000000.00', 60)]);
    expect(s.counted.toString()).toBe('5000000.00');
    expect(s.total.toString()).toBe('5000000.00');
  });

  it('refuses the same txnId with different details (CONFLICTING_PAYMENT)', () => {
    expect(errorOf(() => status([pay('T1', '5000000.00', 60), pay('T1', '5000001.00', 60)])).code).toBe('CONFLICTING_PAYMENT');
  });

  it('refuses a payment of zero or less and a negative requirement', () => {
    expect(errorOf(() => status([pay('T1', '0.00', 60)])).code).toBe('INVALID_PAYMENT');
    expect(
      errorOf(() => computeDepositStatus({ required: Money.of('-1.00'), deadline: DEADLINE, payments: [], applicantNames: [APPLICANT] })).code,
    ).toBe('INVALID_DEPOSIT');
  });

  it('needs at least one applicant name', () => {
    expect(() => status([], '1.00', ['  '])).toThrow(RangeError);
  });

  it('a zero requirement is met with no payment at all', () => {
    expect(status([], '0.00').fullyPaidInTime).toBe(true);
  });
});

describe('payer names: normalisation', () => {
  it.each([
    ['福建某某（泉州）有限公司', '福建某某(泉州)有限公司', 'full-width and half-width brackets'],
    ['福建某某【泉州】有限公司', '福建某某(泉州)有限公司', 'lenticular brackets'],
    ['福建某某〔泉州〕有限公司', '福建某某[泉州]有限公司', 'tortoise-shell and square brackets'],
    ['福建 某某 有限公司', '福建某某有限公司', 'spaces'],
    ['福建\u3000某某有限公司\n', '福建某某有限公司', 'ideographic space and newline'],
    ['ＡＢＣ置业（福州）有限公司', 'abc置业(福州)有限公司', 'full-width letters and case'],
    ['阿卜杜•艾尼', '阿卜杜·艾尼', 'bullet for the middle dot'],
    ['阿卜杜・艾尼', '阿卜杜·艾尼', 'katakana middle dot'],
  ])('%s matches %s (%s)', (a, b) => {
    expect(normalizePayerName(a)).toBe(normalizePayerName(b));
    expect(payerMatches(a, [b])).toBe(true);
  });

  it('does not match a different word', () => {
    expect(payerMatches('福建某某（厦门）有限公司', ['福建某某(泉州)有限公司'])).toBe(false);
    expect(payerMatches('福建某某有限公司', ['福建某某(泉州)有限公司'])).toBe(false);
  });

  it('never matches an empty payer name', () => {
    expect(payerMatches('  ', ['', APPLICANT])).toBe(false);
    expect(namesMatch('', '')).toBe(false);
    expect(namesMatch('福建某某（泉州）有限公司', '福建某某 (泉州) 有限公司')).toBe(true);
  });
});

describe('computeDepositStatus: properties', () => {
  const names = ['甲公司', '乙公司', '丙公司'];
  const paymentArb = fc.record({
    fen: fc.bigInt({ min: 1n, max: 10n ** 12n }),
    minutes: fc.integer({ min: -3000, max: 3000 }),
    payer: fc.constantFrom(...names, '甲 公司', '（外人）'),
  });
  const paymentsArb = fc.uniqueArray(paymentArb, { maxLength: 12, selector: (p) => `${p.minutes}|${p.payer}|${p.fen}` }).map((list) =>
    list.map((p, i): DepositPayment => ({
      txnId: `T${i}`,
      amount: Money.fromFen(p.fen),
      arrivedAt: new Date(DEADLINE.getTime() + p.minutes * MINUTE),
      payerName: p.payer,
    })),
  );
  const input = (payments: DepositPayment[], requiredFen: bigint, applicantNames: string[]): DepositStatusInput => ({
    required: Money.fromFen(requiredFen),
    deadline: DEADLINE,
    payments,
    applicantNames,
  });

  it('counted + late = total when every payer is an applicant', () => {
    fc.assert(
      fc.property(paymentsArb, fc.bigInt({ min: 0n, max: 10n ** 13n }), (payments, required) => {
        const s = computeDepositStatus(input(payments, required, [...names, '甲公司', '（外人）']));
        expect(s.payerMismatch.isZero()).toBe(true);
        expect(s.counted.add(s.late).eq(s.total)).toBe(true);
        expect(s.total.eq(Money.sum(payments.map((p) => p.amount)))).toBe(true);
      }),
    );
  });

  it('counted + late + payerMismatch = total in general', () => {
    fc.assert(
      fc.property(paymentsArb, fc.bigInt({ min: 0n, max: 10n ** 13n }), (payments, required) => {
        const s = computeDepositStatus(input(payments, required, names.slice(0, 2)));
        expect(s.counted.add(s.late).add(s.payerMismatch).eq(s.total)).toBe(true);
        expect(s.lateTxnIds.length + s.payerMismatchTxnIds.length).toBeLessThanOrEqual(payments.length);
      }),
    );
  });

  it('the order of payments does not matter', () => {
    fc.assert(
      fc.property(
        paymentsArb.chain((p) => fc.tuple(fc.constant(p), fc.shuffledSubarray(p, { minLength: p.length, maxLength: p.length }))),
        ([payments, shuffled]) => {
          const a = computeDepositStatus(input(payments, 5_000_000n, names.slice(0, 2)));
          const b = computeDepositStatus(input(shuffled, 5_000_000n, names.slice(0, 2)));
          expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        },
      ),
    );
  });

  it('a payment exactly at the deadline is late, one millisecond earlier counts', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 12n }), (fen) => {
        const at = (t: number): DepositPayment => ({ txnId: 'T', amount: Money.fromFen(fen), arrivedAt: new Date(t), payerName: '甲公司' });
        const onTime = computeDepositStatus(input([at(DEADLINE.getTime() - 1)], fen, ['甲公司']));
        const atDeadline = computeDepositStatus(input([at(DEADLINE.getTime())], fen, ['甲公司']));
        expect(onTime.fullyPaidInTime && onTime.late.isZero()).toBe(true);
        expect(!atDeadline.fullyPaidInTime && atDeadline.late.eq(Money.fromFen(fen)) && atDeadline.counted.isZero()).toBe(true);
      }),
    );
  });

  it('outstanding and excess are never negative, at most one is non-zero, and counted − required = excess − outstanding', () => {
    fc.assert(
      fc.property(paymentsArb, fc.bigInt({ min: 0n, max: 10n ** 13n }), (payments, required) => {
        const s = computeDepositStatus(input(payments, required, names));
        expect(s.outstanding.isNegative() || s.excess.isNegative()).toBe(false);
        expect(s.outstanding.isZero() || s.excess.isZero()).toBe(true);
        expect(s.counted.subtract(Money.fromFen(required)).eq(s.excess.subtract(s.outstanding))).toBe(true);
        expect(s.fullyPaidInTime).toBe(s.outstanding.isZero());
      }),
    );
  });
});
