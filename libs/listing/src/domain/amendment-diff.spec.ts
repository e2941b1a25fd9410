import { describeChanges, diffAmendment, type AmendableAnnouncement } from './amendment-diff';

const base: AmendableAnnouncement = {
  title: '寿光市国有建设用地使用权挂牌出让公告',
  body: '正文',
  lots: [
    {
      lotNumber: 'SG2026-01',
      terms: { method: 'listing', startPrice: '10000000.00', deposit: '2000000.00', priceUnit: 'total', hasReserve: true, eligibility: { jointBidsAllowed: true, review: 'post_review', exclusions: '' } },
      schedule: {
        applicationStart: new Date('2027-01-04T01:00:00Z'),
        applicationEnd: new Date('2027-01-12T04:00:00Z'),
        depositDeadline: new Date('2027-01-12T04:00:00Z'),
        listingStart: new Date('2027-01-11T01:00:00Z'),
        listingEnd: new Date('2027-01-22T07:00:00Z'),
        registrationCloseAt: new Date('2027-01-19T07:00:00Z'),
        reserveSealingAt: new Date('2027-01-22T06:00:00Z'),
      },
    },
  ],
};

describe('amendment diff', () => {
  it('finds nothing when the same terms come back in another key order, with the same instants', () => {
    const lot = base.lots[0]!;
    const same = { ...base, lots: [{ ...lot, terms: Object.fromEntries(Object.entries(lot.terms).reverse()), schedule: { ...lot.schedule, listingEnd: new Date(lot.schedule.listingEnd!.getTime()) } }] };
    expect(diffAmendment(base, same)).toEqual([]);
  });

  it('lists a moved listing end and a new start price, in Beijing time and with the price unit', () => {
    const lot = base.lots[0]!;
    const after = { ...base, lots: [{ ...lot, terms: { ...lot.terms, startPrice: '12000000.00' }, schedule: { ...lot.schedule, listingEnd: new Date('2027-01-29T07:00:00Z') } }] };
    const changes = diffAmendment(base, after);
    expect(changes).toEqual([
      { lotNumber: 'SG2026-01', field: 'terms.startPrice', label: '起始价', before: '10000000.00元', after: '12000000.00元' },
      { lotNumber: 'SG2026-01', field: 'schedule.listingEnd', label: '挂牌截止时间', before: '2027年1月22日15:00', after: '2027年1月29日15:00' },
    ]);
    expect(describeChanges(changes)).toBe('1. 标的SG2026-01起始价由“10000000.00元”调整为“12000000.00元”。\n2. 标的SG2026-01挂牌截止时间由“2027年1月22日15:00”调整为“2027年1月29日15:00”。');
  });

  it('does not print the internal reserve sealing moment', () => {
    const lot = base.lots[0]!;
    const after = { ...base, lots: [{ ...lot, schedule: { ...lot.schedule, reserveSealingAt: new Date('2027-01-22T05:00:00Z') } }] };
    expect(diffAmendment(base, after)).toEqual([]);
  });

  it('notices a new title and a rewritten text of the announcement', () => {
    const changes = diffAmendment(base, { ...base, title: '寿光市国有建设用地使用权挂牌出让公告（更正）', body: '新正文' });
    expect(changes.map((c) => c.field)).toEqual(['title', 'body']);
    expect(describeChanges(changes)).toContain('公告正文已修改');
  });

  it('describes a nested rule change without dumping its JSON', () => {
    const lot = base.lots[0]!;
    const after = { ...base, lots: [{ ...lot, terms: { ...lot.terms, eligibility: { jointBidsAllowed: false, review: 'post_review', exclusions: '' } } }] };
    expect(describeChanges(diffAmendment(base, after))).toBe('1. 标的SG2026-01竞买资格条件由“见本公告”调整为“见本公告”。');
  });
});
