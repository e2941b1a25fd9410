import type { ConsoleSection } from '../section';

/** /console/admin: see the menu below. Pages load lazily. */
export const adminSection: ConsoleSection = {
  key: 'admin',
  roles: ['admin'],
  label: 'features.console.admin.title',
  menu: [{ path: '', label: 'features.console.admin.title' }],
  routes: [{ index: true, lazy: async () => ({ Component: (await import('../shared/coming-soon-page')).ComingSoonPage }) }],
};
