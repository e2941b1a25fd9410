import type { Server } from 'node:http';
import { Role } from '@app/auth';
import { soldLot, type MoneyBidder } from '../support/money-sale';
import { bearer, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';
import { listen } from '../support/trading';
import { recordResponses, type RecordedResponse } from '../api/support/recorded-responses';

/** Every key in a JSON value that is not camelCase (has `_` or `-`, or starts upper-case), with its JSON path. */
function nonCamelKeys(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => nonCamelKeys(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => [...(/^[a-z][a-zA-Z0-9]*$/.test(k) ? [] : [`${path}.${k}`]), ...nonCamelKeys(v, `${path}.${k}`)]);
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * One style for every JSON response: camelCase keys. A whole sale runs through the HTTP API — parcels,
 * announcement, applications, deposits, bidding, close, settlement, confirmation, contract, payments,
 * bank statements, refunds, remittance, ledger and reports, the bidders' own views — and every JSON
 * body the server sent is walked key by key.
 */
describe('every JSON response is camelCase', () => {
  let t: TestApp;
  let records: RecordedResponse[];
  let s: SaleBuilder;
  let lotId: string;
  let bidders: MoneyBidder[];
  let finance: string;
  let supervisor: string;

  beforeAll(async () => {
    t = await createTestApp();
    const url = await listen(t);
    records = recordResponses(t.app.getHttpServer() as Server);
    s = await new SaleBuilder(t).init('camel');
    finance = await t.tokenFor([Role.FinanceOfficer], 'camel.finance');
    supervisor = s.tokens.supervisor;
    ({ lotId, bidders } = await soldLot(t, s, url, ['9800000.00', '9850000.00', '9900000.00']));
  }, 90_000);
  afterAll(() => t.close());

  it('a whole sale through the money path answers only camelCase keys', async () => {
    const http = () => t.http();
    const winner = bidders[2]!;
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await http().post('/api/settlements/run').set(bearer(s.tokens.trading)).expect(200);
    const confirmation = await http().get(`/api/lots/${lotId}/confirmation`).set(bearer(winner.token)).expect(200);
    await http().get(`/api/public/confirmations/${confirmation.body.verificationCode}`).expect(200);
    await http().post(`/api/public/confirmations/${confirmation.body.verificationCode}/check`).send({ sha256: confirmation.body.documentSha256 }).expect(200);
    await http().post(`/api/lots/${lotId}/confirmation/signature`).set(bearer(winner.token)).expect(201);
    const contract = await http().post(`/api/lots/${lotId}/contract`).set(bearer(s.tokens.trading)).send({ contractNumber: 'HT-CAMEL-001', signedOn: today }).expect(201);
    const contractId = contract.body.id as string;
    await http().post(`/api/contracts/${contractId}/payments`).set(bearer(finance)).send({ kind: 'premium', amount: '1000000.00', paidOn: today, bankTxnId: 'CAMEL-PAY-1' }).expect(201);
    const refunds = (await http().get('/api/refunds').query({ lotId }).set(bearer(finance)).expect(200)).body as Array<{ id: string; reference: string; amount: string }>;
    await http().post(`/api/refunds/${refunds[0]!.id}/payment`).set(bearer(finance)).send({ bankReference: 'CAMEL-RF-0', paidOn: today }).expect(201);
    const csv = [
      '\ufeff交易流水号,交易时间,借方金额,贷方金额,对方户名,子账号,摘要',
      `RF-C1,${today} 09:00:00,${refunds[1]!.amount},,竞买人,,保证金退款 ${refunds[1]!.reference}`,
      `FEE-C1,${today} 10:00:00,20.00,,银行,,汇划手续费`,
      `INST-C1,${today} 11:00:00,,1000.00,${winner.name},,HT-CAMEL-001 土地出让金`,
      '',
    ].join('\r\n');
    const imported = await http().post('/api/bank-statements').set(bearer(finance)).send({ filename: 'camel.csv', contentBase64: Buffer.from(csv).toString('base64') }).expect(201);
    const open = (await http().get('/api/bank-statement-lines').set(bearer(finance)).expect(200)).body as { items: Array<{ id: string; txnId: string }> };
    const fee = open.items.find((l) => l.txnId === 'FEE-C1')!;
    await http().post(`/api/bank-statement-lines/${fee.id}/resolution`).set(bearer(finance)).send({ action: 'ignore', reason: '银行手续费' }).expect(200);
    await http().get('/api/bank-statements').set(bearer(finance)).expect(200);
    await http().get(`/api/bank-statements/${imported.body.statementId}`).set(bearer(finance)).expect(200);
    await http().post('/api/treasury-remittances').set(bearer(finance)).send({ remittedOn: today, treasuryReference: 'GK-CAMEL-001' }).expect(201);
    await http().get('/api/treasury-remittances').set(bearer(finance)).expect(200);
    await http().post(`/api/lots/${lotId}/result-publication`).set(bearer(s.tokens.trading)).expect(201);

    // reads: staff, the bidders' own, the public
    for (const path of ['/api/settlements', '/api/settlements?overdue=true', '/api/refunds', `/api/contracts/${contractId}`, '/api/ledger/trial-balance', '/api/ledger/trial-balance?bySubject=true', '/api/ledger/entries', '/api/ledger/accounts/1221/balance', '/api/ledger/unremitted', '/api/reports/land-sales?by=district,landUse,method']) {
      await http().get(path).set(bearer(finance)).expect(200);
    }
    await http().get(`/api/lots/${lotId}`).set(bearer(supervisor)).expect(200);
    await http().get(`/api/lots/${lotId}/trading/bids`).set(bearer(supervisor)).expect(200);
    for (const b of bidders) {
      for (const path of ['/api/settlements/mine', '/api/contracts/mine', '/api/refunds/mine', '/api/applications/mine', `/api/applications/${b.applicationId}`]) await http().get(path).set(bearer(b.token)).expect(200);
    }
    await http().get(`/api/contracts/${contractId}`).set(bearer(winner.token)).expect(200);
    for (const path of [`/api/public/lots/${lotId}`, `/api/public/lots/${lotId}/result`, `/api/public/lots/${lotId}/trading`, `/api/public/lots/${lotId}/events`, '/api/public/notices', '/api/public/statistics/land-sales', '/api/health', '/api/public/time']) {
      await http().get(path).expect(200);
    }
    // errors are JSON too
    await http().get('/api/contracts/00000000-0000-4000-8000-000000000000').set(bearer(finance)).expect(404);
    await http().post('/api/tools/price-figures').send({ price: 1 }).expect(400);
    await http().post('/api/tools/price-figures').send({ price: '12500000.00', startPrice: '10000000.00', area: '20000.00', plotRatio: '2.5000', priceUnit: 'per_floor_area' }).expect(200);

    const json = records.filter((r) => r.contentType.startsWith('application/json') && r.body.length > 0);
    const routesSeen = new Set(json.map((r) => `${r.method} ${r.path.replace(UUID, ':id')}`));
    expect(routesSeen.size).toBeGreaterThan(45);
    const offenders = json.flatMap((r) => {
      const route = `${r.method} ${r.path.replace(UUID, ':id')}`;
      const keys = nonCamelKeys(JSON.parse(r.body.toString('utf8')));
      return keys.length === 0 ? [] : [`${route} → ${keys.slice(0, 5).join(', ')}`];
    });
    expect([...new Set(offenders)]).toEqual([]);
  });
});
