export * from './application/settings.service';
export * from './domain/setting-definitions';
export * from './settings.module';
