import type { RouteObject } from 'react-router';

/** The bidder area (registration, applications, deposits, results): pages come with issue 11 §3. */
export const bidderRoutes: RouteObject[] = [{ index: true, lazy: async () => ({ Component: (await import('./bidder-home-page')).BidderHomePage }) }];
