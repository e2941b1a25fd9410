/** 中文：console section /console/finance (features/console/finance). en-us/console/finance.ts has the same keys. */
export const consoleFinanceZhCN = {
  title: '保证金与对账',
};
export type ConsoleFinanceMessages = typeof consoleFinanceZhCN;
