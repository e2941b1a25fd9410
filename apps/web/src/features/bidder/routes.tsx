import type { RouteObject } from 'react-router';

/**
 * The bidder area. The overview and the registration are open to anyone; every other page sits under
 * the signed-in layout (its sub-navigation, and the way to the login page). Pages load lazily.
 */
export const bidderRoutes: RouteObject[] = [
  { index: true, lazy: async () => ({ Component: (await import('./bidder-home-page')).BidderHomePage }) },
  { path: 'register', lazy: async () => ({ Component: (await import('./register-page')).RegisterPage }) },
  {
    lazy: async () => ({ Component: (await import('./bidder-layout')).BidderLayout }),
    children: [
      { path: 'applications', lazy: async () => ({ Component: (await import('./applications-page')).ApplicationsPage }) },
      { path: 'applications/:id', lazy: async () => ({ Component: (await import('./application-page')).ApplicationPage }) },
      { path: 'applications/:id/deposit', lazy: async () => ({ Component: (await import('./deposit-page')).DepositPage }) },
      { path: 'applications/:id/certificate', lazy: async () => ({ Component: (await import('./certificate-page')).CertificatePage }) },
      { path: 'lots/:lotId/apply', lazy: async () => ({ Component: (await import('./apply-page')).ApplyPage }) },
      { path: 'notifications', lazy: async () => ({ Component: (await import('./notifications-page')).NotificationsPage }) },
      { path: 'results', lazy: async () => ({ Component: (await import('./results-page')).ResultsPage }) },
      { path: 'account', lazy: async () => ({ Component: (await import('./account-page')).AccountPage }) },
    ],
  },
];
