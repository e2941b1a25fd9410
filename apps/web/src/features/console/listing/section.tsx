import type { ConsoleSection } from '../section';

/** /console/listing: see the menu below. Pages load lazily. */
export const listingSection: ConsoleSection = {
  key: 'listing',
  roles: ['trading_officer'],
  label: 'features.console.listing.title',
  menu: [{ path: '', label: 'features.console.listing.title' }],
  routes: [{ index: true, lazy: async () => ({ Component: (await import('../shared/coming-soon-page')).ComingSoonPage }) }],
};
