import { createHmac } from 'node:crypto';
import { TEST_BANK_SECRET, type TestApp } from './test-app';

let counter = 0;

export interface NoticeInput {
  subAccount: string;
  amount: string;
  payerName: string;
  arrivedAt?: string;
  txnId?: string;
  payerAccount?: string;
}

/** The bank's side of the callback, written independently of the platform's code: sign and POST. */
export function bankNotice(n: NoticeInput) {
  const body = JSON.stringify({
    txnId: n.txnId ?? `TX${Date.now()}${++counter}`,
    subAccount: n.subAccount,
    amount: n.amount,
    currency: 'CNY',
    payerName: n.payerName,
    payerAccount: n.payerAccount ?? '6228480402564890018',
    arrivedAt: n.arrivedAt ?? new Date(Date.now() - 60_000).toISOString(),
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', TEST_BANK_SECRET).update(`${timestamp}.${body}`).digest('hex');
  return { body, timestamp, signature };
}

export function postNotice(t: TestApp, notice: { body: string; timestamp: string; signature: string }) {
  return t.http().post('/api/bank/notices').set('content-type', 'application/json').set('x-bank-timestamp', notice.timestamp).set('x-bank-signature', notice.signature).send(notice.body);
}

/**
 * The demo's simulated bank (served only with DEMO=on and BANK_SIMULATOR=on): a finance officer or an
 * administrator asks it to deliver a deposit notice.
 */
export function simulateDeposit(t: TestApp, staffToken: string, deposit: { subAccount: string; amount: string; payerName: string; txnId?: string }) {
  return t.http().post('/api/dev/bank/deposits').set('authorization', `Bearer ${staffToken}`).send(deposit);
}
