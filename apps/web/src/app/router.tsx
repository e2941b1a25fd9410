import { createBrowserRouter, type RouteObject } from 'react-router';
import { bidderRoutes } from '@web/features/bidder/routes';
import { consoleRoutes } from '@web/features/console/routes';
import { portalRoutes } from '@web/features/portal/routes';
import { roomRoutes } from '@web/features/room/routes';
import { AppLayout } from './layout/app-layout';

/**
 * The whole URL space. Each audience (features/*) owns a routes file of small route objects whose
 * pages load lazily, so a visitor of the portal downloads no bidder, room or console code.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    children: [
      ...portalRoutes,
      { path: 'login', lazy: async () => ({ Component: (await import('./auth/login-page')).LoginPage }) },
      { path: 'bidder', children: bidderRoutes },
      { path: 'room', children: roomRoutes },
      { path: 'console', children: consoleRoutes },
      { path: '*', lazy: async () => ({ Component: (await import('./not-found-page')).NotFoundPage }) },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
