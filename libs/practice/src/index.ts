export * from './application/practice-cleanup.service';
export * from './application/practice-options';
export * from './application/practice.service';
export * from './domain/practice-plan';
export * from './persistence/practice-lot.entity';
export * from './practice.module';
