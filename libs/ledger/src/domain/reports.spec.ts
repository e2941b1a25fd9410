import BaseDecimal from 'decimal.js';
import fc from 'fast-check';
import { DomainErrors } from '@app/common/domain-error';
import { Area } from '@app/money/area';
import { Money } from '@app/money/money';
import { averagePremiumRate, lotReport, lotReportTable, periodOf, type ClosedLotFact } from './reports';
import type { Ratio } from '@app/money/ratio';

const m = (s: string): Money => Money.parse(s);

function fact(lotId: string, extra: Partial<ClosedLotFact> = {}): ClosedLotFact {
  return {
    lotId,
    district: '寿光市城区',
    landUse: 'residential',
    method: 'auction',
    closedAt: new Date('2025-10-14T10:00:00+08:00'),
    outcome: 'sold',
    landArea: Area.of('17800.00'),
    price: m('12500000.00'),
    startPrice: m('10000000.00'),
    depositHeld: m('0.00'),
    ...extra,
  };
}

function errorsOf(fn: () => unknown): DomainErrors {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainErrors) return e;
    throw e;
  }
  throw new Error('expected DomainErrors');
}

describe('periodOf', () => {
  it('puts an instant in its Shanghai month, quarter and year', () => {
    const newYearInShanghai = new Date('2025-12-31T16:30:00Z'); // 2026-01-01 00:30 in Shanghai
    expect(periodOf(newYearInShanghai, 'month')).toBe('2026-01');
    expect(periodOf(newYearInShanghai, 'quarter')).toBe('2026-Q1');
    expect(periodOf(newYearInShanghai, 'year')).toBe('2026');
    expect(periodOf(new Date('2025-09-30T15:59:59Z'), 'quarter')).toBe('2025-Q3');
    expect(periodOf(new Date('2025-09-30T16:00:00Z'), 'quarter')).toBe('2025-Q4');
  });
});

describe('averagePremiumRate', () => {
  const pair = (price: string, start: string) => ({ price: m(price), start: m(start) });

  it('is the mean of price ÷ start − 1 with 4 places', () => {
    expect(averagePremiumRate([pair('12500000.00', '10000000.00'), pair('11000000.00', '10000000.00')]).toString()).toBe('0.1750');
  });

  it('is exact for rates that do not terminate: 4 ÷ 3 − 1 = 0.3333…', () => {
    expect(averagePremiumRate([pair('4.00', '3.00')]).toString()).toBe('0.3333');
    expect(averagePremiumRate([pair('5.00', '3.00')]).toString()).toBe('0.6667');
  });

  it('rounds half up once, after averaging the exact rates (not the rounded ones)', () => {
    // rates 0.00005, 0.00005, 0.00004: exact mean 0.0000466… → 0.0000; rounding each first would give 0.0001
    const pairs = [pair('100005.00', '100000.00'), pair('100005.00', '100000.00'), pair('100004.00', '100000.00')];
    expect(averagePremiumRate(pairs).toString()).toBe('0.0000');
    // an exact half rounds up: 0.00005 → 0.0001
    expect(averagePremiumRate([pair('100005.00', '100000.00')]).toString()).toBe('0.0001');
  });

  it('is the mean of the lots’ rates, not the rate of the summed prices', () => {
    // rates 1.0 and 0.0: mean 0.5; Σprice ÷ Σstart − 1 would be 0.0909
    expect(averagePremiumRate([pair('2.00', '1.00'), pair('10.00', '10.00')]).toString()).toBe('0.5000');
  });

  it('a price below the start gives a negative rate, rounded away from zero at the half', () => {
    expect(averagePremiumRate([pair('99995.00', '100000.00')]).toString()).toBe('-0.0001');
  });

  it('refuses an empty list and a zero start', () => {
    expect(() => averagePremiumRate([])).toThrow(RangeError);
    expect(() => averagePremiumRate([pair('1.00', '0.00')])).toThrow(RangeError);
  });
});

describe('lotReport', () => {
  const facts: ClosedLotFact[] = [
    fact('L1', { district: '城区', price: m('12500000.00'), startPrice: m('10000000.00') }),
    fact('L2', { district: '城区', landArea: Area.of('12345.67'), price: m('11000000.00'), startPrice: m('10000000.00'), depositHeld: m('500000.00') }),
    fact('L3', { district: '城区', outcome: 'unsold', price: undefined, depositHeld: m('2000000.00') }),
    fact('L4', { district: '开发区', method: 'listing', price: m('6422000.00'), startPrice: m('6000000.00') }),
    fact('L5', { district: '城区', closedAt: new Date('2025-12-31T16:30:00Z'), price: m('3000000.00'), startPrice: m('3000000.00') }),
  ];

  it('counts lots offered, sold and unsold, sums the sold area, revenue and deposits held, per period, district, land use and method', () => {
    const report = lotReport(facts, { period: 'month' });
    expect(
      report.rows.map((r) => [
        r.period,
        r.district,
        r.landUse,
        r.method,
        r.offered,
        r.sold,
        r.unsold,
        r.soldArea.toString(),
        r.revenue.toString(),
        r.averagePremiumRate?.toString() ?? null,
        r.depositsHeld.toString(),
      ]),
    ).toEqual([
      // the unsold L3 adds no area: 17800.00 + 12345.67
      ['2025-10', '城区', 'residential', 'auction', 3, 2, 1, '30145.67', '23500000.00', '0.1750', '2500000.00'],
      ['2025-10', '开发区', 'residential', 'listing', 1, 1, 0, '17800.00', '6422000.00', '0.0703', '0.00'],
      ['2026-01', '城区', 'residential', 'auction', 1, 1, 0, '17800.00', '3000000.00', '0.0000', '0.00'],
    ]);
  });

  it('gives totals over every fact', () => {
    const { totals } = lotReport(facts, { period: 'year' });
    expect(totals.offered).toBe(5);
    expect(totals.sold).toBe(4);
    expect(totals.unsold).toBe(1);
    expect(totals.soldArea.toString()).toBe('65745.67');
    expect(totals.revenue.toString()).toBe('32922000.00');
    expect(totals.depositsHeld.toString()).toBe('2500000.00');
    // (0.25 + 0.10 + 0.07033… + 0) ÷ 4 = 0.10508…
    expect(totals.averagePremiumRate?.toString()).toBe('0.1051');
  });

  it('groups by quarter and year in Shanghai time, and only by the dimensions asked for', () => {
    expect(lotReport(facts, { period: 'quarter', by: [] }).rows.map((r) => [r.period, r.offered])).toEqual([
      ['2025-Q4', 4],
      ['2026-Q1', 1],
    ]);
    const byMethod = lotReport(facts, { period: 'year', by: ['method'] });
    expect(byMethod.rows.map((r) => [r.period, r.method, r.offered, r.district])).toEqual([
      ['2025', 'auction', 3, undefined],
      ['2025', 'listing', 1, undefined],
      ['2026', 'auction', 1, undefined],
    ]);
    expect(byMethod.by).toEqual(['method']);
  });

  it('a group with nothing sold has no average premium rate', () => {
    const report = lotReport([fact('U', { outcome: 'unsold', price: undefined })], { period: 'month' });
    expect(report.rows[0].averagePremiumRate).toBeNull();
    expect(report.rows[0].revenue.toString()).toBe('0.00');
    expect(report.rows[0].soldArea.toString()).toBe('0.00');
  });

  it('no facts give no rows and zero totals', () => {
    const report = lotReport([], { period: 'month' });
    expect(report.rows).toEqual([]);
    expect(report.totals).toMatchObject({ offered: 0, sold: 0, unsold: 0, averagePremiumRate: null });
  });

  it('refuses facts that do not add up: sold without price, unsold with price, zero start, duplicate lot', () => {
    const err = errorsOf(() =>
      lotReport(
        [
          fact('A', { price: undefined }),
          fact('B', { outcome: 'unsold' }),
          fact('C', { startPrice: m('0.00') }),
          fact('C'),
          fact('D', { depositHeld: Money.parse('-1.00', 'x', { allowNegative: true }) }),
          fact('E', { landArea: Area.parse('-1.00', 'x', { allowNegative: true }) }),
        ],
        { period: 'month' },
      ),
    );
    expect(err.code).toBe('REPORT_FACTS_INVALID');
    expect(err.errors.map((e) => [e.code, e.field])).toEqual([
      ['FACT_INVALID', 'facts[0].price'],
      ['FACT_INVALID', 'facts[1].price'],
      ['FACT_INVALID', 'facts[2].startPrice'],
      ['FACT_DUPLICATE', 'facts[3].lotId'],
      ['FACT_INVALID', 'facts[4].depositHeld'],
      ['FACT_INVALID', 'facts[5].landArea'],
    ]);
  });

  const shown = (c: unknown) => (c === null ? null : typeof c === 'number' || typeof c === 'string' ? c : Money.isMoney(c) || Area.isArea(c) ? c.toString() : `${(c as { ratio: Ratio }).ratio.formatPercent()}`);

  it('lotReportTable gives Chinese headers, periods as people write them, one row per group and a 合计 row', () => {
    const table = lotReportTable(lotReport(facts, { period: 'year', by: ['district'] }), (ratio) => ({ ratio }));
    expect(table.headers).toEqual(['期间', '区域', '出让宗数', '成交宗数', '流拍宗数', '出让面积（㎡）', '成交总价（元）', '平均溢价率', '未退保证金（元）']);
    expect(table.rows.map((r) => r.map(shown))).toEqual([
      ['2025年', '城区', 3, 2, 1, '30145.67', '23500000.00', '17.50%', '2500000.00'],
      ['2025年', '开发区', 1, 1, 0, '17800.00', '6422000.00', '7.03%', '0.00'],
      ['2026年', '城区', 1, 1, 0, '17800.00', '3000000.00', '0.00%', '0.00'],
      ['合计', '', 5, 4, 1, '65745.67', '32922000.00', '10.51%', '2500000.00'],
    ]);
  });

  it('lotReportTable shows methods and land uses in Chinese, a lot over several uses with each one labelled', () => {
    const mixed = [...facts, fact('L9', { landUse: 'commercial、residential', method: 'tender', closedAt: new Date('2025-11-02T10:00:00+08:00') })];
    const table = lotReportTable(lotReport(mixed, { period: 'quarter', by: ['landUse', 'method'] }), (ratio) => ({ ratio }));
    expect(table.headers.slice(0, 3)).toEqual(['期间', '用途', '出让方式']);
    const labels = table.rows.map((r) => r.slice(0, 3));
    expect(labels).toContainEqual(['2025年第4季度', '商服用地、城镇住宅用地', '招标']);
    expect(labels.flat().join()).not.toMatch(/auction|listing|tender|residential|commercial/);
  });
});

describe('lotReport: properties', () => {
  const Wide = BaseDecimal.clone({ precision: 80, rounding: BaseDecimal.ROUND_HALF_UP });
  const factArb = fc
    .record({
      district: fc.constantFrom('城区', '开发区', '羊口镇'),
      landUse: fc.constantFrom('residential', 'commercial', 'industrial'),
      method: fc.constantFrom('auction', 'listing', 'tender'),
      month: fc.integer({ min: 1, max: 12 }),
      sold: fc.boolean(),
      startFen: fc.bigInt({ min: 1n, max: 10_000_000_000n }),
      premiumFen: fc.bigInt({ min: 0n, max: 10_000_000_000n }),
      depositFen: fc.bigInt({ min: 0n, max: 1_000_000_000n }),
      areaCents: fc.bigInt({ min: 0n, max: 100_000_000n }),
    })
    .map((x) => ({
      district: x.district,
      landUse: x.landUse,
      method: x.method,
      closedAt: new Date(`2025-${String(x.month).padStart(2, '0')}-15T10:00:00+08:00`),
      outcome: x.sold ? ('sold' as const) : ('unsold' as const),
      landArea: Area.of(new BaseDecimal(x.areaCents.toString()).div(100).toFixed(2)),
      ...(x.sold ? { price: Money.fromFen(x.startFen + x.premiumFen) } : {}),
      startPrice: Money.fromFen(x.startFen),
      depositHeld: Money.fromFen(x.depositFen),
    }));
  const factsArb = fc.array(factArb, { maxLength: 12 }).map((xs) => xs.map((x, i): ClosedLotFact => ({ lotId: `L${i}`, ...x })));

  it('the rows add up to the totals', () => {
    fc.assert(
      fc.property(factsArb, fc.constantFrom('month' as const, 'quarter' as const, 'year' as const), (facts, period) => {
        const report = lotReport(facts, { period });
        const sum = (f: (r: (typeof report.rows)[number]) => number): number => report.rows.reduce((a, r) => a + f(r), 0);
        expect(sum((r) => r.offered)).toBe(report.totals.offered);
        expect(sum((r) => r.sold)).toBe(report.totals.sold);
        expect(report.totals.offered).toBe(report.totals.sold + report.totals.unsold);
        expect(Money.sum(report.rows.map((r) => r.revenue)).eq(report.totals.revenue)).toBe(true);
        expect(Area.sum(report.rows.map((r) => r.soldArea)).eq(report.totals.soldArea)).toBe(true);
        expect(Money.sum(report.rows.map((r) => r.depositsHeld)).eq(report.totals.depositsHeld)).toBe(true);
      }),
    );
  });

  it('the average premium rate equals the mean computed with 80 significant digits, rounded half up', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const sold = facts.filter((f) => f.outcome === 'sold');
        const { totals } = lotReport(facts, { period: 'year' });
        if (sold.length === 0) {
          expect(totals.averagePremiumRate).toBeNull();
          return;
        }
        const mean = sold
          .reduce((acc, f) => acc.plus(new Wide((f.price as Money).toString()).div(new Wide(f.startPrice.toString())).minus('1')), new Wide('0'))
          .div(sold.length);
        expect(totals.averagePremiumRate?.toString()).toBe(mean.toDecimalPlaces(4, BaseDecimal.ROUND_HALF_UP).toFixed(4));
      }),
    );
  });
});
