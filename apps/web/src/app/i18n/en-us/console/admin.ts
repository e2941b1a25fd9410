import type { ConsoleAdminMessages } from '../../zh-cn/console/admin';

/** English: console section /console/admin. */
export const consoleAdminEnUS: ConsoleAdminMessages = {
  title: 'Administration',
};
