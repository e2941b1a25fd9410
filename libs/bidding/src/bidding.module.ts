import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReserveModule } from '@app/reserve';
import { AuctionClock } from './application/auction-clock.service';
import { BidQueue } from './application/bid-queue';
import { BIDDING_DEFAULT_OPTIONS, BIDDING_OPTIONS, type BiddingOptions } from './application/bidding-options';
import { LiveEvents } from './application/live-events';
import { TradingQueryService } from './application/trading-query.service';
import { TradingService } from './application/trading.service';
import { TradingController } from './http/trading.controller';
import { BIDDING_ENTITIES } from './persistence/bidding.entities';
import { AuctionGateway } from './realtime/auction.gateway';

/** Live trading: the engine on the database, the auction clock, the `/auction` gateway and the public chain. */
@Module({})
export class BiddingModule {
  static forRoot(options: Partial<BiddingOptions> & { reserveKey: Buffer; listing: DynamicModule }): DynamicModule {
    const { listing, ...rest } = options;
    const resolved: BiddingOptions = { ...BIDDING_DEFAULT_OPTIONS, ...stripUndefined(rest), reserveKey: options.reserveKey };
    return {
      module: BiddingModule,
      imports: [listing, ReserveModule, TypeOrmModule.forFeature(BIDDING_ENTITIES)],
      controllers: [TradingController],
      providers: [{ provide: BIDDING_OPTIONS, useValue: resolved }, LiveEvents, TradingService, TradingQueryService, BidQueue, AuctionClock, AuctionGateway],
      exports: [TradingService, TradingQueryService, AuctionClock],
    };
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
