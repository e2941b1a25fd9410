import { Logger, type INestApplication } from '@nestjs/common';
import { TradingQueryService, TradingService } from '@app/bidding';
import { Money } from '@app/money';
import type { DemoLiveLot } from './demo-seed';

/**
 * Simulated bidders for the demo's live lot (DEMO=on, first start only): a quote or two on the listing
 * board, then bids in the timed final round at irregular intervals until each one's private limit,
 * after which the countdown runs out and the lot closes. They bid through the same TradingService as
 * real bidders (row lock, database clock, hash chain); bidder1 can join in from the bidder room.
 */
export function startDemoBidders(app: INestApplication, live: DemoLiveLot): () => Promise<void> {
  const trading = app.get(TradingService);
  const query = app.get(TradingQueryService);
  const logger = new Logger('DemoBidders');
  const limits = ['14600000.00', '15300000.00', '14900000.00'].map((v) => Money.of(v));
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let n = 0;
  let inFlight: Promise<void> | undefined;

  const step = async () => {
    if (stopped) return;
    try {
      const { snapshot } = await query.join(live.lotId, Number.MAX_SAFE_INTEGER);
      if (['closed_sold', 'closed_unsold', 'terminated'].includes(snapshot.phase)) return void (stopped = true);
      if ((snapshot.phase === 'listing' || snapshot.phase === 'timed_round') && snapshot.minimumNextPrice) {
        const next = Money.of(snapshot.minimumNextPrice);
        const willing = live.simulated.filter((s, i) => s.bidderNumber !== snapshot.leaderNumber && next.toDecimal().lte(limits[i].toDecimal()));
        const quotesDone = snapshot.phase === 'listing' && snapshot.seq >= 3;
        if (willing.length > 0 && !quotesDone) {
          const who = willing[n % willing.length];
          await trading.placeBids(live.lotId, [{ applicationId: who.applicationId, bidderNumber: who.bidderNumber, clientBidId: `demo-${n++}`, price: next }]);
        }
      }
    } catch (err) {
      logger.warn({ err }, 'a simulated bid failed');
    }
    if (!stopped) schedule(4_000 + Math.floor(Math.random() * 14_000));
  };
  const schedule = (ms: number) => {
    timer = setTimeout(() => {
      inFlight = step().finally(() => (inFlight = undefined));
    }, ms);
  };
  schedule(3_000);
  logger.log('simulated bidders 027, 031 and 046 are bidding on SG-DEMO-L03 (演示)');
  // Stopping waits for a bid in flight, so it never runs into a closing pool.
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await inFlight;
  };
}
