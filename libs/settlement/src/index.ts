export * from './application/settlement-options';
export * from './application/settlement.service';
export * from './settlement.module';
