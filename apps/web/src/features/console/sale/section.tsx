import type { ConsoleSection } from '../section';

/** /console/sale: see the menu below. Pages load lazily. */
export const saleSection: ConsoleSection = {
  key: 'sale',
  roles: ['trading_officer'],
  label: 'features.console.sale.title',
  menu: [{ path: '', label: 'features.console.sale.title' }],
  routes: [{ index: true, lazy: async () => ({ Component: (await import('../shared/coming-soon-page')).ComingSoonPage }) }],
};
