import iconv from 'iconv-lite';
import { Role } from '@app/auth';
import { StatementImportService } from '@app/ledger';
import { bankNotice, postNotice } from '../support/bank';
import { bearer, SaleBuilder, shanghaiDate } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';
import { publishedLot, qualifiedBidders, type Seat } from '../support/trading';

/** A virtual sub-account number with its Luhn check digit, computed here independently. */
function withLuhn(payload: string): string {
  let sum = 0;
  [...payload].reverse().forEach((c, i) => {
    const d = Number.parseInt(c, 10) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  });
  return `${payload}${(10 - (sum % 10)) % 10}`;
}

/**
 * Bank reconciliation (issue 6): a bank statement CSV (GB18030 or UTF-8, Chinese or English headers)
 * is matched to the deposits the bank already notified, by sub-account and amount; what does not
 * match is listed with suggestions and resolved by finance with a reason. Re-importing a statement,
 * or importing a malformed one, changes nothing.
 */
describe('bank statement import and reconciliation', () => {
  let t: TestApp;
  let finance: string;
  let financeId: string;
  let supervisor: string;
  let seats: Seat[];
  const subs = [1, 2, 3, 4].map((i) => withLuhn(`9558800000000010${i}`));
  // one digit of the third sub-account mistyped by the bank's clerk
  const mistyped = `${subs[2].slice(0, 10)}7${subs[2].slice(11)}`;
  const today = shanghaiDate(new Date());
  let statementId: string;
  let gbBytes: Buffer;
  let text: string;

  const snapshot = async () =>
    (
      (await t.dataSource.query(
        `SELECT (SELECT count(*) FROM bank_statement) AS statements, (SELECT count(*) FROM bank_statement_line) AS lines,
                (SELECT count(*) FROM journal_entry) AS entries, (SELECT count(*) FROM journal_line) AS journal_lines,
                (SELECT count(*) FROM audit_event) AS audit, (SELECT count(*) FROM deposit_payment) AS deposits,
                (SELECT json_agg(json_build_object('txn', txn_id, 'status', status) ORDER BY txn_id) FROM bank_statement_line) AS statuses`,
      )) as unknown[]
    )[0];
  const upload = (filename: string, bytes: Buffer, token = finance) =>
    t.http().post('/api/bank-statements').set(bearer(token)).send({ filename, contentBase64: bytes.toString('base64') });

  beforeAll(async () => {
    t = await createTestApp();
    const s = await new SaleBuilder(t).init('recon');
    const lotId = await publishedLot(t, s);
    seats = await qualifiedBidders(t, lotId, 4, 'recon');
    for (let i = 0; i < seats.length; i++) await t.dataSource.query(`UPDATE application SET sub_account = $2 WHERE id = $1`, [seats[i].applicationId, subs[i]]);
    // The bank notified four deposits (each posted Dr 1002 / Cr 2241 on arrival).
    for (let i = 0; i < seats.length; i++) {
      const res = await postNotice(t, bankNotice({ txnId: `NT-00${i + 1}`, subAccount: subs[i], amount: '1960000.00', payerName: seats[i].name })).expect(200);
      expect(res.body.status).toBe('accepted');
    }
    finance = await t.tokenFor([Role.FinanceOfficer], 'recon.finance');
    financeId = (await t.http().get('/api/auth/me').set(bearer(finance)).expect(200)).body.id as string;
    supervisor = await t.tokenFor([Role.Supervisor], 'recon.overseer');
    text = [
      '交易流水号,交易时间,金额,对方户名,对方账号,虚拟账号,摘要,附言,余额',
      `NT-001,${today} 09:58:31,"1,960,000.00",${seats[0].name},6228480402564890018,${subs[0]},转账,保证金,"1,960,000.00"`,
      `NT-002,${today} 10:01:02,1960000.00,${seats[1].name},6228480402564890018,${subs[1]},转账,保证金,"3,920,000.00"`,
      // the sub-account mistyped: no automatic match
      `BK-003,${today} 10:30:00,1960000.00,${seats[2].name},6228480402564890018,${mistyped},转账,竞买保证金,"5,880,000.00"`,
    ].join('\r\n');
    gbBytes = iconv.encode(text, 'gb18030');
  });
  afterAll(() => t.close());

  it('matches statement lines to notified deposits by sub-account and amount, and lists the unmatched line with suggestions (GB18030, Chinese headers)', async () => {
    expect(gbBytes.equals(Buffer.from(text, 'utf8'))).toBe(false);
    const res = await upload('招商银行对账单.csv', gbBytes).expect(201);
    statementId = res.body.statementId as string;
    expect(res.body).toMatchObject({
      duplicate: false,
      encoding: 'gb18030',
      filename: '招商银行对账单.csv',
      counts: { lines: 3, stored: 3, skipped: 0, matched: 2, partial: 0, unmatched: 1, outstanding: 2 },
    });
    expect(res.body.matched.map((m: { line: { txnId: string }; item: { id: string }; rule: string }) => [m.line.txnId, m.item.id, m.rule])).toEqual([
      ['NT-001', 'deposit:NT-001', 'sub_account'],
      ['NT-002', 'deposit:NT-002', 'sub_account'],
    ]);
    expect(res.body.matched[0].line).toMatchObject({ direction: 'credit', amount: '1960000.00', subAccount: subs[0], counterpartyName: seats[0].name, status: 'matched' });
    const [unmatched] = res.body.unmatched as Array<{ line: { txnId: string; status: string }; suggestions: Array<{ id: string; reasons: string[]; amount: string }> }>;
    expect(unmatched.line).toMatchObject({ txnId: 'BK-003', status: 'unmatched' });
    expect(unmatched.suggestions[0]).toMatchObject({ id: 'deposit:NT-003', amount: '1960000.00', subAccount: subs[2] });
    expect(unmatched.suggestions[0].reasons).toEqual(expect.arrayContaining(['same_amount', 'similar_sub_account']));
    expect(res.body.outstanding.map((i: { id: string }) => i.id).sort()).toEqual(['deposit:NT-003', 'deposit:NT-004']);

    const stored = await t.http().get(`/api/bank-statements/${statementId}`).set(bearer(supervisor)).expect(200);
    expect(stored.body).toMatchObject({ lineCount: 3, storedLines: 3, counts: { matched: 2, unmatched: 1, partial: 0, resolved: 0, ignored: 0 } });
    expect(stored.body.lines.map((l: { lineNo: number; txnId: string; status: string; matchedId: string | null }) => [l.lineNo, l.txnId, l.status, l.matchedId])).toEqual([
      [2, 'NT-001', 'matched', 'deposit:NT-001'],
      [3, 'NT-002', 'matched', 'deposit:NT-002'],
      [4, 'BK-003', 'unmatched', null],
    ]);
    const [audit] = (await t.dataSource.query(`SELECT action, actor_name, after FROM audit_event WHERE entity_type = 'bank_statement' AND entity_id = $1`, [statementId])) as Array<{
      action: string;
      actor_name: string;
      after: { counts: { matched: number } };
    }>;
    expect(audit).toMatchObject({ action: 'bank_statement.import', actor_name: 'recon.finance', after: { counts: { matched: 2 } } });
  });

  it('re-importing the same statement changes nothing, even re-encoded as UTF-8 with other line endings', async () => {
    const before = await snapshot();
    const same = await upload('招商银行对账单(1).csv', gbBytes).expect(200);
    expect(same.body).toMatchObject({ duplicate: true, statementId, filename: '招商银行对账单.csv', counts: { matched: 2, unmatched: 1 } });
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${text.replace(/\r\n/g, '\n')}\n\n`, 'utf8')]);
    const reencoded = await upload('statement-utf8.csv', utf8).expect(200);
    expect(reencoded.body).toMatchObject({ duplicate: true, statementId });
    expect(await snapshot()).toEqual(before);
  });

  it('a malformed statement is rejected whole, listing each bad line and column, and nothing is stored', async () => {
    const before = await snapshot();
    const bad = [
      '交易流水号,交易时间,金额,虚拟账号,附言',
      `BAD-1,${today} 11:00:00,"1,2.3.4",${subs[3]},保证金`,
      `BAD-2,${today} 11:00:01,100.005,${subs[3]},保证金`,
      'BAD-3',
      `BAD-4,${today} 11:00:03,1960000.00,${subs[3]},保证金`,
    ].join('\n');
    const res = await upload('bad.csv', iconv.encode(bad, 'gb18030')).expect(400);
    expect(res.body.code).toBe('STATEMENT_INVALID');
    const errors = res.body.errors as Array<{ line: number; column?: string; code: string; message: string }>;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 2, column: '金额', code: 'AMOUNT_INVALID' }),
        expect.objectContaining({ line: 3, column: '金额', code: 'AMOUNT_TOO_MANY_DECIMALS' }),
        expect.objectContaining({ line: 4, column: '交易时间', code: 'TIME_REQUIRED' }),
        expect.objectContaining({ line: 4, column: '金额', code: 'AMOUNT_REQUIRED' }),
      ]),
    );
    expect(errors.every((e) => e.line !== 5)).toBe(true);
    expect(errors.every((e) => typeof e.message === 'string' && e.message.startsWith(`第 ${e.line} 行`))).toBe(true);

    const noTime = await upload('no-time.csv', Buffer.from(`交易流水号,金额,虚拟账号\nX-1,100.00,${subs[3]}\n`, 'utf8')).expect(400);
    expect(noTime.body.errors).toEqual([expect.objectContaining({ line: 1, code: 'HEADER_MISSING_COLUMN' })]);
    expect(await snapshot()).toEqual(before);
  });

  it('finance resolves the unmatched line by hand against an item still expected, with a reason; once', async () => {
    const open = await t.http().get('/api/bank-statement-lines').set(bearer(finance)).expect(200);
    expect(open.body.items.map((l: { txnId: string }) => l.txnId)).toEqual(['BK-003']);
    const lineId = open.body.items[0].id as string;

    const short = await t.http().post(`/api/bank-statement-lines/${lineId}/resolution`).set(bearer(finance)).send({ action: 'match', itemId: 'deposit:NT-003', reason: '好' }).expect(400);
    expect(short.body.field).toBe('reason');
    const taken = await t.http().post(`/api/bank-statement-lines/${lineId}/resolution`).set(bearer(finance)).send({ action: 'match', itemId: 'deposit:NT-001', reason: '试图重复匹配' }).expect(409);
    expect(taken.body.code).toBe('ITEM_NOT_EXPECTED');

    const res = await t
      .http()
      .post(`/api/bank-statement-lines/${lineId}/resolution`)
      .set(bearer(finance))
      .send({ action: 'match', itemId: 'deposit:NT-003', reason: '银行录入子账号有误，付款人与金额一致' })
      .expect(200);
    expect(res.body).toMatchObject({
      txnId: 'BK-003',
      status: 'resolved',
      matchedKind: 'deposit',
      matchedId: 'deposit:NT-003',
      difference: '0.00',
      resolutionReason: '银行录入子账号有误，付款人与金额一致',
      resolvedBy: financeId,
    });
    const again = await t.http().post(`/api/bank-statement-lines/${lineId}/resolution`).set(bearer(finance)).send({ action: 'ignore', reason: '再来一次' }).expect(409);
    expect(again.body.code).toBe('LINE_ALREADY_RESOLVED');
    const [audit] = (await t.dataSource.query(`SELECT action, reason, before, after FROM audit_event WHERE entity_type = 'bank_statement_line' AND entity_id = $1`, [lineId])) as Array<{
      action: string;
      reason: string;
      before: { status: string };
      after: { status: string; matchedId: string };
    }>;
    expect(audit).toMatchObject({ action: 'bank_statement_line.match', before: { status: 'unmatched' }, after: { status: 'resolved', matchedId: 'deposit:NT-003' } });
    expect((await t.app.get(StatementImportService).expectedItems()).map((i) => i.id)).toEqual(['deposit:NT-004']);
    expect((await t.http().get('/api/bank-statement-lines').set(bearer(finance)).expect(200)).body.items).toEqual([]);
  });

  it('an overlapping statement skips the transactions already imported and reports them; a different amount is a partial match; a bank fee is ignored with a reason', async () => {
    const overlapping = [
      'txnId,time,debit,credit,subAccount,memo',
      `NT-001,${today} 09:58:31,,1960000.01,${subs[0]},deposit`,
      `NT-002,${today} 10:01:02,,1960000.00,${subs[1]},deposit`,
      `PT-004,${today} 14:00:00,,1959000.00,${subs[3]},deposit`,
      `FEE-001,${today} 17:00:00,25.00,,,bank fee`,
    ].join('\n');
    const res = await upload('overlap.csv', Buffer.from(overlapping, 'utf8')).expect(201);
    expect(res.body.counts).toEqual({ lines: 4, stored: 2, skipped: 2, matched: 0, partial: 1, unmatched: 1, outstanding: 0 });
    expect(res.body.skipped).toEqual([
      { line: 2, txnId: 'NT-001', statementId, conflicting: true },
      { line: 3, txnId: 'NT-002', statementId, conflicting: false },
    ]);
    expect(res.body.partial).toEqual([expect.objectContaining({ item: expect.objectContaining({ id: 'deposit:NT-004' }), rule: 'sub_account', difference: '-1000.00' })]);
    expect(res.body.partial[0].line).toMatchObject({ txnId: 'PT-004', status: 'partial', difference: '-1000.00' });
    expect(res.body.partial[0].line.suggestions[0]).toMatchObject({ id: 'deposit:NT-004', partial: true, difference: '-1000.00' });
    expect(res.body.unmatched[0].line).toMatchObject({ txnId: 'FEE-001', direction: 'debit', amount: '25.00' });
    expect(res.body.unmatched[0].suggestions).toEqual([]);

    const partialOnly = await t.http().get('/api/bank-statement-lines').query({ status: 'partial' }).set(bearer(finance)).expect(200);
    expect(partialOnly.body.items.map((l: { txnId: string }) => l.txnId)).toEqual(['PT-004']);
    // a payout cannot settle a deposit
    const wrongWay = await t
      .http()
      .post(`/api/bank-statement-lines/${res.body.unmatched[0].line.id}/resolution`)
      .set(bearer(finance))
      .send({ action: 'match', itemId: 'deposit:NT-004', reason: '方向不对' })
      .expect(400);
    expect(wrongWay.body.code).toBe('ITEM_DIRECTION_MISMATCH');
    const fee = await t.http().post(`/api/bank-statement-lines/${res.body.unmatched[0].line.id}/resolution`).set(bearer(finance)).send({ action: 'ignore', reason: '银行手续费' }).expect(200);
    expect(fee.body).toMatchObject({ status: 'ignored', resolutionReason: '银行手续费', matchedId: null });
    const partial = await t
      .http()
      .post(`/api/bank-statement-lines/${res.body.partial[0].line.id}/resolution`)
      .set(bearer(finance))
      .send({ action: 'match', itemId: 'deposit:NT-004', reason: '银行扣划手续费1000元后入账，差额已与付款人确认' })
      .expect(200);
    expect(partial.body).toMatchObject({ status: 'resolved', matchedId: 'deposit:NT-004', difference: '-1000.00' });

    const list = await t.http().get('/api/bank-statements').set(bearer(supervisor)).expect(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items[0]).toMatchObject({ filename: 'overlap.csv', encoding: 'utf-8', lineCount: 4, storedLines: 2, counts: { resolved: 1, ignored: 1 } });
    const resolved = await t.http().get('/api/bank-statement-lines').query({ status: 'resolved' }).set(bearer(supervisor)).expect(200);
    expect(resolved.body.items.map((l: { txnId: string }) => l.txnId)).toEqual(['BK-003', 'PT-004']);
  });

  it('two imports of one statement at the same moment store it once; the other is answered as a duplicate', async () => {
    const bytes = Buffer.from(`txnId,time,amount,memo\nCC-001,${today} 18:00:00,-10.00,bank fee\n`, 'utf8');
    const [a, b] = await Promise.all([upload('same-1.csv', bytes), upload('same-2.csv', bytes)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.statementId).toBe(b.body.statementId);
    expect(await t.dataSource.query(`SELECT txn_id FROM bank_statement_line WHERE txn_id = 'CC-001'`)).toHaveLength(1);
  });
});
