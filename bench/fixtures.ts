import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { TokenService, UserEntity } from '@app/auth';
import { seedQualifiedBidder } from '@app/qualification';

/** Auction terms for the benchmark: at-least-one increment, no jump limit, a long countdown (nothing closes mid-run). */
export const BENCH_TERMS = {
  method: 'auction',
  startPrice: '10000000.00',
  increment: '1000.00',
  incrementPolicy: 'at_least_one',
  deposit: '2000000.00',
  priceUnit: 'total',
  hasReserve: false,
  countdownSeconds: 3600,
  warningSeconds: [60],
  minBidders: 1,
  eligibility: { jointBidsAllowed: false, review: 'post_review', exclusions: '' },
};

/** `count` auction lots open for applications, trading tomorrow (`opened` in run.ts moves the start to now), written straight to the database. */
export async function benchLots(ds: DataSource, count: number, prefix: string): Promise<string[]> {
  const [a] = (await ds.query(`INSERT INTO announcement (number, title, body, status, published_at) VALUES ($1, '基准测试公告', '基准测试', 'published', now()) RETURNING id`, [`BENCH-${prefix}-${randomUUID().slice(0, 8)}`])) as Array<{ id: string }>;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const [lot] = (await ds.query(
      `INSERT INTO lot (announcement_id, lot_number, title, method, phase, start_price, increment, deposit, terms, application_start, application_end, deposit_deadline,
                        trading_start, registration_close, reserve_seal_deadline, version)
       VALUES ($1, $2, '基准测试地块', 'auction', 'applying', 10000000.00, 1000.00, 2000000.00, $3, now() - interval '3 hours', now() - interval '2 hours',
               now() - interval '2 hours', now() + interval '1 day', now() - interval '2 hours', now() - interval '1 hour', 1) RETURNING id`,
      [a.id, `${prefix}-${i}-${randomUUID().slice(0, 6)}`, JSON.stringify(BENCH_TERMS)],
    )) as Array<{ id: string }>;
    ids.push(lot.id);
  }
  return ids;
}

/** `count` bidder accounts qualified on every lot given; returns their access tokens. */
export async function benchBidders(ds: DataSource, tokens: TokenService, lotIds: readonly string[], count: number, prefix: string): Promise<string[]> {
  const out: string[] = [];
  await ds.transaction(async (em) => {
    for (let i = 0; i < count; i++) {
      const username = `${prefix}.b${i}`.toLowerCase();
      const seeded = await seedQualifiedBidder(em, {
        username,
        name: `基准竞买人${prefix}${i}`,
        identifier: `BENCH${prefix}${i}`.slice(0, 40),
        kind: 'person',
        lots: lotIds.map((lotId) => ({ lotId, bidderNumber: String(1000 + i) })),
      });
      const user = { id: seeded.userId };
      const user_ = await em.findOneByOrFail(UserEntity, { id: user.id });
      out.push((await tokens.issue(em, user_)).accessToken);
    }
  });
  return out;
}
