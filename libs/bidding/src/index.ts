export * from './application/auction-clock.service';
export * from './application/bidding-options';
export * from './application/simulated-bidders.service';
export * from './application/trading-query.service';
export * from './application/trading.service';
export * from './bidding.module';
export * from './persistence/bidding.entities';
export * from './realtime/cluster-io.adapter';
