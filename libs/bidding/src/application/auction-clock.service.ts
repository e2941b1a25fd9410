import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { BIDDING_OPTIONS, type BiddingOptions } from './bidding-options';
import { SimulatedBidders } from './simulated-bidders.service';
import { TradingService } from './trading.service';

/**
 * The auction clock (DESIGN.md §4, Time). Every instance runs one: every `clockIntervalMs` it takes the
 * lots whose `due_at` has passed, one at a time with `FOR UPDATE SKIP LOCKED`, and ticks them. Two
 * instances never tick the same lot at once, a closing and a last-second bid are serialized by the
 * row lock, and after a restart the clock simply reads `due_at` again: nothing lives in memory.
 * Each pass then moves the simulated bidders that are due (the demo's and practice lots'), taken the
 * same way, one instance per lot.
 */
@Injectable()
export class AuctionClock implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(AuctionClock.name);
  private timer?: NodeJS.Timeout;
  private current?: Promise<number>;
  private stopped = false;

  constructor(
    private readonly trading: TradingService,
    private readonly simulated: SimulatedBidders,
    @Inject(BIDDING_OPTIONS) private readonly options: BiddingOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.clockIntervalMs > 0) {
      this.timer = setInterval(() => {
        if (!this.current) void this.runOnce();
      }, this.options.clockIntervalMs);
    }
  }

  /** Shutdown: no new pass, and the one in progress finishes before sockets and pools close. */
  async beforeApplicationShutdown(): Promise<void> {
    this.onApplicationShutdown();
    while (this.current) await this.current.catch(() => undefined);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
  }

  /**
   * Ticks every due lot once; returns how many were ticked. If a run is in progress (the timer's), it
   * waits for it and then runs again, so a caller always gets a full pass after its call. Tests and
   * the benchmark call it directly.
   */
  async runOnce(limit = 100): Promise<number> {
    while (this.current) await this.current.catch(() => undefined);
    if (this.stopped) return 0;
    const run = this.pass(limit);
    this.current = run;
    try {
      return await run;
    } finally {
      if (this.current === run) this.current = undefined;
    }
  }

  private async pass(limit: number): Promise<number> {
    let n = 0;
    try {
      const seen = new Set<string>();
      while (n < limit && !this.stopped) {
        const lotId = await this.trading.tickNextDue();
        if (!lotId || seen.has(lotId)) break;
        seen.add(lotId);
        n++;
      }
    } catch (err) {
      if (!this.stopped) this.logger.error({ err }, 'clock tick failed');
    }
    try {
      if (!this.stopped) await this.simulated.driveDue();
    } catch (err) {
      if (!this.stopped) this.logger.error({ err }, 'driving the simulated bidders failed');
    }
    return n;
  }
}
