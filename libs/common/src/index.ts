export * from './domain-error';
export * from './pagination';
export * from './request-context';
export * from './sequential';
export * from './i18n';
export * from './upload-route';
export * from './base64';
