import type { RouteObject } from 'react-router';

/** The public portal: no login. Pages load lazily; this file stays tiny (it is in the first load). */
export const portalRoutes: RouteObject[] = [
  { index: true, lazy: async () => ({ Component: (await import('./home-page')).HomePage }) },
  { path: 'notices', lazy: async () => ({ Component: (await import('./notices-page')).NoticesPage }) },
  { path: 'notices/:noticeId', lazy: async () => ({ Component: (await import('./notice-page')).NoticePage }) },
  { path: 'announcements/:announcementId', lazy: async () => ({ Component: (await import('./announcement-page')).AnnouncementPage }) },
  { path: 'lots/:lotId', lazy: async () => ({ Component: (await import('./lot-page')).LotPage }) },
  { path: 'lots/:lotId/live', lazy: async () => ({ Component: (await import('./lot-watch-page')).LotWatchPage }) },
  { path: 'lots/:lotId/result', lazy: async () => ({ Component: (await import('./result-page')).ResultPage }) },
  { path: 'results', lazy: async () => ({ Component: (await import('./results-page')).ResultsPage }) },
  { path: 'statistics', lazy: async () => ({ Component: (await import('./statistics-page')).StatisticsPage }) },
];
