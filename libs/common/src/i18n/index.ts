export * from './error-messages.zh';
export * from './language';
export * from './localize';
export * from './localized-acks.interceptor';
export * from './validation-messages.zh';
