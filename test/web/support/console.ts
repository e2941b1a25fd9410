import type { Page } from 'playwright-core';
import type { TestApp } from '../../support/test-app';
import { loginInBrowser } from './room';

/**
 * Browser steps of the staff consoles (/console), for any browser test: make a staff account with its
 * roles and log it in through the login page (staff land on /console).
 */
let counter = 0;

/** Creates a staff account with these roles (password TEST_PASSWORD) and returns its username. */
export async function staffAccount(t: TestApp, roles: string[], prefix = 'staff'): Promise<string> {
  const username = `${prefix}${process.pid}n${++counter}`;
  await t.tokenFor(roles, username);
  return username;
}

/** Logs a staff account in through /login (or through `from`, which sends it there and back). */
export async function loginStaff(page: Page, base: string, username: string, from?: string): Promise<void> {
  await loginInBrowser(page, base, username, undefined, from);
  if (!from) await page.waitForURL((url) => url.pathname === '/console');
}

/** The console's side menu (its links, in order). */
export function consoleMenu(page: Page) {
  return page.getByTestId('console-menu');
}
