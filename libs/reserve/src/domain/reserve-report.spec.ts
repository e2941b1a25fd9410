import fc from 'fast-check';
import { DomainError } from '@app/common/domain-error';
import { Area, Money } from '@app/money';
import { PARCEL_STATES, type ParcelState } from './parcel-lifecycle';
import { parseSupplyQuarter, reserveReport, supplyPlan, type ReserveReportParcel } from './reserve-report';

const parcel = (state: ParcelState, district: string, area: string, cost: string): ReserveReportParcel => ({
  state,
  district,
  area: Area.of(area),
  cost: Money.of(cost),
});

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error: unknown) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

const DEMO = [
  parcel('in_reserve', '圣城街道', '26666.67', '40000000.00'),
  parcel('developing', '圣城街道', '13333.33', '18000000.50'),
  parcel('ready_for_supply', '文家街道', '8000.00', '9600000.00'),
  parcel('sold', '古城街道', '5200.25', '6000000.25'),
  parcel('in_reserve', '洛城街道', '100000.00', '120000000.00'),
];

describe('reserveReport', () => {
  it('counts and sums area and cost overall', () => {
    const { overall } = reserveReport(DEMO);
    expect(overall.count).toBe(5);
    expect(overall.area.toString()).toBe('153200.25');
    expect(overall.cost.toString()).toBe('193600000.75');
  });

  it('lists every state in lifecycle order, with zeros for states without parcels', () => {
    const { byState } = reserveReport(DEMO);
    expect(Object.keys(byState)).toEqual([...PARCEL_STATES]);
    expect(byState.in_reserve.count).toBe(2);
    expect(byState.in_reserve.area.toString()).toBe('126666.67');
    expect(byState.in_reserve.cost.toString()).toBe('160000000.00');
    expect(byState.listed).toEqual({ count: 0, area: Area.zero(), cost: Money.zero() });
  });

  it('groups by district in Chinese (pinyin) order, each with its own breakdown by state', () => {
    const { byDistrict } = reserveReport(DEMO);
    expect(byDistrict.map((d) => d.district)).toEqual(['古城街道', '洛城街道', '圣城街道', '文家街道']);
    const shengcheng = byDistrict[2];
    expect(shengcheng.count).toBe(2);
    expect(shengcheng.area.toString()).toBe('40000.00');
    expect(shengcheng.cost.toString()).toBe('58000000.50');
    expect(shengcheng.byState.developing.count).toBe(1);
    expect(shengcheng.byState.sold.count).toBe(0);
  });

  it('treats district names that differ only by surrounding spaces as one district', () => {
    const { byDistrict } = reserveReport([parcel('acquired', '圣城街道 ', '1.00', '1.00'), parcel('acquired', '圣城街道', '2.00', '2.00')]);
    expect(byDistrict).toHaveLength(1);
    expect(byDistrict[0].district).toBe('圣城街道');
    expect(byDistrict[0].count).toBe(2);
  });

  it('is empty but complete for no parcels', () => {
    const report = reserveReport([]);
    expect(report.overall).toEqual({ count: 0, area: Area.zero(), cost: Money.zero() });
    expect(report.byDistrict).toEqual([]);
    expect(Object.keys(report.byState)).toHaveLength(PARCEL_STATES.length);
  });

  it('sums exactly: ten thousand parcels of 0.01 ㎡ and 0.01 yuan make 100.00 of each', () => {
    const many = Array.from({ length: 10000 }, () => parcel('acquired', 'x', '0.01', '0.01'));
    const { overall } = reserveReport(many);
    expect(overall.area.toString()).toBe('100.00');
    expect(overall.cost.toString()).toBe('100.00');
  });

  it('refuses a parcel in an unknown state', () => {
    const bad = { ...parcel('acquired', 'x', '1.00', '1.00'), state: 'lost' as ParcelState };
    expect(caught(() => reserveReport([bad])).code).toBe('INVALID_PARCEL_STATE');
    const inherited = { ...parcel('acquired', 'x', '1.00', '1.00'), state: 'toString' as ParcelState };
    expect(caught(() => reserveReport([inherited])).code).toBe('INVALID_PARCEL_STATE');
  });

  it('always adds up: states and districts each sum to the overall totals', () => {
    const arbitraryParcel = fc
      .tuple(
        fc.constantFrom(...PARCEL_STATES),
        fc.constantFrom('圣城街道', '文家街道', '古城街道', '洛城街道', '台头镇'),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
      )
      .map(([state, district, areaHundredths, fen]) => ({
        state,
        district,
        area: Area.of(Money.fromFen(areaHundredths).toString()),
        cost: Money.fromFen(fen),
      }));
    fc.assert(
      fc.property(fc.array(arbitraryParcel, { maxLength: 60 }), (parcels) => {
        const report = reserveReport(parcels);
        const states = Object.values(report.byState);
        expect(states.reduce((n, s) => n + s.count, 0)).toBe(parcels.length);
        expect(Area.sum(states.map((s) => s.area)).eq(report.overall.area)).toBe(true);
        expect(Money.sum(states.map((s) => s.cost)).eq(report.overall.cost)).toBe(true);
        expect(report.byDistrict.reduce((n, d) => n + d.count, 0)).toBe(parcels.length);
        expect(Area.sum(report.byDistrict.map((d) => d.area)).eq(report.overall.area)).toBe(true);
        expect(Money.sum(report.byDistrict.map((d) => d.cost)).eq(report.overall.cost)).toBe(true);
        expect(Money.sum(parcels.map((p) => p.cost)).eq(report.overall.cost)).toBe(true);
      }),
    );
  });
});

describe('supplyPlan', () => {
  const planned = (code: string, quarter: string | null, area: string) => ({
    code,
    plannedSupplyQuarter: quarter,
    area: Area.of(area),
  });

  const PLAN = [
    planned('现代商城', '2025-Q2', '140000.00'),
    planned('圣城商住小区', '2025-Q1', '126666.67'),
    planned('现代二期', '2024-Q4', '50000.00'),
    planned('现代中学南', '2025-Q2', '20000.33'),
    planned('台头镇工业园', null, '80000.00'),
  ];

  it('groups parcels by quarter in chronological order, with counts and exact areas', () => {
    const plan = supplyPlan(PLAN);
    expect(plan.quarters.map((q) => [q.quarter, q.count, q.area.toString()])).toEqual([
      ['2024-Q4', 1, '50000.00'],
      ['2025-Q1', 1, '126666.67'],
      ['2025-Q2', 2, '160000.33'],
    ]);
    expect(plan.total.count).toBe(4);
    expect(plan.total.area.toString()).toBe('336667.00');
  });

  it('keeps the parcels of each quarter, with all their data, in input order', () => {
    const q2 = supplyPlan(PLAN).quarters[2];
    expect(q2.parcels.map((p) => p.code)).toEqual(['现代商城', '现代中学南']);
    expect(q2).toMatchObject({ year: 2025, quarterOfYear: 2 });
  });

  it('counts parcels without a planned quarter apart', () => {
    const { unscheduled } = supplyPlan(PLAN);
    expect(unscheduled.count).toBe(1);
    expect(unscheduled.area.toString()).toBe('80000.00');
  });

  it('gives the annual plan as all four quarters of the year, empty ones included', () => {
    const plan = supplyPlan(PLAN, { year: 2025 });
    expect(plan.quarters.map((q) => [q.quarter, q.count])).toEqual([
      ['2025-Q1', 1],
      ['2025-Q2', 2],
      ['2025-Q3', 0],
      ['2025-Q4', 0],
    ]);
    expect(plan.quarters[3].area.toString()).toBe('0.00');
    expect(plan.total.count).toBe(3);
  });

  it.each(['2025-Q5', '2025Q1', '2025-q1', '25-Q1', '0000-Q1', ''])('refuses the quarter %p, naming the parcel', (quarter) => {
    const error = caught(() => supplyPlan([PLAN[0], planned('x', quarter, '1.00')]));
    expect(error.code).toBe('INVALID_SUPPLY_QUARTER');
    expect(error.field).toBe('parcels[1].plannedSupplyQuarter');
  });

  it('reads a quarter into year and quarter of the year', () => {
    expect(parseSupplyQuarter('2026-Q3')).toEqual({ year: 2026, quarterOfYear: 3 });
  });
});
