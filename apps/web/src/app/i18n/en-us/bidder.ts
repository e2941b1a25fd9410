import type { BidderMessages } from '../zh-cn/bidder';

export const bidderEnUS: BidderMessages = {};
