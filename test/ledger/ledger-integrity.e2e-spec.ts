import { Role } from '@app/auth';
import { contractSigned, depositConverted, depositReceived, LedgerService, paymentReceived, type JournalEntry } from '@app/ledger';
import { Money } from '@app/money';
import { bearer } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The ledger (DESIGN.md §4): every entry balances, enforced by the database at COMMIT whatever the
 * code does; entries are append-only and corrected only by a reversing entry, once; balances can be
 * read as of any past date.
 */
describe('double-entry ledger', () => {
  let t: TestApp;
  let finance: string;
  let supervisor: string;
  const m = (s: string) => Money.parse(s);
  const post = (entry: JournalEntry) => t.dataSource.transaction((em) => t.app.get(LedgerService).post(em, entry));
  const count = async (table: string) => Number.parseInt(((await t.dataSource.query(`SELECT count(*) AS n FROM ${table}`)) as Array<{ n: string }>)[0].n, 10);

  beforeAll(async () => {
    t = await createTestApp();
    finance = await t.tokenFor([Role.FinanceOfficer]);
    supervisor = await t.tokenFor([Role.Supervisor]);
  });
  afterAll(() => t.close());

  describe('balance enforced by the database', () => {
    it('an unbalanced entry inserted by raw SQL is accepted statement by statement but refused at COMMIT, and leaves nothing', async () => {
      const before = { entries: await count('journal_entry'), lines: await count('journal_line') };
      const qr = t.dataSource.createQueryRunner();
      await qr.connect();
      try {
        await qr.startTransaction();
        const [entry] = (await qr.query(
          `INSERT INTO journal_entry (entry_date, occurred_at, description, source_type, source_id) VALUES ('2025-10-14', now(), 'raw unbalanced', 'deposit_received', 'RAW-UNBALANCED') RETURNING id`,
        )) as Array<{ id: string }>;
        await qr.query(`INSERT INTO journal_line (entry_id, line_no, account_code, subject, debit, credit) VALUES ($1, 1, '1002', '', 100.00, 0)`, [entry.id]);
        await qr.query(`INSERT INTO journal_line (entry_id, line_no, account_code, subject, debit, credit) VALUES ($1, 2, '2241', 'APP-RAW', 0, 99.99)`, [entry.id]);
        await expect(qr.commitTransaction()).rejects.toThrow(/does not balance/);
      } finally {
        if (qr.isTransactionActive) await qr.rollbackTransaction();
        await qr.release();
      }
      expect({ entries: await count('journal_entry'), lines: await count('journal_line') }).toEqual(before);
    });

    it('an entry with a single line is refused at COMMIT too', async () => {
      const qr = t.dataSource.createQueryRunner();
      await qr.connect();
      try {
        await qr.startTransaction();
        const [entry] = (await qr.query(
          `INSERT INTO journal_entry (entry_date, occurred_at, description, source_type, source_id) VALUES ('2025-10-14', now(), 'raw one line', 'deposit_received', 'RAW-ONE-LINE') RETURNING id`,
        )) as Array<{ id: string }>;
        await qr.query(`INSERT INTO journal_line (entry_id, line_no, account_code, subject, debit, credit) VALUES ($1, 1, '1002', '', 100.00, 0)`, [entry.id]);
        await expect(qr.commitTransaction()).rejects.toThrow(/does not balance/);
      } finally {
        if (qr.isTransactionActive) await qr.rollbackTransaction();
        await qr.release();
      }
      expect(await t.dataSource.query(`SELECT 1 FROM journal_entry WHERE source_id = 'RAW-ONE-LINE'`)).toHaveLength(0);
    });

    it('a balanced entry inserted by raw SQL commits', async () => {
      const qr = t.dataSource.createQueryRunner();
      await qr.connect();
      try {
        await qr.startTransaction();
        const [entry] = (await qr.query(
          `INSERT INTO journal_entry (entry_date, occurred_at, description, source_type, source_id) VALUES ('2025-10-14', now(), 'raw balanced', 'deposit_received', 'RAW-BALANCED') RETURNING id`,
        )) as Array<{ id: string }>;
        await qr.query(`INSERT INTO journal_line (entry_id, line_no, account_code, subject, debit, credit) VALUES ($1, 1, '1002', '', 100.00, 0)`, [entry.id]);
        await qr.query(`INSERT INTO journal_line (entry_id, line_no, account_code, subject, debit, credit) VALUES ($1, 2, '2241', 'APP-RAW', 0, 100.00)`, [entry.id]);
        await qr.commitTransaction();
      } finally {
        await qr.release();
      }
      const lines = (await t.dataSource.query(
        `SELECT l.account_code, l.debit::text AS debit, l.credit::text AS credit FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id WHERE e.source_id = 'RAW-BALANCED' ORDER BY l.line_no`,
      )) as unknown[];
      expect(lines).toEqual([
        { account_code: '1002', debit: '100.00', credit: '0.00' },
        { account_code: '2241', debit: '0.00', credit: '100.00' },
      ]);
    });
  });

  describe('append-only', () => {
    it('UPDATE and DELETE of journal entries and lines are refused by the database', async () => {
      const [{ id }] = (await t.dataSource.query(`SELECT id FROM journal_entry WHERE source_id = 'RAW-BALANCED'`)) as Array<{ id: string }>;
      await expect(t.dataSource.query(`UPDATE journal_line SET debit = 1000.00 WHERE entry_id = $1 AND line_no = 1`, [id])).rejects.toThrow(/append-only/);
      await expect(t.dataSource.query(`DELETE FROM journal_line WHERE entry_id = $1`, [id])).rejects.toThrow(/append-only/);
      await expect(t.dataSource.query(`UPDATE journal_entry SET description = 'edited' WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
      await expect(t.dataSource.query(`DELETE FROM journal_entry WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
      const [row] = (await t.dataSource.query(`SELECT description, (SELECT sum(debit)::text FROM journal_line WHERE entry_id = $1) AS debits FROM journal_entry WHERE id = $1`, [id])) as unknown[];
      expect(row).toEqual({ description: 'raw balanced', debits: '100.00' });
    });
  });

  describe('balances as of any date', () => {
    beforeAll(async () => {
      await post(depositReceived({ at: new Date('2025-10-14T01:58:31Z'), sourceId: 'TB-DEP-A', applicationId: 'APP-A', amount: m('2000000.00') }));
      await post(depositReceived({ at: new Date('2025-10-20T02:00:00Z'), sourceId: 'TB-DEP-B', applicationId: 'APP-B', amount: m('1960000.50') }));
      await post(contractSigned({ at: new Date('2025-11-05T02:00:00Z'), sourceId: 'TB-C1', contractId: 'C-1', price: m('10000000.00') }));
      await post(depositConverted({ at: new Date('2025-11-05T02:00:00Z'), sourceId: 'TB-CONV-A', applicationId: 'APP-A', contractId: 'C-1', amount: m('2000000.00') }));
      // 2025-12-31 23:30 in Shanghai is still 2025 there (15:30 UTC).
      await post(paymentReceived({ at: new Date('2025-12-31T15:30:00Z'), sourceId: 'TB-PAY-1', contractId: 'C-1', amount: m('3000000.00') }));
    });

    it('the trial balance as of a past date excludes every later entry, and balances', async () => {
      const res = await t.http().get('/api/ledger/trial-balance').query({ asOf: '2025-10-31' }).set(bearer(finance)).expect(200);
      expect(res.body.asOf).toBe('2025-10-31');
      expect(res.body.balanced).toBe(true);
      const rows = (res.body.rows as Array<Record<string, unknown>>).map((r) => [r.accountCode, r.subject, r.debitTotal, r.creditTotal, r.balance]);
      // RAW-BALANCED (2025-10-14) + two deposits; nothing of November or December
      expect(rows).toEqual([
        ['1002', null, '3960100.50', '0.00', '3960100.50'],
        ['2241', null, '0.00', '3960100.50', '3960100.50'],
      ]);
      expect(res.body.totals).toEqual({ debits: '3960100.50', credits: '3960100.50' });
    });

    it('the trial balance by subject shows each application and contract; the end of a year includes its last evening in Shanghai', async () => {
      const res = await t.http().get('/api/ledger/trial-balance').query({ asOf: '2025-12-31', bySubject: 'true' }).set(bearer(supervisor)).expect(200);
      expect(res.body.balanced).toBe(true);
      const rows = (res.body.rows as Array<Record<string, unknown>>).map((r) => [r.accountCode, r.nameZh, r.subject, r.balance]);
      expect(rows).toEqual([
        ['1002', '银行存款', null, '6960100.50'],
        ['1221', '应收土地出让价款', 'C-1', '5000000.00'],
        ['2241', '竞买保证金', 'APP-A', '0.00'],
        ['2241', '竞买保证金', 'APP-B', '1960000.50'],
        ['2241', '竞买保证金', 'APP-RAW', '100.00'],
        ['4101', '土地出让价款收入', null, '10000000.00'],
      ]);
      expect(res.body.totals).toEqual({ debits: '18960100.50', credits: '18960100.50' });
      const before = await t.http().get('/api/ledger/trial-balance').query({ asOf: '2025-12-30', bySubject: 'true' }).set(bearer(finance)).expect(200);
      expect((before.body.rows as Array<Record<string, unknown>>).find((r) => r.accountCode === '1221')?.balance).toBe('8000000.00');
    });

    it('one account’s balance, for one subject or all, as of a date', async () => {
      const a = await t.http().get('/api/ledger/accounts/2241/balance').query({ asOf: '2025-10-31', subject: 'APP-A' }).set(bearer(finance)).expect(200);
      expect(a.body).toMatchObject({ accountCode: '2241', subject: 'APP-A', asOf: '2025-10-31', debitTotal: '0.00', creditTotal: '2000000.00', balance: '2000000.00' });
      const later = await t.http().get('/api/ledger/accounts/2241/balance').query({ asOf: '2025-11-30', subject: 'APP-A' }).set(bearer(finance)).expect(200);
      expect(later.body).toMatchObject({ debitTotal: '2000000.00', creditTotal: '2000000.00', balance: '0.00' });
      const all = await t.http().get('/api/ledger/accounts/2241/balance').set(bearer(finance)).expect(200);
      expect(all.body).toMatchObject({ subject: null, asOf: null, balance: '1960100.50' });
      const unknown = await t.http().get('/api/ledger/accounts/9999/balance').set(bearer(finance)).expect(404);
      expect(unknown.body.code).toBe('ACCOUNT_NOT_FOUND');
      const badDate = await t.http().get('/api/ledger/accounts/2241/balance').query({ asOf: '2025-02-30' }).set(bearer(finance)).expect(400);
      expect(badDate.body).toMatchObject({ code: 'INVALID_DATE', field: 'asOf' });
    });

    it('entries are listed with their lines, filtered by date and source type', async () => {
      const res = await t.http().get('/api/ledger/entries').query({ from: '2025-11-01', to: '2025-11-30' }).set(bearer(finance)).expect(200);
      expect(res.body.total).toBe(2);
      expect((res.body.items as Array<{ source: { id: string } }>).map((e) => e.source.id).sort()).toEqual(['TB-C1', 'TB-CONV-A']);
      const byType = await t.http().get('/api/ledger/entries').query({ sourceType: 'payment_received' }).set(bearer(finance)).expect(200);
      expect(byType.body.items).toHaveLength(1);
      expect(byType.body.items[0]).toMatchObject({
        date: '2025-12-31',
        source: { type: 'payment_received', id: 'TB-PAY-1' },
        reversalOf: null,
        reversedBy: null,
        lines: [
          { lineNo: 1, accountCode: '1002', accountName: '银行存款', subject: null, debit: '3000000.00', credit: null },
          { lineNo: 2, accountCode: '1221', accountName: '应收土地出让价款', subject: 'C-1', debit: null, credit: '3000000.00' },
        ],
      });
    });
  });

  describe('corrections by reversing entries only', () => {
    let paymentId: string;
    beforeAll(async () => {
      paymentId = (await post(paymentReceived({ at: new Date('2026-01-05T02:00:00Z'), sourceId: 'TB-PAY-WRONG', contractId: 'C-1', amount: m('123456.78') }))).id;
    });

    it('a reversal needs a reason and posts the same lines with the sides swapped, audited', async () => {
      const noReason = await t.http().post(`/api/ledger/entries/${paymentId}/reversal`).set(bearer(finance)).send({ reason: ' ' }).expect(400);
      expect(noReason.body.field).toBe('reason');
      const res = await t.http().post(`/api/ledger/entries/${paymentId}/reversal`).set(bearer(finance)).send({ reason: '付款人汇错账户，已退回' }).expect(201);
      expect(res.body).toMatchObject({
        source: { type: 'reversal', id: 'payment_received:TB-PAY-WRONG' },
        reversalOf: { type: 'payment_received', id: 'TB-PAY-WRONG', reason: '付款人汇错账户，已退回' },
        lines: [
          { accountCode: '1002', debit: null, credit: '123456.78' },
          { accountCode: '1221', subject: 'C-1', debit: '123456.78', credit: null },
        ],
      });
      const original = await t.http().get('/api/ledger/entries').query({ sourceType: 'payment_received', from: '2026-01-05' }).set(bearer(finance)).expect(200);
      expect(original.body.items[0].reversedBy).toBe(res.body.id);
      const [audit] = (await t.dataSource.query(`SELECT action, reason, after FROM audit_event WHERE entity_type = 'journal_entry' AND entity_id = $1`, [paymentId])) as Array<{
        action: string;
        reason: string;
        after: { reversalEntryId: string };
      }>;
      expect(audit).toMatchObject({ action: 'journal_entry.reverse', reason: '付款人汇错账户，已退回', after: { reversalEntryId: res.body.id } });
      const balance = await t.http().get('/api/ledger/accounts/1221/balance').query({ subject: 'C-1' }).set(bearer(finance)).expect(200);
      expect(balance.body.balance).toBe('5000000.00');
    });

    it('an entry is reversed once: a second reversal is ALREADY_REVERSED and posts nothing', async () => {
      const before = await count('journal_entry');
      const again = await t.http().post(`/api/ledger/entries/${paymentId}/reversal`).set(bearer(finance)).send({ reason: '再次冲销' }).expect(409);
      expect(again.body.code).toBe('ALREADY_REVERSED');
      expect(await count('journal_entry')).toBe(before);
    });

    it('a reversing entry is not itself reversed, and an unknown entry is 404', async () => {
      const [{ id }] = (await t.dataSource.query(`SELECT id FROM journal_entry WHERE source_type = 'reversal'`)) as Array<{ id: string }>;
      const res = await t.http().post(`/api/ledger/entries/${id}/reversal`).set(bearer(finance)).send({ reason: '冲销冲销' }).expect(409);
      expect(res.body.code).toBe('REVERSAL_NOT_REVERSIBLE');
      const missing = await t.http().post('/api/ledger/entries/00000000-0000-4000-8000-000000000000/reversal').set(bearer(finance)).send({ reason: '不存在' }).expect(404);
      expect(missing.body.code).toBe('ENTRY_NOT_FOUND');
    });

    it('after corrections the whole ledger still balances', async () => {
      const res = await t.http().get('/api/ledger/trial-balance').set(bearer(finance)).expect(200);
      expect(res.body.balanced).toBe(true);
      expect(res.body.totals.debits).toBe(res.body.totals.credits);
    });
  });
});
