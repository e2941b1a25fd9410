/**
 * The bidding context's pure domain: the auction engine ({@link decide}) and its rules. No Nest, no
 * TypeORM, no I/O (node:crypto for hashes only).
 */
export * from './bid-rules';
export * from './cap-modes';
export * from './commands';
export * from './countdown';
export * from './decision';
export * from './engine';
export * from './events';
export * from './freeze';
export * from './hash-chain';
export * from './listing-end';
export * from './rejections';
export * from './suspension';
export * from './tender';
export * from './trading-state';
export * from './simulated-bidders';
