import type { ConsoleReserveMessages } from '../../zh-cn/console/reserve';

/** English: console section /console/reserve. */
export const consoleReserveEnUS: ConsoleReserveMessages = {
  title: 'Land reserve',
};
