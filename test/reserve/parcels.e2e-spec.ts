import { Role } from '@app/auth';
import { BOW_TIE, PARCEL_A, PARCEL_B } from '../support/fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

describe('reserve register', () => {
  let t: TestApp;
  let officer: string;
  let trading: string;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.tokenFor([Role.ReserveOfficer], 'reserve.wang');
    trading = await t.tokenFor([Role.TradingOfficer], 'reserve.li');
  });
  afterAll(() => t.close());

  const count = async (table: string) => Number((await t.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  it('registers a parcel with its boundary, computed area, tenure, planning conditions and costs', async () => {
    const res = await t
      .http()
      .post('/api/parcels')
      .set(auth(officer))
      .send({
        ...PARCEL_A,
        costEntries: [
          { kind: 'acquisition', amount: '30000000.00', incurredOn: '2026-03-01', description: '收回补偿款' },
          { kind: 'development', amount: '1234567.89', incurredOn: '2026-04-01', description: '场地平整' },
        ],
        documents: [{ title: '收回土地使用权批复', fileName: 'approval.pdf', sha256: 'a'.repeat(64) }],
      })
      .expect(201);
    expect(res.body).toMatchObject({
      code: 'SG2026-001',
      state: 'acquired',
      declaredArea: '17800.00',
      computedArea: '17818.12',
      tenureYears: 70,
      planningConditions: { plotRatioMin: '1.0000', plotRatioMax: '2.5000' },
      costTotals: { acquisition: '30000000.00', development: '1234567.89', total: '31234567.89' },
    });
    expect(res.body.documents).toHaveLength(1);
  });

  it('walks the lifecycle acquired → in_reserve → developing → ready_for_supply, each step audited', async () => {
    const { body } = await t.http().get('/api/parcels').query({ state: 'acquired' }).set(auth(officer)).expect(200);
    const id = body.items[0].id as string;
    for (const transition of ['take_into_reserve', 'start_development', 'complete_development']) {
      await t.http().post(`/api/parcels/${id}/transitions`).set(auth(officer)).send({ transition }).expect(201);
    }
    const parcel = await t.http().get(`/api/parcels/${id}`).set(auth(trading)).expect(200);
    expect(parcel.body.state).toBe('ready_for_supply');
    const history = await t.http().get(`/api/parcels/${id}/history`).set(auth(officer)).expect(200);
    expect(history.body.map((h: { action: string }) => h.action)).toEqual([
      'parcel.create',
      'parcel.take_into_reserve',
      'parcel.start_development',
      'parcel.complete_development',
    ]);
  });

  it('refuses a transition that is not open from the current state, and one the trading system owns', async () => {
    const created = await t.http().post('/api/parcels').set(auth(officer)).send(PARCEL_B).expect(201);
    const id = created.body.id as string;
    const wrong = await t.http().post(`/api/parcels/${id}/transitions`).set(auth(officer)).send({ transition: 'complete_development' }).expect(409);
    expect(wrong.body).toMatchObject({ code: 'INVALID_STATE_TRANSITION', field: 'state' });
    const manual = await t.http().post(`/api/parcels/${id}/transitions`).set(auth(officer)).send({ transition: 'mark_sold' }).expect(400);
    expect(manual.body.code).toBe('TRANSITION_NOT_MANUAL');
    const noReason = await t.http().post(`/api/parcels/${id}/transitions`).set(auth(officer)).send({ transition: 'withdraw' }).expect(400);
    expect(noReason.body).toMatchObject({ code: 'REASON_REQUIRED', field: 'reason' });
    const again = await t.http().get(`/api/parcels/${id}`).set(auth(officer)).expect(200);
    expect(again.body.state).toBe('acquired');
  });

  it('rejects a self-intersecting boundary, naming the field, and stores nothing', async () => {
    const before = await count('parcel');
    const audits = await count('audit_event');
    const res = await t.http().post('/api/parcels').set(auth(officer)).send({ ...PARCEL_A, code: 'SG2026-BAD', boundary: BOW_TIE }).expect(400);
    expect(res.body.code).toBe('PARCEL_INVALID');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'BOUNDARY_SELF_INTERSECTION' })]));
    expect(res.body.field).toMatch(/^boundary/);
    expect(await count('parcel')).toBe(before);
    expect(await count('audit_event')).toBe(audits);
  });

  it('rejects a declared area that the boundary does not support, beyond the tolerance setting', async () => {
    const res = await t.http().post('/api/parcels').set(auth(officer)).send({ ...PARCEL_A, code: 'SG2026-AREA', declaredArea: '20000.00' }).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ code: 'AREA_MISMATCH', field: 'declaredArea' })]);
  });

  it('lists every violation at once: plot ratio order, a money string with three places, a duplicate code', async () => {
    const res = await t
      .http()
      .post('/api/parcels')
      .set(auth(officer))
      .send({ ...PARCEL_A, plotRatioMin: '3.0000', plotRatioMax: '2.0000' })
      .expect(400);
    const codes = res.body.errors.map((e: { code: string }) => e.code);
    expect(codes).toEqual(expect.arrayContaining(['PARCEL_CODE_TAKEN']));
    expect(res.body.errors.some((e: { field: string }) => /plotRatio/.test(e.field))).toBe(true);
    const money = await t
      .http()
      .post('/api/parcels')
      .set(auth(officer))
      .send({ ...PARCEL_A, code: 'SG2026-M', costEntries: [{ kind: 'acquisition', amount: '1.005', incurredOn: '2026-03-01', description: 'x' }] })
      .expect(400);
    expect(money.body.field).toBe('costEntries.0.amount');
  });

  it('keeps cost entries append-only in the database', async () => {
    await expect(t.dataSource.query(`UPDATE parcel_cost_entry SET amount = 1`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM parcel_cost_entry`)).rejects.toThrow(/append-only/);
  });

  it('reports count, area and cost by state and district, exact to the fen, and the supply plan by quarter', async () => {
    const report = await t.http().get('/api/reserve/report').set(auth(trading)).expect(200);
    expect(report.body.overall).toMatchObject({ count: 2, area: '37600.00', cost: '31234567.89' });
    expect(report.body.byState.ready_for_supply).toMatchObject({ count: 1, area: '17800.00', cost: '31234567.89' });
    expect(report.body.byState.acquired).toMatchObject({ count: 1, area: '19800.00', cost: '0.00' });
    const plan = await t.http().get('/api/reserve/supply-plan').query({ year: '2027' }).set(auth(officer)).expect(200);
    expect(plan.body.quarters.map((q: { quarter: string; count: number }) => [q.quarter, q.count])).toEqual([
      ['2027-Q1', 1],
      ['2027-Q2', 1],
      ['2027-Q3', 0],
      ['2027-Q4', 0],
    ]);
  });

  it('hides the register from bidders', async () => {
    const bidder = await t.tokenFor([Role.Bidder]);
    await t.http().get('/api/parcels').set(auth(bidder)).expect(403);
  });
});
