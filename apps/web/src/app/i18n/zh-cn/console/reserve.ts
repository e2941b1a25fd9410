/** 中文：console section /console/reserve (features/console/reserve). en-us/console/reserve.ts has the same keys. */
export const consoleReserveZhCN = {
  title: '土地储备',
};
export type ConsoleReserveMessages = typeof consoleReserveZhCN;
