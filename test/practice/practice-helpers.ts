import { AuctionClock } from '@app/bidding';
import { registerCompany } from '../support/bidders';
import { bearer } from '../support/sale-builder';
import type { TestApp } from '../support/test-app';

/** A registered company bidder (account + bidder registration) that can start practice lots. */
export async function practiceBidder(t: TestApp, username: string, seed: number) {
  const b = await registerCompany(t, username, `${username}模拟演练有限公司`, seed);
  const [{ id }] = (await t.dataSource.query(`SELECT id FROM app_user WHERE username = $1`, [username])) as Array<{ id: string }>;
  return { ...b, username, userId: id };
}

/** Starts a practice lot over HTTP and returns its view (201 expected). */
export async function startPractice(t: TestApp, token: string, body: Record<string, unknown> = {}): Promise<PracticeView> {
  const res = await t.http().post('/api/practice-lots').set(bearer(token)).send(body);
  if (res.status !== 201) throw new Error(`starting a practice lot failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as PracticeView;
}

export interface PracticeView {
  id: string;
  practice: true;
  lotNumber: string;
  title: string;
  method: string;
  capMode: string | null;
  phase: string;
  createdAt: string;
  expiresAt: string;
  schedule: { opensAt: string; listingEnd: string | null; sealedBidDeadline: string | null; openingAt: string | null; countdownSeconds: number | null; warningSeconds: number[] };
  terms: { startPrice: string; increment: string | null; priceCap: string | null; deposit: { amount: string; simulated: true }; parcel: { area: string } | null };
  you: { bidderNumber: string } | null;
  bidderCount: number;
  participants?: Array<{ bidderNumber: string; name: string; username: string | null; simulated: boolean }>;
}

/** Time travel: the practice lot's trading opens now (its board keeps its length); the clock opens it. */
export async function openPracticeNow(t: TestApp, lotId: string): Promise<void> {
  await t.dataSource.query(
    `UPDATE lot SET trading_end = clock_timestamp() + (trading_end - trading_start), opening_at = clock_timestamp() + (opening_at - trading_start), trading_start = clock_timestamp() WHERE id = $1`,
    [lotId],
  );
  await t.app.get(AuctionClock).runOnce();
}

/** Time travel: the simulated bidders of the lot are due now; the clock (which drives them) runs once. */
export async function simulatedTurn(t: TestApp, lotId: string, clock: AuctionClock = t.app.get(AuctionClock)): Promise<void> {
  await t.dataSource.query(`UPDATE simulated_lot SET next_at = clock_timestamp() WHERE lot_id = $1`, [lotId]);
  await clock.runOnce();
}

/** Pauses the simulated bidders of a lot (a test bids by hand meanwhile). */
export async function pauseSimulated(t: TestApp, lotId: string): Promise<void> {
  await t.dataSource.query(`UPDATE simulated_lot SET next_at = 'infinity' WHERE lot_id = $1`, [lotId]);
}

/** Every row a lot produced in the tables a practice lot touches, counted per table. */
export async function rowsOf(t: TestApp, lotId: string): Promise<Record<string, number>> {
  const [row] = (await t.dataSource.query(
    `SELECT (SELECT count(*)::int FROM lot WHERE id = $1) AS lot,
            (SELECT count(*)::int FROM announcement a JOIN lot l ON l.announcement_id = a.id WHERE l.id = $1) AS announcement,
            (SELECT count(*)::int FROM practice_lot WHERE lot_id = $1) AS practice_lot,
            (SELECT count(*)::int FROM application WHERE lot_id = $1) AS application,
            (SELECT count(*)::int FROM lot_event WHERE lot_id = $1) AS lot_event,
            (SELECT count(*)::int FROM bid WHERE lot_id = $1) AS bid,
            (SELECT count(*)::int FROM bid_rejection WHERE lot_id = $1) AS bid_rejection,
            (SELECT count(*)::int FROM sealed_value WHERE lot_id = $1) AS sealed_value,
            (SELECT count(*)::int FROM lottery_seed WHERE lot_id = $1) AS lottery_seed,
            (SELECT count(*)::int FROM result WHERE lot_id = $1) AS result,
            (SELECT count(*)::int FROM simulated_lot WHERE lot_id = $1) AS simulated_lot,
            (SELECT count(*)::int FROM simulated_bidder WHERE lot_id = $1) AS simulated_bidder`,
    [lotId],
  )) as Array<Record<string, number>>;
  return row!;
}
