export * from './application/announcement.service';
export * from './application/applicant-directory';
export * from './application/live-trading';
export * from './application/practice-lot-writer';
export * from './application/reserve-price.service';
export * from './listing.module';
export * from './persistence/lot.entity';
export * from './application/lot-mapping';
