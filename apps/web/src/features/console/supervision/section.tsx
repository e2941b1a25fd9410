import type { ConsoleSection } from '../section';

/** /console/supervision: see the menu below. Pages load lazily. */
export const supervisionSection: ConsoleSection = {
  key: 'supervision',
  roles: ['supervisor'],
  label: 'features.console.supervision.title',
  menu: [{ path: '', label: 'features.console.supervision.title' }],
  routes: [{ index: true, lazy: async () => ({ Component: (await import('../shared/coming-soon-page')).ComingSoonPage }) }],
};
