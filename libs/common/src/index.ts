export * from './domain-error';
export * from './pagination';
export * from './request-context';
export * from './sequential';
