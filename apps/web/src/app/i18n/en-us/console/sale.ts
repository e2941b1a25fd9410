import type { ConsoleSaleMessages } from '../../zh-cn/console/sale';

/** English: console section /console/sale. */
export const consoleSaleEnUS: ConsoleSaleMessages = {
  title: 'Sales',
};
