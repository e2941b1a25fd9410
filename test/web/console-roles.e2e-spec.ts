import type { Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/test-app';
import { listen } from '../support/trading';
import { DESKTOP, ensureWebBuilt, launchBrowser, newPage, screenshot, seriousAxeViolations, type BrowserSession } from './browser';
import { consoleMenu, loginStaff, staffAccount } from './support/console';
import { loginInBrowser } from './support/room';

/**
 * Each role sees only its own menu, and no page it cannot use: the test logs in as each role in
 * Debian's chromium, reads the console menu, and opens every other section's page by its URL (a
 * link typed in), which answers "无权访问" and asks the API nothing. Screenshots:
 * test/web/screenshots/console-home-<role>.png.
 */
const SECTIONS: Record<string, { title: string; path: string }> = {
  reserve: { title: '土地储备', path: '/console/reserve' },
  listing: { title: '出让公告', path: '/console/listing' },
  sale: { title: '交易组织', path: '/console/sale' },
  pricing: { title: '底价评议', path: '/console/pricing' },
  supervision: { title: '监督审批', path: '/console/supervision' },
  finance: { title: '保证金与对账', path: '/console/finance' },
  books: { title: '合同与账务', path: '/console/books' },
  admin: { title: '系统管理', path: '/console/admin' },
};

const ROLE_SECTIONS: Record<string, string[]> = {
  reserve_officer: ['reserve'],
  trading_officer: ['listing', 'sale'],
  pricing_committee: ['pricing'],
  supervisor: ['supervision'],
  finance_officer: ['finance', 'books'],
  admin: ['admin'],
};

describe('the console shows each role only its own menu and pages', () => {
  let t: TestApp;
  let base: string;
  let session: BrowserSession;

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp();
    base = (await listen(t)).replace(/\/auction$/, '');
    session = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await session?.close();
    await t?.close();
  });

  /** The menu's group titles, in order. */
  async function menuGroups(page: Page): Promise<string[]> {
    return (await consoleMenu(page).locator('.ant-menu-item-group-title').allTextContents()).map((s) => s.trim());
  }

  it.each(Object.entries(ROLE_SECTIONS))('a %s sees only its own sections, and every other section answers no access', async (role, own) => {
    const page = await newPage(session, DESKTOP);
    try {
      await loginStaff(page, base, await staffAccount(t, [role], role.replace('_', '')));
      await consoleMenu(page).waitFor();
      expect(await menuGroups(page)).toEqual(own.map((k) => SECTIONS[k].title));
      // The header offers the console, not the bidder area.
      const nav = page.getByRole('navigation', { name: '导航菜单' });
      expect(await nav.getByRole('link', { name: '工作台' }).count()).toBe(1);
      expect(await nav.getByRole('link', { name: '竞买人' }).count()).toBe(0);
      await screenshot(page, `console-home-${role}`);
      expect(await seriousAxeViolations(page)).toEqual([]);

      for (const [key, s] of Object.entries(SECTIONS)) {
        await page.goto(`${base}${s.path}`);
        if (own.includes(key)) {
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          expect({ key, forbidden: await page.getByTestId('console-forbidden').count() }).toEqual({ key, forbidden: 0 });
        } else {
          await page.getByTestId('console-forbidden').waitFor();
          expect(await page.getByRole('heading', { level: 1, name: '无权访问' }).count()).toBe(1);
        }
      }
    } finally {
      await page.context().close();
    }
  }, 120_000);

  it('a bidder is told the console is for staff, and a visitor is sent to the login page', async () => {
    const page = await newPage(session, DESKTOP);
    try {
      await page.goto(`${base}/console/finance`);
      await page.waitForURL((url) => url.pathname === '/login');
      const username = await staffAccount(t, ['bidder'], 'bidder');
      await loginInBrowser(page, base, username, undefined, '/console');
      await page.getByRole('heading', { level: 1, name: '工作台仅供工作人员使用' }).waitFor();
      expect(await consoleMenu(page).count()).toBe(0);
      const nav = page.getByRole('navigation', { name: '导航菜单' });
      expect(await nav.getByRole('link', { name: '工作台' }).count()).toBe(0);
    } finally {
      await page.context().close();
    }
  }, 120_000);
});
