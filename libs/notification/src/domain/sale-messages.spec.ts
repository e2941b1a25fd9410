import { Money, Ratio } from '@app/money';
import {
  applicationReviewedMessage,
  formatDate,
  formatInstant,
  installmentOverdueMessage,
  notWonMessage,
  qualifiedMessage,
  unpaidByInstallment,
  wonMessage,
} from './sale-messages';

const ref = { announcementNumber: '寿自然资告字〔2026〕8号', lotNumber: 'SG2026-01', lotTitle: '市林业局办公院地块' };

describe('sale messages', () => {
  it('prints instants in Beijing time, whatever the server zone', () => {
    expect(formatInstant(new Date('2027-01-05T16:30:00Z'))).toBe('2027年1月6日 00:30');
    expect(formatInstant(new Date('2026-12-31T01:05:00Z'))).toBe('2026年12月31日 09:05');
    expect(formatDate('2027-03-09')).toBe('2027年3月9日');
  });

  it('names the announcement and lot numbers in every subject or body', () => {
    const texts = [
      applicationReviewedMessage(ref, 'reject', '营业执照已过期', { amount: Money.of('2000000.00'), deadline: new Date(), subAccount: null }),
      qualifiedMessage(ref, { bidderNumber: '027', applicationId: 'a1' }),
      wonMessage(ref, { bidderNumber: '027', price: Money.of('12000000.00'), earnest: Money.of('2000000.00'), contractDeadline: new Date(), refunds: [] }),
    ];
    for (const m of texts) expect(`${m.subject} ${m.body}`).toMatch(/寿自然资告字〔2026〕8号标的SG2026-01/);
  });

  it('tells a pre-review decision apart: approved with the account, rejected and returned with the reason', () => {
    const deposit = { amount: Money.of('2000000.00'), deadline: new Date('2027-01-06T01:00:00Z'), subAccount: '95588012345678901' };
    expect(applicationReviewedMessage(ref, 'approve', '材料齐全', deposit)).toMatchObject({ kind: 'application.approved', body: expect.stringContaining('95588012345678901') });
    expect(applicationReviewedMessage(ref, 'reject', '营业执照已过期', deposit)).toMatchObject({ kind: 'application.rejected', body: expect.stringContaining('营业执照已过期') });
    expect(applicationReviewedMessage(ref, 'return', '缺少授权委托书', deposit)).toMatchObject({ kind: 'application.returned', body: expect.stringContaining('缺少授权委托书') });
  });

  it('adds up a loser’s refunds and gives the latest due moment', () => {
    const m = notWonMessage(ref, {
      bidderNumber: '031',
      outcome: 'sold',
      closedAt: new Date('2027-01-10T07:00:00Z'),
      refunds: [
        { amount: Money.of('1500000.00'), dueAt: new Date('2027-01-15T15:59:59Z') },
        { amount: Money.of('500000.00'), dueAt: new Date('2027-01-17T15:59:59Z') },
      ],
    });
    expect(m.kind).toBe('lot.not_won');
    expect(m.body).toContain('保证金2000000.00元将于2027年1月17日 23:59前无息退还');
    expect(notWonMessage(ref, { bidderNumber: null, outcome: 'unsold', closedAt: new Date(), refunds: [] }).kind).toBe('lot.unsold');
  });

  it('settles payments against the earliest installments first', () => {
    const plan = [
      { number: 2, payable: Money.of('500.00') },
      { number: 1, payable: Money.of('300.00') },
    ];
    expect(unpaidByInstallment(plan, Money.of('0.00')).map((i) => i.unpaid.toString())).toEqual(['300.00', '500.00']);
    expect(unpaidByInstallment(plan, Money.of('350.00')).map((i) => i.unpaid.toString())).toEqual(['0.00', '450.00']);
    expect(unpaidByInstallment(plan, Money.of('800.00')).map((i) => i.unpaid.toString())).toEqual(['0.00', '0.00']);
  });

  it('states the daily penalty rate as a percentage in an overdue notice', () => {
    const m = installmentOverdueMessage(ref, { contractNumber: 'HT-1', number: 1, dueDate: '2027-02-10', unpaid: Money.of('100.00'), dailyPenaltyRate: Ratio.of('0.000500', 6), longDefaultDays: 90 });
    expect(m.body).toContain('0.05%');
    expect(m.body).toContain('2027年2月10日');
  });
});
