import type { Page } from 'playwright-core';
import { Role } from '@app/auth';
import { SettlementService } from '@app/settlement';
import { registerCompany, uscc } from '../support/bidders';
import { soldLot } from '../support/money-sale';
import { AUCTION_TERMS, bearer, SaleBuilder } from '../support/sale-builder';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';
import { listen, openTradingNow, publishedLot, qualifiedBidders } from '../support/trading';
import { DESKTOP, ensureWebBuilt, launchBrowser, newPage, PHONE, screenshot, seriousAxeViolations, type BrowserSession } from './browser';
import {
  applyInBrowser,
  approveThroughApi,
  fillCompanyRegistration,
  loginInBrowser,
  openApplicationsNow,
  payDepositThroughDevBank,
  submitInBrowser,
  uploadDocumentInBrowser,
  type BrowserBidder,
} from './support/bidder-journey';
import { openRoom, placeBidInRoom } from './support/room';

/**
 * A company's way from registration to the bidding room, in Debian's chromium: it registers (the
 * check character is verified while it types; the server's refusal shows next to the field), logs in,
 * applies for an open lot, uploads a document and submits; staff approve through the API; the deposit
 * page shows the sub-account, and when the development bank pays, the page turns to qualified by
 * itself; the certificate shows the bidder number and leads into the bidding room, where it bids
 * once the auction opens. Every page is scanned with axe-core; screenshots go to test/web/screenshots.
 */
describe('bidder area in the browser', () => {
  let t: TestApp;
  let base: string;
  let session: BrowserSession;
  let s: SaleBuilder;
  let lotId: string;
  let lotNumber: string;
  let finance: string;
  let page: Page;
  let applicationId: string;
  let bidderNumber: string;
  const company: BrowserBidder = { name: '寿光市浏览器置业有限公司', creditCode: uscc(424242), username: 'web.bidder', password: 'Browser-bidder-2026' };
  // Every page the journey visits, with what shows it is ready: scanned by axe at the end.
  const visited: Array<[string, string]> = [];

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp({ DEMO: 'on', BANK_SIMULATOR: 'on' });
    base = (await listen(t)).replace(/\/auction$/, '');
    s = await new SaleBuilder(t).init('bweb');
    lotId = await publishedLot(t, s, AUCTION_TERMS);
    lotNumber = ((await t.dataSource.query(`SELECT lot_number FROM lot WHERE id = $1`, [lotId])) as Array<{ lot_number: string }>)[0]!.lot_number;
    await openApplicationsNow(t, lotId);
    finance = await t.tokenFor([Role.FinanceOfficer], 'bweb.finance');
    session = await launchBrowser();
    page = await newPage(session, DESKTOP);
  }, 300_000);

  afterAll(async () => {
    await session?.close();
    await t?.close();
  });

  it('registration checks the 18th character while typing, shows the server’s refusal next to the field, then registers', async () => {
    const taken = await registerCompany(t, 'bweb.taken', '已注册的竞买公司', 515151);
    await page.goto(`${base}/bidder/register`);
    await page.getByRole('heading', { name: '竞买人注册' }).waitFor();
    const code = page.getByLabel('统一社会信用代码');
    const hint = page.getByTestId('code-hint');
    await code.fill(company.creditCode.slice(0, 10));
    await hint.filter({ hasText: '已输入 10/18 位' }).waitFor();
    const wrong = company.creditCode.slice(0, 17) + (company.creditCode[17] === '0' ? '1' : '0');
    await code.fill(wrong);
    await hint.filter({ hasText: `校验位应为 ${company.creditCode[17]}` }).waitFor();
    await code.fill(company.creditCode);
    await hint.filter({ hasText: '校验位正确' }).waitFor();
    await screenshot(page, 'bidder-register-1280x800');

    // A code somebody already registered: only the server knows, and says so next to the field.
    await fillCompanyRegistration(page, { ...company, creditCode: taken.creditCode });
    await page.getByRole('button', { name: '注册' }).click();
    const codeItem = page.locator('.ant-form-item').filter({ has: page.getByLabel('统一社会信用代码') });
    await codeItem.locator('.ant-form-item-explain-error').filter({ hasText: /已注册/ }).waitFor();
    expect(await codeItem.locator('.ant-form-item-explain-error').innerText()).toMatch(/[\u4e00-\u9fa5]/);

    await code.fill(company.creditCode);
    await page.getByRole('button', { name: '注册' }).click();
    await page.waitForURL('**/bidder/applications');
    await page.getByText('注册成功，已为您登录。').waitFor();
    visited.push(['/bidder/register', '竞买人注册']);

    const phone = await newPage(session, PHONE);
    await phone.goto(`${base}/bidder/register`);
    await phone.getByLabel('统一社会信用代码').fill(wrong);
    await phone.getByTestId('code-hint').filter({ hasText: '校验位应为' }).waitFor();
    await screenshot(phone, 'bidder-register-390x844');
    await phone.context().close();
  });

  it('logs out and in again, and sees its own record on the account page', async () => {
    await page.goto(`${base}/bidder/account`);
    await page.getByRole('region', { name: '竞买人信息' }).getByText(company.creditCode).waitFor();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${base}/`);
    await loginInBrowser(page, base, company.username, company.password);
    visited.push(['/bidder/account', '账户信息']);
  });

  it('applies for the open lot, uploads a document and submits', async () => {
    applicationId = await applyInBrowser(page, base, lotNumber);
    await page.getByRole('region', { name: '申请概况' }).getByText('草稿（未提交）').waitFor();
    await uploadDocumentInBrowser(page, '营业执照', { name: 'license.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 营业执照扫描件') });
    // A file that is no document: refused here, next to the file input.
    await page.getByLabel('文件', { exact: true }).setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await page.getByText('不支持的文件类型：notes.txt').waitFor();
    await submitInBrowser(page);
    await page.getByRole('region', { name: '申请概况' }).getByText('审查中').waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'bidder-application-1280x800');
    visited.push(['/bidder/applications', '我的竞买申请'], [`/bidder/applications/${applicationId}`, '申请概况'], [`/bidder/lots/${lotId}/apply`, '竞买方式']);
  });

  it('after approval the deposit page shows the sub-account and amount, and turns to qualified when the bank pays, without a reload', async () => {
    await approveThroughApi(t, s.tokens.trading, applicationId);
    // The application page follows by itself: the deposit step appears.
    await page.getByRole('button', { name: '保证金缴纳' }).click();
    await page.waitForURL(`**/bidder/applications/${applicationId}/deposit`);
    const subAccount = (await page.getByTestId('sub-account').innerText()).trim();
    expect(subAccount).toMatch(/^\d{18}$/);
    expect(await page.getByTestId('deposit-amount').innerText()).toContain('1,960,000.00');
    await page.getByTestId('deposit-status').getByText('尚未足额到账').waitFor();
    await screenshot(page, 'bidder-deposit-1280x800');

    // A mark in the page's memory: a reload would wipe it.
    await page.evaluate('window.__sameDocument = true');
    expect(await payDepositThroughDevBank(t, finance, { subAccount, amount: '1960000.00', payerName: company.name })).toMatchObject({ qualified: true });
    const qualified = page.getByTestId('deposit-status').getByText(/您已取得竞买资格，号牌 \d+/);
    await qualified.waitFor({ timeout: 15_000 });
    expect(await page.evaluate('window.__sameDocument')).toBe(true);
    bidderNumber = /号牌 (\d+)/.exec(await qualified.innerText())![1]!;
    await page.getByRole('region', { name: '到账情况' }).getByRole('cell', { name: company.name }).waitFor();
    visited.push([`/bidder/applications/${applicationId}/deposit`, '缴纳说明']);
  });

  it('the certificate shows the bidder number and leads to the bidding room', async () => {
    await page.getByRole('link', { name: '竞买资格确认书' }).click();
    await page.waitForURL(`**/bidder/applications/${applicationId}/certificate`);
    await page.getByRole('heading', { name: '竞买资格确认书' }).waitFor();
    expect(await page.getByTestId('certificate-number').innerText()).toBe(bidderNumber);
    const room = page.getByRole('link', { name: '进入竞价大厅' });
    expect(await room.getAttribute('href')).toBe(`/room/lots/${lotId}`);
    await screenshot(page, 'bidder-certificate-1280x800');
    visited.push([`/bidder/applications/${applicationId}/certificate`, '竞买资格确认书']);

    await page.goto(`${base}/bidder/applications/${applicationId}`);
    expect(await page.getByRole('link', { name: '进入竞价大厅' }).getAttribute('href')).toBe(`/room/lots/${lotId}`);
  });

  it('when the auction opens, the certificate leads the bidder into the bidding room, where it bids and leads under its own number', async () => {
    // An auction needs three qualified bidders (the setting listing.minBiddersAuction), or it is unsold at the opening.
    await qualifiedBidders(t, lotId, 2, 'bweb.rival');
    await openTradingNow(t, lotId);
    await page.goto(`${base}/bidder/applications/${applicationId}/certificate`);
    await page.getByRole('link', { name: '进入竞价大厅' }).click();
    await page.waitForURL(`**/room/lots/${lotId}`);
    await openRoom(page, base, lotId);
    // The auction's first bid may be the start price (AUCTION_TERMS: 9,800,000.00).
    const answer = await placeBidInRoom(page, '9800000');
    expect(answer).toMatchObject({ ok: true });
    await page.getByTestId('current-price').filter({ hasText: '9,800,000.00' }).waitFor();
    await page.getByTestId('leader').filter({ hasText: '您领先' }).waitFor();
    const history = page.getByRole('region', { name: '报价记录' });
    expect(await history.getByRole('row').nth(1).innerText()).toMatch(new RegExp(`${bidderNumber}\\s*我的`));
  });

  it('the inbox in the header counts the unread messages (approval, bidder number); marking them read clears it', async () => {
    const badge = page.getByTestId('unread-count');
    await page.goto(`${base}/bidder/notifications`);
    await page.getByRole('heading', { name: '消息通知' }).waitFor();
    await badge.waitFor();
    expect(Number(await badge.innerText())).toBeGreaterThanOrEqual(2);
    const inbox = page.getByRole('region', { name: /条未读/ });
    await inbox.getByRole('link', { name: /竞买号牌|竞买资格/ }).first().waitFor();
    await screenshot(page, 'bidder-notifications-1280x800');
    await page.getByRole('button', { name: '全部标为已读' }).click();
    await page.getByRole('heading', { name: '0 条未读' }).waitFor();
    await badge.waitFor({ state: 'detached' });
    visited.push(['/bidder/notifications', '消息通知']);
  });

  it('after the sale the winner sees its result, downloads and signs the 成交确认书, and its contract’s payment plan', async () => {
    const { lotId: soldId, bidders } = await soldLot(t, s, `${base}/auction`, ['9800000.00', '9850000.00']);
    // The settlement run after the close: deadlines, earnest money, refunds, the confirmation.
    await t.app.get(SettlementService).runOnce();
    const winner = bidders[1]!;
    const username = ((await t.dataSource.query(`SELECT u.username FROM bidder b JOIN app_user u ON u.id = b.user_id WHERE b.id = $1`, [winner.bidderId])) as Array<{ username: string }>)[0]!.username;
    const p = await newPage(session, DESKTOP);
    await loginInBrowser(p, base, username, TEST_PASSWORD);
    await p.goto(`${base}/bidder/results`);
    const results = p.getByRole('region', { name: '我的成交结果' });
    await results.getByText('9,850,000.00').waitFor();
    await results.getByText('待签订出让合同').waitFor();
    const download = p.waitForEvent('download');
    await results.getByRole('button', { name: '下载 PDF' }).click();
    expect((await download).suggestedFilename()).toMatch(/^成交确认书-.*\.pdf$/);
    await results.getByRole('button', { name: '签署确认书' }).click();
    await results.getByRole('button', { name: '签署确认书' }).waitFor({ state: 'detached' });
    expect(await results.innerText()).not.toContain('尚未签署');

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    await t.http().post(`/api/lots/${soldId}/contract`).set(bearer(s.tokens.trading)).send({ contractNumber: 'HT-WEB-001', signedOn: today }).expect(201);
    await p.reload();
    const contracts = p.getByRole('region', { name: '出让合同与分期缴款' });
    await contracts.getByText('合同编号 HT-WEB-001').waitFor();
    await contracts.getByRole('group', { name: '缴款计划' }).getByRole('row').nth(1).waitFor();
    await screenshot(p, 'bidder-results-1280x800');
    await p.context().close();
    visited.push(['/bidder/results', '成交与合同']);
  });

  it('a joint bid: the lead invites a partner by credit code with shares; the partner sees the invitation and accepts', async () => {
    const jointLot = await publishedLot(t, s, { ...AUCTION_TERMS, eligibility: { jointBidsAllowed: true, review: 'pre_review', exclusions: '' } });
    await openApplicationsNow(t, jointLot);
    const partner = await registerCompany(t, 'bweb.partner', '寿光市联合体成员有限公司', 626262);
    await page.goto(`${base}/bidder/lots/${jointLot}/apply`);
    await page.getByRole('radio', { name: '联合竞买' }).check();
    expect(await page.getByLabel('本单位（本人）统一社会信用代码或身份证号码').inputValue()).toBe(company.creditCode);
    await page.getByLabel('本单位份额（%）').fill('60');
    await page.getByLabel('成员统一社会信用代码或身份证号码').fill(partner.creditCode);
    await page.getByLabel('成员份额（%）').fill('40');
    await page.getByText('份额合计：100.00%').waitFor();
    await page.getByRole('button', { name: '创建申请' }).click();
    await page.waitForURL(/\/bidder\/applications\/[0-9a-f-]{36}$/);
    const group = page.getByRole('region', { name: '联合体成员与份额' });
    // Before it accepts, the lead does not learn whose the code is.
    await group.getByText('（接受邀请后显示）').waitFor();
    expect(await group.innerText()).not.toContain(partner.name);
    expect(await page.getByRole('button', { name: '提交申请' }).isDisabled()).toBe(true);

    const other = await newPage(session, DESKTOP);
    await loginInBrowser(other, base, 'bweb.partner', TEST_PASSWORD);
    const invitations = other.getByRole('region', { name: '收到的联合竞买邀请' });
    await invitations.getByRole('cell', { name: company.name, exact: true }).waitFor();
    expect(await invitations.innerText()).toContain('40.00%');
    await invitations.getByRole('button', { name: /^接受/ }).click();
    await invitations.getByText('已接受').waitFor();
    await other.context().close();

    // The lead's page follows by itself: the partner's name, and the application may be submitted.
    await group.getByRole('cell', { name: partner.name }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('button', { name: '提交申请' }).isDisabled()).toBe(false);
    visited.push([`/bidder/lots/${jointLot}/apply`, '竞买方式']);
  });

  it('no bidder page has a serious or critical accessibility violation (axe-core)', async () => {
    const found: Record<string, unknown> = {};
    for (const viewport of [DESKTOP, PHONE]) {
      const p = await newPage(session, viewport);
      await p.goto(`${base}/login`);
      await p.getByLabel('用户名').fill(company.username);
      await p.getByLabel('密码').fill(company.password);
      await p.getByRole('button', { name: '登录' }).last().click();
      await p.waitForURL('**/bidder/applications');
      for (const [path, ready] of visited) {
        await p.goto(`${base}${path}`);
        await p.getByRole('heading', { name: ready }).first().waitFor();
        const violations = await seriousAxeViolations(p);
        if (violations.length) found[`${path} @${viewport.width}`] = violations;
      }
      await p.context().close();
    }
    expect(found).toEqual({});
  });
});
