import type { RouteObject } from 'react-router';

/** The bidding room (issue 11 §4): built on lib/lot-room (socket, reducer, server clock) and components/. */
export const roomRoutes: RouteObject[] = [
  { index: true, lazy: async () => ({ Component: (await import('./room-home-page')).RoomHomePage }) },
  { path: 'lots/:lotId', lazy: async () => ({ Component: (await import('./room-page')).RoomPage }) },
];
