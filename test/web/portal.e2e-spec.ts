import type { Page } from 'playwright-core';
import { AuctionGateway } from '@app/bidding/realtime/auction.gateway';
import { LISTING_TERMS, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';
import { connect, listen, openTradingNow, publishedLot, qualifiedBidders, type Client, type Seat } from '../support/trading';
import { DESKTOP, ensureWebBuilt, launchBrowser, newPage, PHONE, screenshot, seriousAxeViolations, type BrowserSession } from './browser';

/**
 * The browser platform's first slice, in Debian's chromium: a newcomer opens `/`, sees the portal in
 * Chinese with the lot trading now, clicks it and watches its price move live when a bidder bids over
 * the socket. Every page is scanned with axe-core, and screenshots are kept in test/web/screenshots.
 */
describe('web portal in the browser', () => {
  let t: TestApp;
  let base: string;
  let session: BrowserSession;
  let lotId: string;
  let seats: Seat[];
  let bidder: Client;
  let rival: Client;

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp();
    base = (await listen(t)).replace(/\/auction$/, '');
    const s = await new SaleBuilder(t).init('web');
    lotId = await publishedLot(t, s, { ...LISTING_TERMS, hasReserve: false, reserveRoundingUnit: undefined });
    seats = await qualifiedBidders(t, lotId, 2, 'web');
    await openTradingNow(t, lotId);
    bidder = await connect(`${base}/auction`, seats[0].token);
    rival = await connect(`${base}/auction`, seats[1].token);
    for (const c of [bidder, rival]) expect(await c.emit('lot:join', { lotId })).toMatchObject({ ok: true });
    session = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    bidder?.close();
    rival?.close();
    await session?.close();
    await t?.close();
  });

  async function open(path: string, viewport = DESKTOP): Promise<Page> {
    const page = await newPage(session, viewport);
    await page.goto(`${base}${path}`);
    return page;
  }

  it('/ renders the portal in Chinese with the lot trading now and the latest notices', async () => {
    const page = await open('/');
    await page.getByRole('heading', { name: '国有建设用地使用权网上交易' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.title()).toBe('土地储备与招拍挂交易平台');
    const trading = page.getByRole('region', { name: '正在交易' });
    await trading.getByRole('link', { name: '寿光市测试地块', exact: true }).waitFor();
    expect(await trading.innerText()).toContain('挂牌期');
    expect(await trading.innerText()).toContain('10,000,000.00');
    await page.getByRole('region', { name: '最新公告' }).getByText('出让公告', { exact: true }).first().waitFor();
    await screenshot(page, 'portal-1280x800');
    const phone = await open('/', PHONE);
    await phone.getByRole('link', { name: '寿光市测试地块', exact: true }).waitFor();
    await screenshot(phone, 'portal-390x844');
  });

  it('clicking the trading lot opens its live watch, whose price moves when a bidder bids over the socket', async () => {
    const page = await open('/');
    await page.getByRole('link', { name: '寿光市测试地块', exact: true }).click();
    await page.waitForURL(`**/lots/${lotId}/live`);
    await page.getByText('挂牌期', { exact: true }).first().waitFor();
    const price = page.getByTestId('current-price');
    await price.filter({ hasText: '10,000,000.00' }).waitFor();

    const ack = await bidder.emit<{ ok: boolean; seq: number }>('bid:place', { lotId, clientBidId: 'web-1', price: '10300000.00' });
    expect(ack).toMatchObject({ ok: true });
    await price.filter({ hasText: '10,300,000.00' }).waitFor();
    expect(await price.innerText()).toContain('1,030 万元');
    expect(await page.getByTestId('leader-number').innerText()).toBe(seats[0].bidderNumber);
    // The history lists the bid by bidder number; a spectator never sees who bid.
    expect(await page.getByRole('region', { name: '报价记录' }).innerText()).toContain(seats[0].bidderNumber);
    expect(await page.content()).not.toContain(seats[0].name);
    await page.locator('.ol-scale-bar, .ol-scale-line').first().waitFor();
    await screenshot(page, 'lot-live-1280x800');

    const phone = await open(`/lots/${lotId}/live`, PHONE);
    await phone.getByTestId('current-price').filter({ hasText: '10,300,000.00' }).waitFor();
    // The leader may not outbid itself: the rival does.
    expect(await rival.emit('bid:place', { lotId, clientBidId: 'web-2', price: '10400000.00' })).toMatchObject({ ok: true });
    await phone.getByTestId('current-price').filter({ hasText: '10,400,000.00' }).waitFor();
    expect(await phone.getByTestId('leader-number').innerText()).toBe(seats[1].bidderNumber);
    await screenshot(phone, 'lot-live-390x844');
  });

  it('a watch page whose connection drops says so, rejoins with lastSeq and shows the bids placed meanwhile, each once', async () => {
    const page = await open(`/lots/${lotId}/live`);
    const price = page.getByTestId('current-price');
    await price.filter({ hasText: '10,400,000.00' }).waitFor();
    const banner = page.getByText('连接中断，正在重新连接').waitFor();
    // Cut the transport of every spectator (the browser's socket; the test's bidders hold tokens).
    const io = t.app.get(AuctionGateway).server;
    for (const socket of io.sockets.values()) if (!(socket.handshake.auth as { token?: string }).token) socket.conn.close();
    await banner;
    expect(await bidder.emit('bid:place', { lotId, clientBidId: 'web-3', price: '10500000.00' })).toMatchObject({ ok: true });
    expect(await rival.emit('bid:place', { lotId, clientBidId: 'web-4', price: '10600000.00' })).toMatchObject({ ok: true });
    await price.filter({ hasText: '10,600,000.00' }).waitFor();
    await page.getByText('连接中断，正在重新连接').waitFor({ state: 'detached' });
    const history = await page.getByRole('region', { name: '报价记录' }).getByRole('row').allInnerTexts();
    const prices = history.map((row) => /[\d,]+\.\d{2}/.exec(row)?.[0]).filter(Boolean);
    expect(prices).toEqual(['10,600,000.00', '10,500,000.00', '10,400,000.00', '10,300,000.00']);
  });

  it('the language switch turns the portal into English and back', async () => {
    const page = await open('/');
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('heading', { name: 'Online trading of state-owned construction land use rights' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en-US');
    await page.getByRole('button', { name: /中文/ }).click();
    await page.getByRole('heading', { name: '国有建设用地使用权网上交易' }).waitFor();
  });

  it('no page has a serious or critical accessibility violation (axe-core)', async () => {
    const checks: Array<[string, (p: Page) => Promise<unknown>]> = [
      ['/', (p) => p.getByRole('link', { name: '寿光市测试地块', exact: true }).waitFor()],
      [`/lots/${lotId}/live`, (p) => p.getByTestId('current-price').filter({ hasText: '元' }).waitFor()],
      ['/login', (p) => p.getByRole('heading', { name: '用户登录' }).waitFor()],
      ['/bidder', (p) => p.getByRole('heading', { name: '竞买人' }).waitFor()],
      ['/no-such-page', (p) => p.getByRole('heading', { name: '页面不存在' }).waitFor()],
    ];
    const found: Record<string, unknown> = {};
    for (const viewport of [DESKTOP, PHONE]) {
      for (const [path, ready] of checks) {
        const page = await open(path, viewport);
        await ready(page);
        const violations = await seriousAxeViolations(page);
        if (violations.length) found[`${path} @${viewport.width}`] = violations;
        await page.context().close();
      }
    }
    expect(found).toEqual({});
  });
});
