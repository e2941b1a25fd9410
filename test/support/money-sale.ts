import { AuctionClock } from '@app/bidding';
import { bankNotice, postNotice } from './bank';
import { registerCompany } from './bidders';
import { AUCTION_TERMS, bearer, type SaleBuilder } from './sale-builder';
import type { TestApp } from './test-app';
import { connect, moveDeadline, openTradingNow, publishedLot, type Client } from './trading';

export interface MoneyBidder {
  name: string;
  creditCode: string;
  token: string;
  bidderId: string;
  applicationId: string;
  subAccount: string;
  depositTxnId: string;
}

let run = 0;

/**
 * A sold auction lot reached through the real flow: three companies register, apply, pay their
 * deposits through signed bank notices (posting the ledger's deposit entries), are qualified, bid over
 * the socket, and the clock closes the lot. `prices[i]` is bid by bidder i % 3, in order.
 */
export async function soldLot(t: TestApp, s: SaleBuilder, url: string, prices: readonly string[]): Promise<{ lotId: string; bidders: MoneyBidder[] }> {
  const n = ++run;
  const lotId = await publishedLot(t, s, { ...AUCTION_TERMS, countdownSeconds: 600, eligibility: { jointBidsAllowed: false, review: 'post_review', exclusions: '' } });
  await t.dataSource.query(`UPDATE lot SET application_start = now() - interval '1 minute' WHERE id = $1`, [lotId]);
  const bidders: MoneyBidder[] = [];
  for (const [i, name] of ['甲置业有限公司', '乙地产有限公司', '丙建设有限公司'].entries()) {
    const company = await registerCompany(t, `money${n}.b${i}`, `${name}${n}`, 9000 + n * 10 + i);
    const app = await t.http().post(`/api/lots/${lotId}/applications`).set(bearer(company.token)).send({}).expect(201);
    const submitted = await t.http().post(`/api/applications/${app.body.id}/submit`).set(bearer(company.token)).expect(201);
    const subAccount = submitted.body.deposit.subAccount as string;
    const txnId = `DEP${n}${i}${Date.now() % 100000}`;
    await postNotice(t, bankNotice({ subAccount, amount: AUCTION_TERMS.deposit, payerName: company.name, txnId })).expect(200);
    bidders.push({ name: company.name, creditCode: company.creditCode, token: company.token, bidderId: company.id, applicationId: app.body.id as string, subAccount, depositTxnId: txnId });
  }
  await openTradingNow(t, lotId);
  const clients: Client[] = await Promise.all(bidders.map((b) => connect(url, b.token)));
  try {
    for (const c of clients) await c.emit('lot:join', { lotId });
    for (const [i, price] of prices.entries()) {
      const ack = await clients[i % 3].emit<{ ok: boolean; code?: string }>('bid:place', { lotId, clientBidId: `m${i}`, price });
      if (!ack.ok) throw new Error(`bid ${price} refused: ${ack.code}`);
    }
  } finally {
    clients.forEach((c) => c.close());
  }
  await moveDeadline(t, lotId, -1);
  await t.app.get(AuctionClock).runOnce();
  return { lotId, bidders };
}
