import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What the bidding context does for a lot in trading when its announcement is suspended or resumed. */
export interface LiveTradingHandler {
  /** Suspends the lot's trading in the engine (an event on its chain); false when it is not trading, so listing suspends it. */
  suspend(em: EntityManager, lotId: string, reason: string): Promise<boolean>;
  /** Schedules the resumption of a lot the engine suspended; false when listing resumes it. */
  scheduleResumption(em: EntityManager, lotId: string, resumesAt: Date, reason: string): Promise<boolean>;
}

/**
 * The bidding context registers here at start-up: a lot whose trading has opened is suspended and
 * resumed through the engine, in the same transaction as the announcement's step, so the clock stops
 * and the deadline moves by the suspended time as in a freeze. Listing does not reach into bidding.
 */
@Injectable()
export class LiveTrading {
  private handler?: LiveTradingHandler;

  register(handler: LiveTradingHandler): void {
    this.handler = handler;
  }

  suspend(em: EntityManager, lotId: string, reason: string): Promise<boolean> {
    return this.handler ? this.handler.suspend(em, lotId, reason) : Promise.resolve(false);
  }

  scheduleResumption(em: EntityManager, lotId: string, resumesAt: Date, reason: string): Promise<boolean> {
    return this.handler ? this.handler.scheduleResumption(em, lotId, resumesAt, reason) : Promise.resolve(false);
  }
}
