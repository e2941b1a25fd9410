import type { Page } from 'playwright-core';
import { AuctionClock } from '@app/bidding';
import { SettlementService } from '@app/settlement';
import { soldLot, type MoneyBidder } from '../support/money-sale';
import { AUCTION_TERMS, bearer, LISTING_TERMS, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';
import { connect, listen, moveDeadline, openTradingNow, publishedLot, qualifiedBidders } from '../support/trading';
import { DESKTOP, ensureWebBuilt, launchBrowser, newPage, PHONE, screenshot, seriousAxeViolations, type BrowserSession } from './browser';

interface ChainBody {
  events: Array<{ seq: number; hash: string; event: Record<string, unknown> }>;
}

/**
 * The public portal beyond the home page, in Debian's chromium and in Chinese: the notices with their
 * search and filters, a notice, an announcement, a lot (terms, map, schedule with countdowns), the
 * results, a result verified in the browser (and a tampered chain caught at the very link), and the
 * statistics. Every page is scanned with axe-core at 1280×800 and 390×844.
 */
describe('public portal pages in the browser', () => {
  let t: TestApp;
  let base: string;
  let session: BrowserSession;
  let sold: { lotId: string; bidders: MoneyBidder[] };
  let upcomingLotId: string;
  let upcomingAnnouncement: { id: string; number: string };
  let soldAnnouncementNumber: string;
  let code: string;
  let reserveLotId: string;

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp();
    const url = await listen(t);
    base = url.replace(/\/auction$/, '');
    const s = await new SaleBuilder(t).init('pages');
    sold = await soldLot(t, s, url, ['9800000.00', '9850000.00', '9900000.00']);
    await t.app.get(SettlementService).runOnce();
    await t.app.get(SettlementService).publishResult(sold.lotId);
    code = (await t.http().get(`/api/lots/${sold.lotId}/confirmation`).set(bearer(sold.bidders[2]!.token)).expect(200)).body.verificationCode as string;
    reserveLotId = await soldAboveReserve(t, s, url);
    upcomingLotId = await publishedLot(t, s, { ...LISTING_TERMS, hasReserve: false, reserveRoundingUnit: undefined });
    const lots = (await t.http().get('/api/public/lots').expect(200)).body.items as Array<{ id: string; announcement: { id: string; number: string } }>;
    upcomingAnnouncement = lots.find((l) => l.id === upcomingLotId)!.announcement;
    soldAnnouncementNumber = lots.find((l) => l.id === sold.lotId)!.announcement.number;
    // A supplementary notice (补充公告) correcting the title: version 2; version 1 stays readable.
    await t
      .http()
      .post(`/api/announcements/${upcomingAnnouncement.id}/amendments`)
      .set(bearer(s.tokens.trading))
      .send({ summary: '更正公告标题', reason: '文字更正', title: '国有建设用地使用权挂牌出让公告（更正）', body: '原公告标题更正如下。', lots: [] })
      .expect(201);
    session = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await session?.close();
    await t?.close();
  });

  async function open(path: string, viewport = DESKTOP): Promise<Page> {
    const page = await newPage(session, viewport);
    await page.goto(`${base}${path}`);
    return page;
  }

  async function choose(page: Page, label: string, option: string): Promise<void> {
    await page.getByLabel(label, { exact: true }).click();
    await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
  }

  it('the navigation leads to 公告, 成交结果 and 统计', async () => {
    const page = await open('/');
    const nav = page.getByRole('navigation', { name: '导航菜单' });
    for (const name of ['首页', '公告', '成交结果', '统计']) await nav.getByRole('link', { name, exact: true }).waitFor();
    await nav.getByRole('link', { name: '公告', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '公告公示' }).waitFor();
    expect(await nav.getByRole('link', { name: '公告', exact: true }).getAttribute('aria-current')).toBe('page');
    await page.context().close();
  });

  it('the notices filter by text and method in the browser, and the filters stay in the address', async () => {
    const page = await open('/notices');
    const list = page.getByTestId('notice-list');
    await list.getByText(soldAnnouncementNumber).first().waitFor();
    expect(await list.innerText()).toContain(upcomingAnnouncement.number);

    await page.getByLabel('搜索', { exact: true }).fill(upcomingAnnouncement.number);
    await page.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(/q=/);
    await list.filter({ hasNotText: soldAnnouncementNumber }).waitFor();
    expect(await list.innerText()).toContain(upcomingAnnouncement.number);

    await choose(page, '出让方式', '拍卖');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.getByText('没有符合条件的公告。').waitFor();
    expect(page.url()).toContain('method=auction');

    await page.getByRole('button', { name: '重置' }).click();
    await choose(page, '公告类型', '成交公示');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(/kind=result/);
    await page.locator('[data-testid="notice-list"][aria-busy="false"]').waitFor();
    await list.locator('.ant-tag', { hasText: '出让公告' }).first().waitFor({ state: 'detached' });
    const kinds = await list.locator('.ant-tag').allInnerTexts();
    expect(new Set(kinds)).toEqual(new Set(['成交公示']));
    await screenshot(page, 'notices-1280x800');

    // A bad date in the address: the server's message (in Chinese) next to the field.
    const bad = await open('/notices?from=2026-02-30');
    await bad.locator('.ant-form-item-explain-error').first().waitFor();
    expect(await bad.locator('.ant-form-item-explain-error').first().innerText()).toMatch(/from/);
    await bad.context().close();
    // A day in the address shows in the date picker, which speaks Chinese like the rest of the page.
    const dated = await open('/notices?from=2026-01-05');
    expect(await dated.getByLabel('开始日期').inputValue()).toBe('2026-01-05');
    expect(await dated.getByLabel('结束日期').getAttribute('placeholder')).toBe('请选择日期');
    await dated.context().close();
    await page.context().close();
  });

  it('a notice opens with its text and links to its announcement, whose page shows its lots, versions and notices', async () => {
    const page = await open(`/notices?q=${encodeURIComponent(upcomingAnnouncement.number)}&kind=announcement`);
    await page.getByTestId('notice-list').getByRole('link').first().click();
    await page.waitForURL(/\/notices\/[0-9a-f-]{36}$/);
    await page.getByRole('region', { name: '公告正文' }).waitFor();
    await page.getByRole('link', { name: '查看出让公告' }).click();
    await page.waitForURL(`**/announcements/${upcomingAnnouncement.id}`);
    await page.getByRole('region', { name: '出让地块' }).getByRole('link', { name: /寿光市测试地块/ }).waitFor();
    await page.getByRole('heading', { level: 1, name: '国有建设用地使用权挂牌出让公告（更正）' }).waitFor();
    const versions = page.getByRole('region', { name: '版本与补充公告' });
    expect(await versions.innerText()).toContain('原公告');
    expect(await versions.innerText()).toContain('补充公告');
    expect(await versions.innerText()).toContain('更正公告标题');
    expect(await page.getByRole('region', { name: '相关公告' }).innerText()).toContain('补充公告');
    await screenshot(page, 'announcement-1280x800');
    // Reading version 1: marked as history, with the title it was published under.
    await versions.getByRole('button', { name: '查看第 1 版' }).click();
    await page.waitForURL(/version=1/);
    await page.getByText(/正在查看第 1 版/).waitFor();
    await page.getByRole('region', { name: '第 1 版内容' }).getByRole('heading', { name: '国有建设用地使用权拍卖出让公告' }).waitFor();
    await page.getByRole('button', { name: '返回最新版本' }).click();
    await page.getByRole('region', { name: '出让地块' }).waitFor();
    await page.context().close();
  });

  it('a lot page shows its terms, the parcel map with a scale bar and north arrow, and a countdown to each milestone on the server clock', async () => {
    const page = await open(`/lots/${upcomingLotId}`);
    await page.getByRole('heading', { level: 1, name: '寿光市测试地块' }).waitFor();
    const terms = page.getByTestId('lot-terms');
    await terms.getByText('10,000,000.00').waitFor();
    expect(await terms.innerText()).toContain('2,000,000.00');
    expect(await terms.innerText()).toContain('不设底价');
    expect(await page.getByRole('region', { name: '宗地与规划指标' }).innerText()).toContain('1.0000 – 2.5000');
    await page.locator('.ol-scale-bar, .ol-scale-line').first().waitFor();
    await page.locator('.parcel-map-north').waitFor();
    const schedule = page.getByTestId('lot-schedule');
    for (const milestone of ['报名开始', '报名截止', '保证金到账截止', '交易开始', '交易截止']) await schedule.getByRole('rowheader', { name: milestone }).waitFor();
    await schedule.getByRole('timer', { name: '交易开始 倒计时' }).waitFor();
    expect(await schedule.getByRole('timer').count()).toBeGreaterThanOrEqual(4);
    expect(await schedule.getByRole('timer', { name: '交易开始 倒计时' }).innerText()).toMatch(/\d+天/);
    await screenshot(page, 'lot-1280x800');
    const phone = await open(`/lots/${upcomingLotId}`, PHONE);
    await phone.getByTestId('lot-terms').getByText('10,000,000.00').waitFor();
    await phone.locator('.ol-scale-bar, .ol-scale-line').first().waitFor();
    await screenshot(phone, 'lot-390x844');
    await phone.context().close();
    await page.context().close();
  });

  it('the results list the sold lot; its result page verifies the hash chain, the draw and the confirmation code in the browser', async () => {
    const page = await open('/results');
    await page.locator(`a[href="/lots/${sold.lotId}/result"]`).click();
    await page.waitForURL(`**/lots/${sold.lotId}/result`);
    const figures = page.getByTestId('result-figures');
    await figures.getByText('9,900,000.00').waitFor();
    expect(await figures.innerText()).toContain('已成交');
    // The 成交公示 names the winner (and only the winner), as published.
    await page.getByRole('region', { name: '成交公示' }).getByText(`竞得人：${sold.bidders[2]!.name}`).waitFor();

    const chainSection = page.getByRole('region', { name: '竞价记录哈希链核验' });
    await chainSection.getByRole('button', { name: '开始核验' }).click();
    await page.getByTestId('chain-verdict').getByText(/完整：已逐条核验 \d+ 条记录/).waitFor();

    const lottery = page.getByRole('region', { name: '摇号核验' });
    await lottery.getByRole('button', { name: '开始核验' }).click();
    await lottery.getByText('本宗地没有摇号。').waitFor();

    const confirmation = page.getByRole('region', { name: '成交确认书核验' });
    await confirmation.getByLabel('验证码').fill(code);
    await confirmation.getByRole('button', { name: '核验' }).click();
    await page.getByTestId('confirmation-verdict').getByText('验证码有效：平台存有这份成交确认书。').waitFor();
    expect(await page.getByTestId('confirmation-verdict').innerText()).toContain('9,900,000.00');
    // The PDF itself, hashed in the browser: the one on record, then a copy with one byte changed.
    const pdf = Buffer.from(await (await fetch(`${base}/api/lots/${sold.lotId}/confirmation/pdf`, { headers: bearer(sold.bidders[2]!.token) })).arrayBuffer());
    const file = confirmation.locator('input[type="file"]');
    await file.setInputFiles({ name: 'confirmation.pdf', mimeType: 'application/pdf', buffer: pdf });
    await confirmation.getByRole('button', { name: '核验' }).click();
    await page.getByTestId('confirmation-verdict').getByText('文件一致：您的 PDF 的 SHA-256 与存档相符。').waitFor();
    const altered = Buffer.from(pdf);
    altered[altered.length - 10] = altered[altered.length - 10]! ^ 1;
    await file.setInputFiles({ name: 'altered.pdf', mimeType: 'application/pdf', buffer: altered });
    await confirmation.getByRole('button', { name: '核验' }).click();
    await page.getByTestId('confirmation-verdict').getByText('文件不一致：您的 PDF 与存档的成交确认书不同！').waitFor();
    // The public page never names a bidder beyond what the 成交公示 discloses (the winner, once published).
    for (const loser of sold.bidders.slice(0, 2)) expect(await page.content()).not.toContain(loser.name);
    await screenshot(page, 'result-1280x800');
    await page.context().close();
  });

  it('the revealed reserve is hashed in the browser and matches the commitment the lot published at sealing', async () => {
    const page = await open(`/lots/${reserveLotId}/result`);
    const section = page.getByRole('region', { name: '底价承诺核验' });
    await section.getByText('9,830,000.00').waitFor();
    const published = ((await t.http().get(`/api/public/lots/${reserveLotId}`).expect(200)).body as { reserve: { commitment: string } }).reserve.commitment;
    expect(await section.innerText()).toContain(published);
    await section.getByRole('button', { name: '开始核验' }).click();
    await section.getByText('一致：揭示的底价与封存时公布的承诺值相符，底价在交易中未被改动。').waitFor();
    expect(await section.innerText()).toContain(`land-reserve-v1|${reserveLotId}|9830000.00|`);
    const lot = await open(`/lots/${reserveLotId}`);
    await lot.getByTestId('lot-terms').getByText('已揭示：9,830,000.00 元').waitFor();
    await lot.context().close();
    await page.context().close();
  });

  it('a tampered copy of the chain (one bid’s price changed) is caught, and the page says which link broke', async () => {
    const page = await newPage(session, DESKTOP);
    let tamperedSeq = 0;
    await page.route('**/api/public/lots/*/chain', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as ChainBody;
      const bid = body.events.find((e) => e.event.type === 'bid:accepted' && e.event.price === '9850000.00')!;
      bid.event.price = '9850000.01';
      tamperedSeq = bid.seq;
      await route.fulfill({ response, json: body });
    });
    await page.goto(`${base}/lots/${sold.lotId}/result`);
    await page.getByRole('region', { name: '竞价记录哈希链核验' }).getByRole('button', { name: '开始核验' }).click();
    const verdict = page.getByTestId('chain-verdict');
    await verdict.getByText(/处断链/).waitFor();
    expect(tamperedSeq).toBeGreaterThan(1);
    expect(await verdict.innerText()).toContain(`第 ${tamperedSeq} 条记录处断链：重新计算的哈希与公布的哈希不符，记录内容被改动过`);
    await screenshot(page, 'result-tampered-1280x800');
    await page.context().close();
  });

  it('the statistics chart the sold area, revenue and premium rate by month and district (ECharts loaded on that page only) with the figures as tables', async () => {
    const home = await open('/');
    const scripts: string[] = [];
    home.on('request', (r) => scripts.push(r.url()));
    await home.getByRole('heading', { name: '国有建设用地使用权网上交易' }).waitFor();
    await home.getByRole('region', { name: '最新成交' }).locator(`a[href="/lots/${sold.lotId}/result"]`).waitFor();
    await home.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '统计', exact: true }).click();
    await home.getByRole('heading', { level: 1, name: '出让统计' }).waitFor();
    await home.locator('canvas').first().waitFor();
    expect(scripts.some((u) => /echart-view-.*\.js$/.test(u))).toBe(true);
    const months = home.getByTestId('table-month');
    // Two sales of 9,900,000.00 元 this month, each of one parcel of 17,800.00 ㎡: 35,600.00 ㎡ sold.
    expect(await months.innerText()).toContain('1980.00');
    expect(await months.getByRole('columnheader').allInnerTexts()).toContain('出让面积（㎡）');
    expect(await months.locator('tfoot').innerText()).toContain('35,600.00');
    const districts = home.getByTestId('table-district');
    expect(await districts.innerText()).toContain('圣城街道');
    expect(await districts.locator('tfoot').innerText()).toContain('35,600.00');
    for (const chart of ['每月成交金额与平均溢价率', '每月出让面积与成交宗数', '各行政区成交金额与平均溢价率', '各行政区出让面积与成交宗数']) {
      await home.getByRole('img', { name: chart }).waitFor();
    }
    await screenshot(home, 'statistics-1280x800');
    await districts.scrollIntoViewIfNeeded();
    await screenshot(home, 'statistics-district-1280x800');
    await home.context().close();
  });

  it('no portal page has a serious or critical accessibility violation (axe-core), on a desktop and a phone', async () => {
    const checks: Array<[string, (p: Page) => Promise<unknown>]> = [
      ['/notices', (p) => p.getByTestId('notice-list').waitFor()],
      [`/announcements/${upcomingAnnouncement.id}`, (p) => p.getByRole('region', { name: '出让地块' }).getByRole('link').first().waitFor()],
      [`/lots/${upcomingLotId}`, (p) => p.locator('.ol-scale-bar, .ol-scale-line').first().waitFor()],
      [`/lots/${sold.lotId}/result`, (p) => p.getByTestId('result-figures').waitFor()],
      ['/results', (p) => p.getByRole('link', { name: /寿光市测试地块/ }).first().waitFor()],
      ['/statistics', (p) => p.locator('canvas').first().waitFor()],
    ];
    const found: Record<string, unknown> = {};
    for (const viewport of [DESKTOP, PHONE]) {
      for (const [path, ready] of checks) {
        const page = await open(path, viewport);
        await ready(page);
        const violations = await seriousAxeViolations(page);
        if (violations.length) found[`${path} @${viewport.width}`] = violations;
        if (viewport === PHONE && path === '/notices') await screenshot(page, 'notices-390x844');
        if (viewport === PHONE && path.endsWith('/result')) await screenshot(page, 'result-390x844');
        await page.context().close();
      }
    }
    // The notice page, reached from the list.
    const page = await open('/notices');
    await page.getByTestId('notice-list').getByRole('link').first().click();
    await page.getByRole('region', { name: '公告正文' }).waitFor();
    const violations = await seriousAxeViolations(page);
    if (violations.length) found['/notices/:id'] = violations;
    await page.context().close();
    expect(found).toEqual({});
  });
});

/**
 * An auction lot with a sealed reserve (three committee proposals averaging 9,830,000.00), sold above
 * it at 9,900,000.00: its result reveals the reserve and the salt behind the published commitment.
 */
async function soldAboveReserve(t: TestApp, s: SaleBuilder, url: string): Promise<string> {
  const lotId = await publishedLot(t, s, { ...AUCTION_TERMS, hasReserve: true, reserveRoundingUnit: '10000.00', countdownSeconds: 600 }, async (id) => {
    await t.http().put(`/api/lots/${id}/committee`).set(bearer(s.tokens.trading)).send({ memberIds: s.memberIds }).expect(200);
  });
  for (const [i, value] of ['9810000.00', '9830000.00', '9850000.00'].entries()) {
    await t.http().post(`/api/lots/${lotId}/reserve-proposals`).set(bearer(s.tokens.members[i]!)).send({ value }).expect(201);
  }
  const seats = await qualifiedBidders(t, lotId, 3, 'pages-reserve');
  await openTradingNow(t, lotId);
  const clients = await Promise.all(seats.map((seat) => connect(url, seat.token)));
  try {
    for (const c of clients) await c.emit('lot:join', { lotId });
    for (const [i, price] of ['9800000.00', '9850000.00', '9900000.00'].entries()) {
      const ack = await clients[i % 3]!.emit<{ ok: boolean; code?: string }>('bid:place', { lotId, clientBidId: `r${i}`, price });
      if (!ack.ok) throw new Error(`bid ${price} refused: ${JSON.stringify(ack)}`);
    }
  } finally {
    clients.forEach((c) => c.close());
  }
  await moveDeadline(t, lotId, -1);
  await t.app.get(AuctionClock).runOnce();
  return lotId;
}
