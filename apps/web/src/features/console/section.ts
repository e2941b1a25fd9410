import type { RouteObject } from 'react-router';
import type { RoleName } from '@web/app/auth/auth-context';

/** One entry of a section's menu: a page under /console/<section>/<path>. */
export interface ConsoleMenuEntry {
  /** The page's path inside its section ('' for the section's first page). */
  path: string;
  /** The i18n key of its label. */
  label: string;
}

/**
 * A console section: the pages one role works in, mounted at /console/<key>. The layout shows a
 * section's menu only to the roles it names, and its pages answer "no access" to anybody else. The
 * server's permission matrix stays the authority: this only spares a user menus they cannot use.
 */
export interface ConsoleSection {
  key: string;
  roles: readonly RoleName[];
  /** The i18n key of the menu group's title. */
  label: string;
  menu: readonly ConsoleMenuEntry[];
  routes: RouteObject[];
}
