import type { Page } from 'playwright-core';
import { PasswordHasher } from '@app/auth/application/password-hasher';
import { TEST_PASSWORD, type TestApp } from '../../support/test-app';

/**
 * Browser steps of the bidding room (/room), for any browser test: log a bidder in through the login
 * page, open a lot's room, and bid the way a person does (type, 出价, read the confirmation, 确认出价).
 */

/** Gives a seeded account (test/support/trading qualifiedBidders) a password, so it can log in in the browser. */
export async function givePassword(t: TestApp, userId: string, password = TEST_PASSWORD): Promise<void> {
  const hash = await t.app.get(PasswordHasher).hash(password);
  await t.dataSource.query(`UPDATE app_user SET password_hash = $2 WHERE id = $1`, [userId, hash]);
}

/**
 * Logs in through /login and waits until the session is up. With `from` (a protected page such as a
 * room), it opens that page first, is sent to the login page, and comes back to it after logging in.
 */
export async function loginInBrowser(page: Page, base: string, username: string, password = TEST_PASSWORD, from?: string): Promise<void> {
  await page.goto(`${base}${from ?? '/login'}`);
  await page.waitForURL((url) => url.pathname === '/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.locator('form').getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** Opens a lot's bidding room and waits for its live price board. */
export async function openRoom(page: Page, base: string, lotId: string): Promise<void> {
  if (!page.url().endsWith(`/room/lots/${lotId}`)) await page.goto(`${base}/room/lots/${lotId}`);
  await page.getByTestId('current-price').filter({ hasText: '元' }).waitFor();
}

/** The bid panel's price input (its accessible name). */
export const priceInput = (page: Page) => page.getByRole('textbox', { name: '报价（元）' });

export interface ConfirmationText {
  yuan: string;
  wan: string;
  capital: string;
}

/** Types a price, presses 出价 and returns what the confirmation shows, leaving the dialog open. */
export async function openBidConfirmation(page: Page, price: string): Promise<ConfirmationText> {
  await priceInput(page).fill(price);
  await page.getByTestId('bid-submit').click();
  const dialog = page.getByRole('dialog', { name: '请确认报价' });
  await dialog.waitFor();
  // Its opening animation finished: what a person (and a screenshot) reads is the settled dialog.
  await page.waitForFunction('document.getAnimations().length === 0');
  return {
    yuan: await dialog.getByTestId('confirm-yuan').innerText(),
    wan: await dialog.getByTestId('confirm-wan').innerText(),
    capital: await dialog.getByTestId('confirm-capital').innerText(),
  };
}

/** Confirms the open dialog and returns the server's answer as the room shows it (accepted or refused, in words). */
export async function confirmBid(page: Page): Promise<{ ok: boolean; text: string }> {
  const count = await page.getByTestId('my-bids').getByRole('listitem').count().catch(() => 0);
  await page.getByRole('dialog', { name: '请确认报价' }).getByRole('button', { name: '确认出价' }).click();
  // The newest bid heads the list: wait for it to be added and answered (the test's tsconfig has no DOM types, hence a string).
  await page.waitForFunction(`(() => { const items = document.querySelectorAll('[data-testid="my-bids"] > li'); return items.length > ${count} && !items[0].classList.contains('my-bid-pending'); })()`);
  const first = page.getByTestId('my-bids').getByRole('listitem').first();
  const text = await first.innerText();
  return { ok: (await first.getAttribute('class'))?.includes('my-bid-committed') === true, text };
}

/** Bids `price` in the open room: fills it in, confirms, and returns the answer. */
export async function placeBidInRoom(page: Page, price: string): Promise<{ ok: boolean; text: string }> {
  await openBidConfirmation(page, price);
  return confirmBid(page);
}
