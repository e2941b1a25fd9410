export * from './application/disclosure.service';
export * from './disclosure.module';
export * from './persistence/public-notice.entity';
