export * from './application/audit.service';
export * from './audit.module';
export * from './persistence/audit-event.entity';
