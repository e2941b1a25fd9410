import type { ConsoleBooksMessages } from '../../zh-cn/console/books';

/** English: console section /console/books. */
export const consoleBooksEnUS: ConsoleBooksMessages = {
  title: 'Contracts and books',
};
