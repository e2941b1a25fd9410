import type { ConsoleSection } from '../section';

/** /console/pricing: see the menu below. Pages load lazily. */
export const pricingSection: ConsoleSection = {
  key: 'pricing',
  roles: ['pricing_committee'],
  label: 'features.console.pricing.title',
  menu: [{ path: '', label: 'features.console.pricing.title' }],
  routes: [{ index: true, lazy: async () => ({ Component: (await import('../shared/coming-soon-page')).ComingSoonPage }) }],
};
