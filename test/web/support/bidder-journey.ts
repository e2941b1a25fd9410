import type { Page } from 'playwright-core';
import { AuctionClock } from '@app/bidding';
import { simulateDeposit } from '../../support/bank';
import { bearer } from '../../support/sale-builder';
import type { TestApp } from '../../support/test-app';

/**
 * The steps of a bidder's journey through the browser, reusable by other browser tests (the bidding
 * step in the room is appended by its own test): register, log in, apply, upload, submit, and the
 * outside world's part through the API (staff review, the development bank paying the deposit).
 */

export interface BrowserBidder {
  name: string;
  creditCode: string;
  username: string;
  password: string;
}

/** The lot's application window opens now (it was published for later): the clock moves it to `applying`. */
export async function openApplicationsNow(t: TestApp, lotId: string): Promise<void> {
  await t.dataSource.query(`UPDATE lot SET application_start = now() - interval '1 minute', due_at = NULL WHERE id = $1`, [lotId]);
  for (let attempt = 0; attempt < 50; attempt++) {
    await t.app.get(AuctionClock).runOnce();
    const [{ phase }] = (await t.dataSource.query(`SELECT phase FROM lot WHERE id = $1`, [lotId])) as Array<{ phase: string }>;
    if (phase === 'applying') return;
    // Another instance's clock may hold the row for a moment (SKIP LOCKED): try again.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`lot ${lotId} did not open for applications`);
}

/** Fills the registration form of a company (the page must be open at /bidder/register); does not submit. */
export async function fillCompanyRegistration(page: Page, b: BrowserBidder): Promise<void> {
  await page.getByRole('radio', { name: '企业法人' }).check();
  await page.getByLabel('单位名称').fill(b.name);
  await page.getByLabel('统一社会信用代码').fill(b.creditCode);
  await page.getByLabel('法定代表人').fill('王建国');
  await page.getByLabel('联系人').fill('李明');
  await page.getByLabel('联系电话').fill('13805360000');
  await page.getByLabel('住所（通讯地址）').fill('山东省寿光市圣城街1号');
  await page.getByLabel('用户名').fill(b.username);
  await page.getByLabel('密码', { exact: true }).fill(b.password);
  await page.getByLabel('确认密码').fill(b.password);
}

/** Registers a company in the browser and waits for its applications page (registration signs it in). */
export async function registerInBrowser(page: Page, base: string, b: BrowserBidder): Promise<void> {
  await page.goto(`${base}/bidder/register`);
  await fillCompanyRegistration(page, b);
  await page.getByRole('button', { name: '注册' }).click();
  await page.waitForURL('**/bidder/applications');
  await page.getByRole('heading', { name: '我的竞买申请' }).waitFor();
}

/** Logs in through the login page. */
export async function loginInBrowser(page: Page, base: string, username: string, password: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).last().click();
  await page.waitForURL('**/bidder/applications');
}

/** Applies alone for the lot numbered `lotNumber` from the applications page; returns the application's id. */
export async function applyInBrowser(page: Page, base: string, lotNumber: string): Promise<string> {
  await page.goto(`${base}/bidder/applications`);
  await page.getByRole('button', { name: `申请竞买 ${lotNumber}` }).click();
  await page.waitForURL('**/apply');
  await page.getByRole('radio', { name: '独立竞买' }).check();
  await page.getByRole('button', { name: '创建申请' }).click();
  await page.waitForURL(/\/bidder\/applications\/[0-9a-f-]{36}$/);
  return /applications\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
}

/** Uploads one document on the application page. */
export async function uploadDocumentInBrowser(page: Page, title: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.getByLabel('材料名称').fill(title);
  await page.getByLabel('文件', { exact: true }).setInputFiles(file);
  await page.getByRole('button', { name: '上传' }).click();
  await page.getByRole('region', { name: '申请材料' }).getByRole('cell', { name: file.name, exact: true }).waitFor();
}

/** Submits the application on its page and waits for its new state. */
export async function submitInBrowser(page: Page): Promise<void> {
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.getByText('申请已提交。').waitFor();
}

/** Trading staff approve the pre-review (资格前审) through the API: the deposit sub-account is issued. */
export async function approveThroughApi(t: TestApp, tradingToken: string, applicationId: string): Promise<void> {
  await t.http().post(`/api/applications/${applicationId}/review`).set(bearer(tradingToken)).send({ decision: 'approve', reason: '材料齐全，符合竞买资格' }).expect(201);
}

/** The development bank (DEMO with BANK_SIMULATOR) pays the deposit onto the sub-account, at a finance officer's request. */
export async function payDepositThroughDevBank(t: TestApp, financeToken: string, payment: { subAccount: string; amount: string; payerName: string }): Promise<{ qualified: boolean }> {
  const res = await simulateDeposit(t, financeToken, payment).expect(200);
  return res.body as { qualified: boolean };
}
