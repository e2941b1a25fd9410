import { AuctionClock } from '@app/bidding';
import { bankNotice, postNotice } from './bank';
import { registerCompany } from './bidders';
import { PARCEL_A } from './fixtures';
import { AUCTION_TERMS, bearer, mondayAfter, type SaleBuilder } from './sale-builder';
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
  /** With `jointWinner`, the third bidder's partner in its joint bid (40%); it accepted but does not bid or sign. */
  partner?: { name: string; creditCode: string; token: string; bidderId: string };
}

/** A parcel of a money lot: PARCEL_A's fields with these overrides (code, area, plot ratios, use…). */
export type MoneyParcel = Partial<typeof PARCEL_A> & { plotRatioMax?: string | undefined };

export interface MoneyLotOptions {
  /** The lot's terms (default AUCTION_TERMS with a 10-minute countdown). */
  terms?: Record<string, unknown>;
  /** The lot's parcels (default one parcel like PARCEL_A). */
  parcels?: MoneyParcel[];
  /** The third bidder (who wins when it bids last) applies jointly with a partner: 60% / 40%. */
  jointWinner?: boolean;
}

let run = 0;

/**
 * A published auction lot over several parcels (real API: parcels registered and made ready, an
 * announcement, the lot, publication). Returns its id. The lot's terms go through the same checks as
 * any lot (the deposit rule on the start price as a total included).
 */
export async function publishedMoneyLot(t: TestApp, s: SaleBuilder, terms: Record<string, unknown>, parcels: MoneyParcel[]): Promise<string> {
  const n = ++run;
  const parcelIds: string[] = [];
  for (const [i, p] of parcels.entries()) {
    const { plotRatioMax, ...rest } = p;
    const body = { ...PARCEL_A, ...rest, code: p.code ?? `SG-M${process.pid % 1000}-${n}-${i}` } as Record<string, unknown>;
    if (plotRatioMax === undefined && 'plotRatioMax' in p) delete body.plotRatioMax;
    else if (plotRatioMax !== undefined) body.plotRatioMax = plotRatioMax;
    const created = await t.http().post('/api/parcels').set(bearer(s.tokens.reserve)).send(body).expect(201);
    for (const transition of ['take_into_reserve', 'mark_ready']) {
      await t.http().post(`/api/parcels/${created.body.id}/transitions`).set(bearer(s.tokens.reserve)).send({ transition }).expect(201);
    }
    parcelIds.push(created.body.id as string);
  }
  const a = await t.http().post('/api/announcements').set(bearer(s.tokens.trading)).send({ number: `寿自然资告字〔2026〕M${process.pid % 1000}${n}号`, title: '国有建设用地使用权拍卖出让公告', body: '正文' }).expect(201);
  const lot = await t
    .http()
    .post(`/api/announcements/${a.body.id}/lots`)
    .set(bearer(s.tokens.trading))
    .send({ lotNumber: `M${process.pid % 1000}-${n}`, title: '寿光市多宗地测试地块', parcelIds, terms, schedule: await s.auctionSchedule(mondayAfter(30)) });
  if (lot.status !== 201) throw new Error(`the lot was refused: ${lot.status} ${JSON.stringify(lot.body)}`);
  await t.http().post(`/api/announcements/${a.body.id}/publish`).set(bearer(s.tokens.trading)).expect(201);
  return lot.body.id as string;
}

/**
 * A sold auction lot reached through the real flow: three companies register, apply, pay their
 * deposits through signed bank notices (posting the ledger's deposit entries), are qualified, bid over
 * the socket, and the clock closes the lot. `prices[i]` is bid by bidder i % 3, in order, in the
 * lot's price unit. With `options.parcels` the lot is made of those parcels.
 */
export async function soldLot(t: TestApp, s: SaleBuilder, url: string, prices: readonly string[], options: MoneyLotOptions = {}): Promise<{ lotId: string; bidders: MoneyBidder[] }> {
  const n = ++run;
  const terms = { ...AUCTION_TERMS, countdownSeconds: 600, eligibility: { jointBidsAllowed: options.jointWinner === true, review: 'post_review', exclusions: '' }, ...options.terms };
  const lotId = options.parcels ? await publishedMoneyLot(t, s, terms, options.parcels) : await publishedLot(t, s, terms);
  await t.dataSource.query(`UPDATE lot SET application_start = now() - interval '1 minute' WHERE id = $1`, [lotId]);
  const bidders: MoneyBidder[] = [];
  for (const [i, name] of ['甲置业有限公司', '乙地产有限公司', '丙建设有限公司'].entries()) {
    const company = await registerCompany(t, `money${n}.b${i}`, `${name}${n}`, 9000 + n * 10 + i);
    const partner = options.jointWinner && i === 2 ? await registerCompany(t, `money${n}.p${i}`, `丁投资有限公司${n}`, 9000 + n * 10 + 5) : undefined;
    const body = partner ? { partners: [{ identifier: company.creditCode, share: '60.00' }, { identifier: partner.creditCode, share: '40.00' }] } : {};
    const app = await t.http().post(`/api/lots/${lotId}/applications`).set(bearer(company.token)).send(body).expect(201);
    if (partner) await t.http().post(`/api/applications/${app.body.id}/acceptance`).set(bearer(partner.token)).expect(201);
    const submitted = await t.http().post(`/api/applications/${app.body.id}/submit`).set(bearer(company.token)).expect(201);
    const subAccount = submitted.body.deposit.subAccount as string;
    const txnId = `DEP${n}${i}${Date.now() % 100000}`;
    const notice = await postNotice(t, bankNotice({ subAccount, amount: terms.deposit as string, payerName: company.name, txnId }));
    if (notice.status !== 200) throw new Error(`the deposit notice was refused: ${notice.status} ${JSON.stringify(notice.body)}`);
    bidders.push({
      name: company.name,
      creditCode: company.creditCode,
      token: company.token,
      bidderId: company.id,
      applicationId: app.body.id as string,
      subAccount,
      depositTxnId: txnId,
      ...(partner ? { partner: { name: partner.name, creditCode: partner.creditCode, token: partner.token, bidderId: partner.id } } : {}),
    });
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
