import type { ConsoleListingMessages } from '../../zh-cn/console/listing';

/** English: console section /console/listing. */
export const consoleListingEnUS: ConsoleListingMessages = {
  title: 'Announcements',
};
