import type { ConsoleFinanceMessages } from '../../zh-cn/console/finance';

/** English: console section /console/finance. */
export const consoleFinanceEnUS: ConsoleFinanceMessages = {
  title: 'Deposits and reconciliation',
};
