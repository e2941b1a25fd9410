/** 中文：console section /console/sale (features/console/sale). en-us/console/sale.ts has the same keys. */
export const consoleSaleZhCN = {
  title: '交易组织',
};
export type ConsoleSaleMessages = typeof consoleSaleZhCN;
