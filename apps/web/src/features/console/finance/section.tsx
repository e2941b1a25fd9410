import type { ConsoleSection } from '../section';

/** /console/finance: see the menu below. Pages load lazily. */
export const financeSection: ConsoleSection = {
  key: 'finance',
  roles: ['finance_officer'],
  label: 'features.console.finance.title',
  menu: [{ path: '', label: 'features.console.finance.title' }],
  routes: [{ index: true, lazy: async () => ({ Component: (await import('../shared/coming-soon-page')).ComingSoonPage }) }],
};
