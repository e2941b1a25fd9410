import type { RouteObject } from 'react-router';
import { SECTIONS } from './sections';
import { RequireRole } from './shared/require-role';

/**
 * The staff consoles under /console: the signed-in layout (menu by role), the home page, then each
 * section at /console/<key> behind its role check. Pages load lazily, section by section.
 */
export const consoleRoutes: RouteObject[] = [
  {
    lazy: async () => ({ Component: (await import('./console-layout')).ConsoleLayout }),
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./console-home-page')).ConsoleHomePage }) },
      ...SECTIONS.map((s): RouteObject => ({ path: s.key, element: <RequireRole roles={s.roles} />, children: s.routes })),
    ],
  },
];
