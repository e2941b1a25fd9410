import type { Page } from 'playwright-core';
import { AuctionGateway } from '@app/bidding/realtime/auction.gateway';
import { registerCompany } from '../support/bidders';
import { AUCTION_TERMS, bearer, LISTING_TERMS, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';
import { connect, listen, moveDeadline, openTradingNow, publishedLot, qualifiedBidders, type Client, type Seat } from '../support/trading';
import { openPracticeNow, simulatedTurn } from '../practice/practice-helpers';
import { DESKTOP, ensureWebBuilt, launchBrowser, newPage, PHONE, screenshot, seriousAxeViolations, type BrowserSession } from './browser';
import { confirmBid, givePassword, loginInBrowser, openBidConfirmation, openRoom, placeBidInRoom, priceInput } from './support/room';

/**
 * The bidding room in Debian's chromium: a bidder logged in through the login page bids in a listing's
 * timed final round (限时竞价) against two bidders driven over the socket, sees every confirmation in
 * 元, 万元 and 大写, a refusal in Chinese, a dropped connection caught up in seq order, and wins when
 * the lot closes; another bidder starts a practice lot (模拟竞价) in one click and watches the
 * simulated opponents move its price. The room home lists the bidder's own lots and enters a room by
 * one link. Screenshots: test/web/screenshots/room-*.png.
 */
describe('the bidding room in the browser', () => {
  let t: TestApp;
  let base: string;
  let session: BrowserSession;
  let lotId: string;
  let seats: Seat[];
  let rivals: Client[];
  let room: Page;
  let sale: SaleBuilder;
  const price = () => room.getByTestId('current-price');

  beforeAll(async () => {
    ensureWebBuilt();
    // The auction clock runs (it closes the lot and drives practice opponents), as in production.
    t = await createTestApp({ CLOCK_INTERVAL_MS: '100' });
    base = (await listen(t)).replace(/\/auction$/, '');
    sale = await new SaleBuilder(t).init('room');
    lotId = await publishedLot(t, sale, {
      ...LISTING_TERMS,
      increment: '500000.00',
      incrementPolicy: 'whole_multiple',
      maxJumpIncrements: 10,
      hasReserve: false,
      reserveRoundingUnit: undefined,
      timedFinalRound: { enabled: true, entry: 'all_qualified', startAt: 'listing_high', preparationGapMinutes: 0, countdownSeconds: 120, warningSeconds: [60, 30, 10] },
    });
    seats = await qualifiedBidders(t, lotId, 3, 'room');
    await givePassword(t, seats[0].userId);
    await openTradingNow(t, lotId);
    rivals = [await connect(`${base}/auction`, seats[1].token), await connect(`${base}/auction`, seats[2].token)];
    for (const c of rivals) expect(await c.emit('lot:join', { lotId })).toMatchObject({ ok: true });
    // Two quotes on the listing board, then the board ends: the timed round starts at once.
    expect(await rivals[0].emit('bid:place', { lotId, clientBidId: 'r1-1', price: '10000000.00' })).toMatchObject({ ok: true });
    expect(await rivals[1].emit('bid:place', { lotId, clientBidId: 'r2-1', price: '10500000.00' })).toMatchObject({ ok: true });
    await moveDeadline(t, lotId, -1);
    await rivals[0].waitFor((f) => f.event === 'phase:changed' && f.data.to === 'timed_round');
    session = await launchBrowser();
    room = await newPage(session, DESKTOP);
  }, 300_000);

  afterAll(async () => {
    rivals?.forEach((c) => c.close());
    await session?.close();
    await t?.close();
  });

  it('a bidder logs in and sees the timed round: price, who leads, the time left, the minimum next price and the increment policy in words', async () => {
    await loginInBrowser(room, base, seats[0].username, undefined, `/room/lots/${lotId}`);
    expect(new URL(room.url()).pathname).toBe(`/room/lots/${lotId}`);
    await openRoom(room, base, lotId);
    await room.getByRole('heading', { level: 1, name: '竞价室 · 寿光市测试地块' }).waitFor();
    await room.getByText('限时竞价', { exact: true }).first().waitFor();
    await price().filter({ hasText: '10,500,000.00' }).waitFor();
    expect(await price().innerText()).toContain('1,050 万元');
    expect(await room.getByTestId('leader').innerText()).toBe(`${seats[2].bidderNumber} 号领先`);
    expect(await room.getByTestId('your-number').innerText()).toBe(`您的号牌：${seats[0].bidderNumber}`);
    expect(await room.getByTestId('minimum-next').innerText()).toContain('11,000,000.00');
    expect(await room.getByTestId('increment-policy').innerText()).toBe('加价幅度 50 万元，可按整数倍加价；单次最多加 10 个加价幅度');
    expect(await room.getByTestId('countdown').locator('.countdown-digits').innerText()).toMatch(/^0[12]:\d\d$/);
    // The room never names another bidder: numbers only (the header names the logged-in account itself).
    for (const s of seats.slice(1)) expect(await room.content()).not.toContain(s.name);
    await screenshot(room, 'room-1280x800');
  });

  it('the room home lists the bidder\'s own lots: the trading lot with its number, phase and time left, entered by one link; an unfinished application links to the bidder area', async () => {
    // A second application of the same bidder, on a lot whose trading is weeks away, its deposit still due.
    const laterId = await publishedLot(t, sale, { ...LISTING_TERMS, hasReserve: false, reserveRoundingUnit: undefined });
    const [{ id: bidderId }] = (await t.dataSource.query(`SELECT id FROM bidder WHERE user_id = $1`, [seats[0].userId])) as Array<{ id: string }>;
    const [{ id: laterApp }] = (await t.dataSource.query(
      `INSERT INTO application (lot_id, lead_bidder_id, joint, status, review_mode, submitted_at, deposit_required, deposit_deadline, version)
       SELECT $1, $2, false, 'awaiting_deposit', 'post_review', now(), deposit, deposit_deadline, 1 FROM lot WHERE id = $1 RETURNING id`,
      [laterId, bidderId],
    )) as Array<{ id: string }>;
    await t.dataSource.query(`INSERT INTO application_partner (application_id, bidder_id, lot_id, share, is_lead, accepted_at) VALUES ($1, $2, $3, 1, true, now())`, [laterApp, bidderId, laterId]);
    const lotNumber = async (id: string) => ((await t.http().get(`/api/public/lots/${id}`).expect(200)).body as { lotNumber: string }).lotNumber;
    const [tradingNumber, laterNumber] = [await lotNumber(lotId), await lotNumber(laterId)];
    // The timed round gets its full two minutes again, so it outlasts this detour (the room reads the deadline on joining).
    await moveDeadline(t, lotId, 120_000);

    await room.goto(`${base}/room`);
    await room.getByRole('heading', { level: 1, name: '竞价大厅' }).waitFor();
    const mine = room.getByRole('region', { name: '我的竞价' });
    // A link's name joins its visible words and the hidden lot number; the browser may put spaces between them.
    const named = (...parts: string[]) => new RegExp(`^${[...parts.join('')].join('\\s*')}$`);
    const row = (n: string) => mine.getByRole('listitem').filter({ hasText: new RegExp(`${n}(?!\\d)`) });
    const trading = row(tradingNumber);
    await trading.filter({ hasText: '限时竞价' }).waitFor();
    expect(await trading.innerText()).toContain(`号牌 ${seats[0].bidderNumber}`);
    expect(await trading.innerText()).toContain('已取得竞买资格');
    await trading.getByRole('timer', { name: '距截止' }).waitFor();
    expect(await trading.locator('.countdown-digits').innerText()).toMatch(/^0[12]:\d\d$/);
    // The lot it may bid on comes first.
    expect(await mine.getByRole('listitem').first().innerText()).toContain(tradingNumber);
    const later = row(laterNumber);
    await later.filter({ hasText: '交易开始：' }).waitFor();
    expect(await later.innerText()).toContain('待缴保证金');
    expect(await later.innerText()).not.toContain('号牌');
    expect(await later.getByRole('link', { name: named('进入', laterNumber, '竞价室') }).count()).toBe(0);
    expect(await later.getByRole('link', { name: named('查看', laterNumber, '的竞买申请') }).getAttribute('href')).toBe(`/bidder/applications/${laterApp}`);
    // The practice section stays below, one click away.
    await room.getByRole('button', { name: '开始模拟竞价' }).waitFor();
    expect(await seriousAxeViolations(room)).toEqual([]);
    await screenshot(room, 'room-home-1280x800');

    const phone = await newPage(session, PHONE);
    await loginInBrowser(phone, base, seats[0].username, undefined, '/room');
    await phone.getByRole('region', { name: '我的竞价' }).getByRole('link', { name: named('进入', tradingNumber, '竞价室') }).waitFor();
    expect(await seriousAxeViolations(phone)).toEqual([]);
    await screenshot(phone, 'room-home-390x844');
    await phone.context().close();

    await trading.getByRole('link', { name: named('进入', tradingNumber, '竞价室') }).click();
    await room.waitForURL((url) => url.pathname === `/room/lots/${lotId}`);
    await openRoom(room, base, lotId);
    expect(await room.getByTestId('your-number').innerText()).toBe(`您的号牌：${seats[0].bidderNumber}`);
  });

  it('a price off the increment grid is caught before it leaves; the confirmation reads the price in 元, 万元 and 大写', async () => {
    await priceInput(room).fill('11200000');
    await room.getByText('报价须为加价幅度的整数倍（NOT_MULTIPLE_OF_INCREMENT）').waitFor();
    expect(await room.getByTestId('bid-submit').isDisabled()).toBe(true);
    // One click on +1 from an empty input gives the minimum next price (current + one increment).
    await priceInput(room).fill('');
    await room.getByRole('button', { name: '加一个加价幅度' }).click();
    expect(await priceInput(room).inputValue()).toBe('11000000.00');
    await room.getByRole('button', { name: '加 2 个加价幅度' }).click();
    expect(await priceInput(room).inputValue()).toBe('12000000.00');
    const shown = await openBidConfirmation(room, '11000000');
    expect(shown).toEqual({ yuan: '11,000,000.00 元', wan: '1,100 万元', capital: '壹仟壹佰万元整' });
    await screenshot(room, 'room-confirm-1280x800');
    await room.getByRole('button', { name: '返回修改' }).click();
    await room.getByRole('dialog').waitFor({ state: 'hidden' });
  });

  it('a bid overtaken while its confirmation is open is refused by the server, in Chinese', async () => {
    await openBidConfirmation(room, '11000000');
    expect(await rivals[0].emit('bid:place', { lotId, clientBidId: 'r1-2', price: '11000000.00' })).toMatchObject({ ok: true });
    await price().filter({ hasText: '11,000,000.00' }).waitFor();
    const answer = await confirmBid(room);
    expect(answer.ok).toBe(false);
    expect(answer.text).toContain('被拒绝');
    expect(answer.text).toContain('报价低于最低应价（PRICE_TOO_LOW）');
    await room.getByTestId('bid-refusal').filter({ hasText: '报价被拒绝：报价低于最低应价（PRICE_TOO_LOW）' }).waitFor();
  });

  it('the browser outbids: its bid is committed, it leads ("您领先") and its bid is marked in the history', async () => {
    const answer = await placeBidInRoom(room, '11500000');
    expect(answer.ok).toBe(true);
    expect(answer.text).toContain('已确认');
    await price().filter({ hasText: '11,500,000.00' }).waitFor();
    await room.getByTestId('leader').filter({ hasText: '您领先' }).waitFor();
    const history = room.getByRole('region', { name: '报价记录' });
    expect(await history.getByRole('row').nth(1).innerText()).toMatch(new RegExp(`${seats[0].bidderNumber}\\s*我的`));
  });

  it('a dropped connection shows the banner; the room rejoins with lastSeq and shows the bids placed meanwhile once each, in seq order', async () => {
    const banner = room.getByText('连接中断，正在重新连接').waitFor();
    // The browser goes offline (so it cannot reconnect before the rivals have bid) and its transport is cut.
    await room.context().setOffline(true);
    const tokens = new Set(seats.map((s) => s.token));
    // Cut the browser's transport (the rivals' sockets carry the seeded tokens; the browser logged in).
    const io = t.app.get(AuctionGateway).server;
    for (const socket of io.sockets.values()) {
      const token = (socket.handshake.auth as { token?: string }).token;
      if (token && !tokens.has(token)) socket.conn.close();
    }
    await banner;
    expect(await rivals[1].emit('bid:place', { lotId, clientBidId: 'r2-2', price: '12000000.00' })).toMatchObject({ ok: true });
    expect(await rivals[0].emit('bid:place', { lotId, clientBidId: 'r1-3', price: '12500000.00' })).toMatchObject({ ok: true });
    expect(await room.getByText('连接中断，正在重新连接').isVisible()).toBe(true);
    await room.context().setOffline(false);
    await price().filter({ hasText: '12,500,000.00' }).waitFor();
    await room.getByText('连接中断，正在重新连接').waitFor({ state: 'detached' });
    expect(await room.getByTestId('caught-up').innerText()).toContain('已重新连接，已按顺序补齐断线期间的 2 条事件。');
    const rows = await room.getByRole('region', { name: '报价记录' }).getByRole('row').allInnerTexts();
    const prices = rows.map((row) => /[\d,]+\.\d{2}/.exec(row)?.[0]).filter(Boolean);
    expect(prices).toEqual(['12,500,000.00', '12,000,000.00', '11,500,000.00', '11,000,000.00', '10,500,000.00', '10,000,000.00']);
  });

  it('on a phone the price and the bid button stay on screen', async () => {
    const phone = await newPage(session, PHONE);
    await loginInBrowser(phone, base, seats[0].username, undefined, `/room/lots/${lotId}`);
    await openRoom(phone, base, lotId);
    await phone.getByTestId('current-price').filter({ hasText: '12,500,000.00' }).waitFor();
    for (const y of [0, 600]) {
      await phone.mouse.wheel(0, y);
      const button = await phone.getByTestId('bid-submit').boundingBox();
      expect(button).not.toBeNull();
      expect(button!.y + button!.height).toBeLessThanOrEqual(PHONE.height);
      expect(button!.y).toBeGreaterThanOrEqual(0);
    }
    await phone.evaluate('window.scrollTo(0, 0)');
    await screenshot(phone, 'room-390x844');
    const violations = await seriousAxeViolations(phone);
    expect(violations).toEqual([]);
    await phone.context().close();
  });

  it('a freeze by the supervisor shows in the room: the banner says 已暂停, the clock stands still, no bid can be sent; resuming restores it', async () => {
    await t.http().post(`/api/lots/${lotId}/trading/freeze`).set(bearer(sale.tokens.supervisor)).send({ reason: '网络故障，暂停竞价' }).expect(201);
    await room.locator('.phase-banner').filter({ hasText: '已暂停' }).waitFor();
    await room.getByText('交易已暂停，恢复后可继续出价。').waitFor();
    expect(await room.getByTestId('countdown').count()).toBe(0);
    expect(await room.getByTestId('bid-submit').count()).toBe(0);
    await t.http().post(`/api/lots/${lotId}/trading/resume`).set(bearer(sale.tokens.supervisor)).send({}).expect(201);
    await room.locator('.phase-banner').filter({ hasText: '限时竞价' }).waitFor();
    await room.getByTestId('countdown').waitFor();
  });

  it('the browser bids last, by keyboard alone; when the timed round ends the lot closes and the room says it won', async () => {
    // Enter in the price opens the confirmation, whose 确认出价 has the focus: Enter again sends it.
    await priceInput(room).focus();
    await room.keyboard.type('13000000');
    await room.keyboard.press('Enter');
    await room.getByRole('dialog', { name: '请确认报价' }).getByText('壹仟叁佰万元整').waitFor();
    await room.waitForFunction('document.getAnimations().length === 0');
    await room.keyboard.press('Enter');
    await room.getByTestId('my-bids').getByRole('listitem').filter({ hasText: '13,000,000.00 元' }).filter({ hasText: '已确认' }).waitFor();
    await room.getByTestId('leader').filter({ hasText: '您领先' }).waitFor();
    expect(await room.getByTestId('my-bids').innerText()).toContain('13,000,000.00 元');
    expect(await seriousAxeViolations(room)).toEqual([]);
    // Time travel: 25 s are left, and the clock looks now: it announces the lot's 30 s warning mark.
    await moveDeadline(t, lotId, 25_000);
    await t.dataSource.query(`UPDATE lot SET due_at = clock_timestamp() WHERE id = $1`, [lotId]);
    await room.locator('.phase-banner').filter({ hasText: '限时竞价 · 距截止还有 30 秒' }).waitFor();
    await room.locator('.board-countdown.warn').waitFor();
    // Then two seconds are left; the running clock closes the lot at the deadline.
    await moveDeadline(t, lotId, 2000);
    await room.getByTestId('outcome').filter({ hasText: '恭喜，您以 13,000,000.00 元竞得本宗地。' }).waitFor({ timeout: 30_000 });
    await room.getByText('已成交', { exact: true }).first().waitFor();
    await room.getByTestId('leader').filter({ hasText: '您竞得' }).waitFor();
    await screenshot(room, 'room-won-1280x800');
  });

  /** A lot at whose price cap the rival's bid lands: the browser's bidder (logged in on a new page) plays the cap round. */
  async function capRound(capRule: Record<string, unknown>, prefix: string): Promise<{ page: Page; lotId: string; you: Seat }> {
    const id = await publishedLot(t, sale, { ...AUCTION_TERMS, priceCap: '9900000.00', capRule });
    // An auction needs three qualified bidders to open (two would close it unsold).
    const [you, rivalSeat] = await qualifiedBidders(t, id, 3, prefix);
    await givePassword(t, you.userId);
    await openTradingNow(t, id);
    const rival = await connect(`${base}/auction`, rivalSeat.token);
    rivals.push(rival);
    expect(await rival.emit('lot:join', { lotId: id })).toMatchObject({ ok: true });
    expect(await rival.emit('bid:place', { lotId: id, clientBidId: `${prefix}-cap`, price: '9900000.00' })).toMatchObject({ ok: true });
    const page = await newPage(session, DESKTOP);
    await loginInBrowser(page, base, you.username, undefined, `/room/lots/${id}`);
    await openRoom(page, base, id);
    await page.getByText('已达最高限价', { exact: true }).first().waitFor();
    return { page, lotId: id, you };
  }

  it('at the price cap (竞配建) the room takes a floor area, confirmed with the area and the cap price', async () => {
    const { page } = await capRound({ mode: 'build_in_area', startArea: '0.00', areaStep: '100.00' }, 'roomarea');
    await page.getByText('竞报配建（政府保障性住房）面积').waitFor();
    await page.getByRole('button', { name: '+1 加一个面积步长' }).click();
    expect(await page.getByRole('textbox', { name: '配建面积（平方米）' }).inputValue()).toBe('100.00');
    await page.getByTestId('bid-submit').click();
    const dialog = page.getByRole('dialog', { name: '请确认报价' });
    expect(await dialog.getByTestId('confirm-value').innerText()).toBe('100.00㎡');
    expect(await dialog.getByTestId('confirm-yuan').innerText()).toBe('9,900,000.00 元');
    expect(await dialog.getByTestId('confirm-capital').innerText()).toBe('玖佰玖拾万元整');
    await dialog.getByRole('button', { name: '确认出价' }).click();
    await page.getByTestId('leading-area').filter({ hasText: '100.00㎡' }).waitFor();
    await page.getByTestId('leader').filter({ hasText: '您领先' }).waitFor();
    expect(await page.getByTestId('my-bids').innerText()).toMatch(/配建面积\s*100\.00㎡\s*已确认/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'room-cap-area-1280x800');
    await page.context().close();
  });

  it('at the price cap (竞自持) the room takes a share in percent and sends it as a ratio', async () => {
    const { page } = await capRound({ mode: 'self_held_share', startShare: '0.1000', shareStep: '0.0100' }, 'roomshare');
    await page.getByRole('button', { name: '+1 加一个比例步长' }).click();
    expect(await page.getByRole('textbox', { name: '自持比例（%）' }).inputValue()).toBe('11.00');
    await page.getByTestId('bid-submit').click();
    const dialog = page.getByRole('dialog', { name: '请确认报价' });
    expect(await dialog.getByTestId('confirm-value').innerText()).toBe('11.00%');
    await dialog.getByRole('button', { name: '确认出价' }).click();
    await page.getByTestId('leading-share').filter({ hasText: '11.00%' }).waitFor();
    await page.getByTestId('leader').filter({ hasText: '您领先' }).waitFor();
    await page.context().close();
  });

  it('in a tender the room takes one sealed price, confirmed in 大写, and shows its commitment, never the price to others', async () => {
    const id = await publishedLot(t, sale, {
      method: 'tender',
      startPrice: '10000000.00',
      deposit: '2000000.00',
      priceUnit: 'total',
      hasReserve: false,
      evaluation: { method: 'highest_price' },
      eligibility: { jointBidsAllowed: false, review: 'post_review', exclusions: '' },
    });
    const [you] = await qualifiedBidders(t, id, 3, 'roomtender');
    await givePassword(t, you.userId);
    await openTradingNow(t, id);
    const page = await newPage(session, DESKTOP);
    await loginInBrowser(page, base, you.username, undefined, `/room/lots/${id}`);
    await page.getByText('投标期', { exact: true }).first().waitFor();
    await page.getByRole('textbox', { name: '密封报价（元）' }).fill('10780000');
    await page.getByTestId('bid-submit').click();
    const dialog = page.getByRole('dialog', { name: '请确认报价' });
    expect(await dialog.getByTestId('confirm-capital').innerText()).toBe('壹仟零柒拾捌万元整');
    await dialog.getByText('密封报价只能提交一次，提交后不能更改。').waitFor();
    await dialog.getByRole('button', { name: '确认出价' }).click();
    await page.getByText(/^您的密封报价已提交，承诺值：[0-9a-f]{64}$/).waitFor();
    const watcher = await newPage(session, DESKTOP);
    await watcher.goto(`${base}/lots/${id}/live`);
    await watcher.getByText('投标期', { exact: true }).first().waitFor();
    expect(await watcher.content()).not.toContain('10,780,000');
    await watcher.context().close();
    await page.context().close();
  });

  it('at the price cap (摇号) the room offers the lottery opt-in, confirmed at the cap price', async () => {
    const { page } = await capRound({ mode: 'lottery', optInWindowMinutes: 10 }, 'roomlot');
    await page.getByRole('button', { name: '报名参加摇号' }).click();
    const dialog = page.getByRole('dialog', { name: '请确认报价' });
    await dialog.getByText('确认以最高限价 9,900,000.00 元报名参加摇号？').waitFor();
    await dialog.getByRole('button', { name: '确认出价' }).click();
    await page.getByText('您已报名参加摇号。').waitFor();
    expect(await page.getByTestId('my-bids').innerText()).toMatch(/报名摇号\s*—\s*已确认/);
    await page.context().close();
  });

  it('a bidder opens a practice lot in one click from the room home and watches the simulated opponents move its price', async () => {
    await registerCompany(t, 'room.practice', '模拟演练竞买有限公司', 771);
    const page = await newPage(session, DESKTOP);
    await loginInBrowser(page, base, 'room.practice', undefined, '/room');
    expect(new URL(page.url()).pathname).toBe('/room');
    await page.getByRole('heading', { level: 1, name: '竞价大厅' }).waitFor();
    await page.getByText('还没有模拟竞价记录。').waitFor();
    // No application yet: the bidder is told where to apply.
    const mine = page.getByRole('region', { name: '我的竞价' });
    await mine.getByText('您还没有申请竞买任何地块。').waitFor();
    expect(await mine.getByRole('link', { name: '到“我的申请”查看可报名的地块' }).getAttribute('href')).toBe('/bidder/applications');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'room-home-empty-1280x800');
    await page.getByRole('button', { name: '开始模拟竞价' }).click();
    await page.waitForURL(/\/room\/lots\/[0-9a-f-]{36}$/);
    const practiceId = /\/room\/lots\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
    await page.getByRole('heading', { level: 1, name: /^竞价室 · 模拟竞价/ }).waitFor();
    await page.getByText('模拟竞价 · 演练，不产生真实交易').waitFor();
    await page.getByTestId('your-number').waitFor();
    // Time travel: trading opens now, and the simulated opponents' turns come at once.
    await openPracticeNow(t, practiceId);
    await page.getByText('挂牌期', { exact: true }).first().waitFor();
    const rows = page.getByRole('region', { name: '报价记录' }).getByRole('row');
    // Two opponents' bids (a header row plus two): the price has moved past the first quote.
    for (let turn = 0; turn < 10 && (await rows.count()) < 3; turn++) await simulatedTurn(t, practiceId);
    await rows.nth(2).waitFor();
    const top = /[\d,]+\.\d{2}/.exec(await rows.nth(1).innerText())![0];
    await page.getByTestId('current-price').filter({ hasText: top }).waitFor();
    expect(await page.getByTestId('leader').innerText()).toMatch(/号领先$/);
    // Joined before the opening, the room still knows the increment (from the lot) and the next minimum.
    expect(await page.getByTestId('increment-policy').innerText()).toBe('加价幅度 20 万元，报价不低于当前价加一个加价幅度');
    expect(await page.getByTestId('minimum-next').innerText()).toMatch(/^[\d,]+\.00 元/);
    await screenshot(page, 'room-practice-1280x800');
    await page.context().close();
  });
});
