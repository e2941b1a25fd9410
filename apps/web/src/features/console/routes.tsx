import type { RouteObject } from 'react-router';

/** Staff consoles, one folder per role (console/<role>/): reserve, trading, pricing, supervisor, finance. */
export const consoleRoutes: RouteObject[] = [{ index: true, lazy: async () => ({ Component: (await import('./console-home-page')).ConsoleHomePage }) }];
