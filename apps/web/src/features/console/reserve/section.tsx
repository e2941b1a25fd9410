import type { ConsoleSection } from '../section';

/** /console/reserve: see the menu below. Pages load lazily. */
export const reserveSection: ConsoleSection = {
  key: 'reserve',
  roles: ['reserve_officer'],
  label: 'features.console.reserve.title',
  menu: [{ path: '', label: 'features.console.reserve.title' }],
  routes: [{ index: true, lazy: async () => ({ Component: (await import('../shared/coming-soon-page')).ComingSoonPage }) }],
};
