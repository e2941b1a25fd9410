/** 中文：console section /console/pricing (features/console/pricing). en-us/console/pricing.ts has the same keys. */
export const consolePricingZhCN = {
  title: '底价评议',
};
export type ConsolePricingMessages = typeof consolePricingZhCN;
