import { Role } from '@app/auth';
import {
  contractSigned,
  depositConverted,
  depositForfeited,
  depositReceived,
  LedgerService,
  paymentReceived,
  penaltyAccrued,
  penaltyPaid,
  type JournalEntry,
} from '@app/ledger';
import { Money } from '@app/money';
import { bearer, shanghaiDate } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * 收支两条线 (DOMAIN.md §7): the land revenue collected is remitted to the treasury; finance records
 * each remittance, never more than was collected (and not yet remitted) per revenue account, and the
 * payout is reconciled with the bank statement by its treasury reference.
 */
describe('treasury remittance', () => {
  let t: TestApp;
  let finance: string;
  const today = shanghaiDate(new Date());
  const m = (s: string) => Money.parse(s);
  const post = (entry: JournalEntry) => t.dataSource.transaction((em) => t.app.get(LedgerService).post(em, entry));
  const state = async () =>
    (
      (await t.dataSource.query(
        `SELECT (SELECT count(*) FROM treasury_remittance) AS remittances, (SELECT count(*) FROM journal_entry) AS entries, (SELECT count(*) FROM audit_event) AS audit`,
      )) as unknown[]
    )[0];
  const unremitted = async () => {
    const res = await t.http().get('/api/ledger/unremitted').set(bearer(finance)).expect(200);
    return Object.fromEntries(
      (res.body.accounts as Array<{ part: string; revenue: string; remitted: string; unremitted: string; receivable: string; remittable: string }>).map((a) => [
        a.part,
        [a.revenue, a.remitted, a.unremitted, a.receivable, a.remittable],
      ]),
    );
  };

  beforeAll(async () => {
    t = await createTestApp();
    finance = await t.tokenFor([Role.FinanceOfficer]);
    await post(depositReceived({ at: new Date('2025-10-14T02:00:00Z'), sourceId: 'TR-DEP-W', applicationId: 'APP-W', amount: m('2000000.00') }));
    await post(depositReceived({ at: new Date('2025-10-14T03:00:00Z'), sourceId: 'TR-DEP-L', applicationId: 'APP-L', amount: m('1000000.00') }));
    await post(contractSigned({ at: new Date('2025-11-05T02:00:00Z'), sourceId: 'TR-C1', contractId: 'C-1', price: m('10000000.00') }));
    await post(depositConverted({ at: new Date('2025-11-05T02:00:00Z'), sourceId: 'TR-CONV-W', applicationId: 'APP-W', contractId: 'C-1', amount: m('2000000.00') }));
    await post(depositForfeited({ at: new Date('2025-11-20T02:00:00Z'), sourceId: 'TR-FORF-L', applicationId: 'APP-L', amount: m('1000000.00') }));
    await post(paymentReceived({ at: new Date('2025-12-01T02:00:00Z'), sourceId: 'TR-PAY-1', contractId: 'C-1', amount: m('8000000.00') }));
    await post(penaltyAccrued({ at: new Date('2025-12-10T02:00:00Z'), sourceId: 'TR-PEN-1', contractId: 'C-1', amount: m('12345.67') }));
    await post(penaltyPaid({ at: new Date('2025-12-15T02:00:00Z'), sourceId: 'TR-PENPAID-1', contractId: 'C-1', amount: m('12345.67') }));
  });
  afterAll(() => t.close());

  it('shows, per revenue account, the revenue collected and not yet remitted', async () => {
    expect(await unremitted()).toEqual({
      landPremium: ['10000000.00', '0.00', '10000000.00', '0.00', '10000000.00'],
      penalties: ['12345.67', '0.00', '12345.67', '0.00', '12345.67'],
      forfeitures: ['1000000.00', '0.00', '1000000.00', '0.00', '1000000.00'],
    });
  });

  it('refuses to remit more than was collected, one fen more included, as of today and as of the remittance date; nothing changes', async () => {
    const before = await state();
    const over = await t.http().post('/api/treasury-remittances').set(bearer(finance)).send({ remittedOn: today, treasuryReference: 'GK-OVER', landPremium: '10000000.01' }).expect(400);
    expect(over.body).toMatchObject({ code: 'REMITTANCE_EXCEEDS_REVENUE', field: 'landPremium' });
    // On 30 November only the earnest money (2,000,000.00) of the premium had been collected.
    const early = await t
      .http()
      .post('/api/treasury-remittances')
      .set(bearer(finance))
      .send({ remittedOn: '2025-11-30', treasuryReference: 'GK-EARLY', landPremium: '2000000.01', forfeitures: '1000000.00' })
      .expect(400);
    expect(early.body.errors).toEqual([expect.objectContaining({ code: 'REMITTANCE_EXCEEDS_REVENUE', field: 'landPremium' })]);
    const future = await t.http().post('/api/treasury-remittances').set(bearer(finance)).send({ remittedOn: '2999-01-01', treasuryReference: 'GK-FUTURE' }).expect(400);
    expect(future.body.code).toBe('REMITTANCE_DATE_IN_FUTURE');
    const notMoney = await t.http().post('/api/treasury-remittances').set(bearer(finance)).send({ remittedOn: today, treasuryReference: 'GK-X', penalties: '1.005' }).expect(400);
    expect(notMoney.body.field).toBe('penalties');
    expect(await state()).toEqual(before);
  });

  it('remits everything collected by default: posts Dr 4901 per revenue account / Cr 1002, audited, and the unremitted revenue drops to zero', async () => {
    const res = await t.http().post('/api/treasury-remittances').set(bearer(finance)).send({ remittedOn: today, treasuryReference: 'GK-2026-001' }).expect(201);
    expect(res.body).toMatchObject({
      duplicate: false,
      remittedOn: today,
      treasuryReference: 'GK-2026-001',
      landPremium: '10000000.00',
      penalties: '12345.67',
      forfeitures: '1000000.00',
      amount: '11012345.67',
      reconciledWith: null,
    });
    const entries = await t.http().get('/api/ledger/entries').query({ sourceType: 'treasury_remittance' }).set(bearer(finance)).expect(200);
    expect(entries.body.items).toHaveLength(1);
    expect(entries.body.items[0]).toMatchObject({ id: res.body.entryId, date: today, source: { type: 'treasury_remittance', id: res.body.id } });
    expect(entries.body.items[0].lines.map((l: { accountCode: string; subject: string | null; debit: string | null; credit: string | null }) => [l.accountCode, l.subject, l.debit, l.credit])).toEqual([
      ['4901', '4101', '10000000.00', null],
      ['4901', '4102', '12345.67', null],
      ['4901', '4103', '1000000.00', null],
      ['1002', null, null, '11012345.67'],
    ]);
    expect(await unremitted()).toEqual({
      landPremium: ['10000000.00', '10000000.00', '0.00', '0.00', '0.00'],
      penalties: ['12345.67', '12345.67', '0.00', '0.00', '0.00'],
      forfeitures: ['1000000.00', '1000000.00', '0.00', '0.00', '0.00'],
    });
    const [audit] = (await t.dataSource.query(`SELECT action, after FROM audit_event WHERE entity_type = 'treasury_remittance' AND entity_id = $1`, [res.body.id])) as Array<{
      action: string;
      after: { amount: string; entryId: string };
    }>;
    expect(audit).toEqual({ action: 'treasury.remit', after: expect.objectContaining({ amount: '11012345.67', entryId: res.body.entryId }) });
    const tb = await t.http().get('/api/ledger/trial-balance').set(bearer(finance)).expect(200);
    expect(tb.body.balanced).toBe(true);
  });

  it('the same treasury reference again returns the first remittance; with other figures it is a conflict; then nothing is left to remit', async () => {
    const before = await state();
    const again = await t.http().post('/api/treasury-remittances').set(bearer(finance)).send({ remittedOn: today, treasuryReference: 'GK-2026-001' }).expect(200);
    expect(again.body).toMatchObject({ duplicate: true, amount: '11012345.67' });
    const conflict = await t.http().post('/api/treasury-remittances').set(bearer(finance)).send({ remittedOn: today, treasuryReference: 'GK-2026-001', landPremium: '1.00' }).expect(409);
    expect(conflict.body.code).toBe('REMITTANCE_REFERENCE_CONFLICT');
    const nothing = await t.http().post('/api/treasury-remittances').set(bearer(finance)).send({ remittedOn: today, treasuryReference: 'GK-2026-002' }).expect(400);
    expect(nothing.body.code).toBe('NOTHING_TO_REMIT');
    expect(await state()).toEqual(before);
  });

  it('premium booked but not yet paid cannot be remitted', async () => {
    await post(contractSigned({ at: new Date(), sourceId: 'TR-C2', contractId: 'C-2', price: m('5000000.00') }));
    expect((await unremitted()).landPremium).toEqual(['15000000.00', '10000000.00', '5000000.00', '5000000.00', '0.00']);
    const res = await t.http().post('/api/treasury-remittances').set(bearer(finance)).send({ remittedOn: today, treasuryReference: 'GK-2026-003', landPremium: '0.01' }).expect(400);
    expect(res.body.code).toBe('REMITTANCE_EXCEEDS_REVENUE');
  });

  it('the payout is expected on the bank statement and reconciled by its treasury reference', async () => {
    const csv = ['交易流水号,交易时间,金额,对方户名,摘要,附言', `TR-001,${today} 15:00:00,-11012345.67,寿光市财政局国库,缴库,土地出让收入 GK-2026-001`].join('\r\n');
    const res = await t.http().post('/api/bank-statements').set(bearer(finance)).send({ filename: 'treasury.csv', contentBase64: Buffer.from(csv, 'utf8').toString('base64') }).expect(201);
    expect(res.body.matched).toEqual([expect.objectContaining({ rule: 'reference', item: expect.objectContaining({ kind: 'remittance', reference: 'GK-2026-001', amount: '11012345.67' }) })]);
    const list = await t.http().get('/api/treasury-remittances').set(bearer(finance)).expect(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({ treasuryReference: 'GK-2026-001', reconciledWith: { txnId: 'TR-001', statementId: res.body.statementId } });
  });

  it('two remittances of everything at the same moment remit it once; the other finds nothing left', async () => {
    await post(paymentReceived({ at: new Date(), sourceId: 'TR-PAY-C2', contractId: 'C-2', amount: m('1000000.00') }));
    const send = (reference: string) => t.http().post('/api/treasury-remittances').set(bearer(finance)).send({ remittedOn: today, treasuryReference: reference });
    const [a, b] = await Promise.all([send('GK-2026-A'), send('GK-2026-B')]);
    expect([a.status, b.status].sort()).toEqual([201, 400]);
    expect([a.body.code, b.body.code]).toContain('NOTHING_TO_REMIT');
    expect((await unremitted()).landPremium).toEqual(['15000000.00', '11000000.00', '4000000.00', '4000000.00', '0.00']);
  });
});
