import type { ConsoleMessages } from '../zh-cn/console';

export const consoleEnUS: ConsoleMessages = {};
