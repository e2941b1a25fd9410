import type { ConsoleSection } from '../section';

/** /console/books: see the menu below. Pages load lazily. */
export const booksSection: ConsoleSection = {
  key: 'books',
  roles: ['finance_officer'],
  label: 'features.console.books.title',
  menu: [{ path: '', label: 'features.console.books.title' }],
  routes: [{ index: true, lazy: async () => ({ Component: (await import('../shared/coming-soon-page')).ComingSoonPage }) }],
};
