export * from './auction';
export * from './identity-codes';
