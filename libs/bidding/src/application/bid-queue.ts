import { Inject, Injectable, Logger } from '@nestjs/common';
import { BIDDING_OPTIONS, type BiddingOptions } from './bidding-options';
import { TradingService, type BidAck, type PendingBid } from './trading.service';

interface Waiting {
  readonly bid: PendingBid;
  readonly resolve: (ack: BidAck) => void;
}

/**
 * Each instance queues the bids that arrive for a lot and hands them to {@link TradingService.placeBids}
 * in batches (DESIGN.md §4): while one batch holds the lot's row lock, the next bids wait here and go
 * together in the following transaction. An idle lot has no added delay (a lone bid is a batch of one).
 * Order within a lot is arrival order at this instance; across instances the row lock decides.
 */
@Injectable()
export class BidQueue {
  private readonly logger = new Logger(BidQueue.name);
  private readonly queues = new Map<string, Waiting[]>();
  private readonly running = new Set<string>();

  constructor(
    private readonly trading: TradingService,
    @Inject(BIDDING_OPTIONS) private readonly options: BiddingOptions,
  ) {}

  submit(lotId: string, bid: PendingBid): Promise<BidAck> {
    return new Promise<BidAck>((resolve) => {
      const queue = this.queues.get(lotId) ?? [];
      queue.push({ bid, resolve });
      this.queues.set(lotId, queue);
      if (!this.running.has(lotId)) void this.drain(lotId);
    });
  }

  private async drain(lotId: string): Promise<void> {
    this.running.add(lotId);
    try {
      for (;;) {
        const queue = this.queues.get(lotId);
        if (!queue || queue.length === 0) break;
        const batch = queue.splice(0, this.options.batchMax);
        let acks: BidAck[];
        try {
          acks = await this.trading.placeBids(lotId, batch.map((w) => w.bid));
        } catch (err) {
          const code = (err as { code?: unknown }).code;
          this.logger.error({ err, lotId, size: batch.length }, 'bid batch failed; nothing of it was stored');
          const known = typeof code === 'string' && /^[A-Z_]+$/.test(code);
          acks = batch.map(() => ({
            ok: false as const,
            code: known ? code : 'TRY_AGAIN',
            message: known ? (err as Error).message : 'the bid was not stored; send it again with the same clientBidId',
          }));
        }
        batch.forEach((w, i) => w.resolve(acks[i]));
      }
    } finally {
      this.running.delete(lotId);
      if (this.queues.get(lotId)?.length === 0) this.queues.delete(lotId);
    }
  }
}
