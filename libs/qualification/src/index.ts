export * from './application/application.service';
export * from './application/bidder.service';
export * from './qualification.module';
export * from './application/seeded-bidder';
export * from './application/practice-seats';
