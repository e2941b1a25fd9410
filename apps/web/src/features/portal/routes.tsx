import type { RouteObject } from 'react-router';

/** The public portal: no login. Pages load lazily; this file stays tiny (it is in the first load). */
export const portalRoutes: RouteObject[] = [
  { index: true, lazy: async () => ({ Component: (await import('./home-page')).HomePage }) },
  { path: 'lots/:lotId/live', lazy: async () => ({ Component: (await import('./lot-watch-page')).LotWatchPage }) },
];
