import { Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LiveTrading } from '@app/listing';
import { ReserveModule } from '@app/reserve';
import { AfterCommit } from './application/after-commit';
import { AuctionClock } from './application/auction-clock.service';
import { BidQueue } from './application/bid-queue';
import { BIDDING_DEFAULT_OPTIONS, BIDDING_OPTIONS, type BiddingOptions } from './application/bidding-options';
import { LiveEvents } from './application/live-events';
import { SimulatedBidders } from './application/simulated-bidders.service';
import { TradingQueryService } from './application/trading-query.service';
import { TradingService } from './application/trading.service';
import { TradingController } from './http/trading.controller';
import { BIDDING_ENTITIES } from './persistence/bidding.entities';
import { AuctionGateway } from './realtime/auction.gateway';

/** Live trading: the engine on the database, the auction clock, the `/auction` gateway and the public chain. */
@Module({})
export class BiddingModule implements OnModuleInit {
  constructor(
    private readonly liveTrading: LiveTrading,
    private readonly trading: TradingService,
  ) {}

  static forRoot(options: Partial<BiddingOptions> & { reserveKey: Buffer; listing: DynamicModule }): DynamicModule {
    const { listing, ...rest } = options;
    const resolved: BiddingOptions = { ...BIDDING_DEFAULT_OPTIONS, ...stripUndefined(rest), reserveKey: options.reserveKey };
    return {
      module: BiddingModule,
      imports: [listing, ReserveModule, TypeOrmModule.forFeature(BIDDING_ENTITIES)],
      controllers: [TradingController],
      providers: [{ provide: BIDDING_OPTIONS, useValue: resolved }, AfterCommit, LiveEvents, TradingService, TradingQueryService, SimulatedBidders, BidQueue, AuctionClock, AuctionGateway],
      exports: [TradingService, TradingQueryService, SimulatedBidders, AuctionClock],
    };
  }

  /** An announcement suspended or resumed while one of its lots trades: listing hands the lot to the engine. */
  onModuleInit(): void {
    this.liveTrading.register({
      suspend: (em, lotId, reason) => this.trading.suspendLive(em, lotId, reason),
      scheduleResumption: (em, lotId, resumesAt, reason) => this.trading.scheduleResumption(em, lotId, resumesAt, reason),
    });
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
