import type { ConsoleSupervisionMessages } from '../../zh-cn/console/supervision';

/** English: console section /console/supervision. */
export const consoleSupervisionEnUS: ConsoleSupervisionMessages = {
  title: 'Supervision',
};
