/** 中文：the bidder feature's own texts (features/bidder). en-us/bidder.ts has the same keys. */
export const bidderZhCN = {};
export type BidderMessages = typeof bidderZhCN;
