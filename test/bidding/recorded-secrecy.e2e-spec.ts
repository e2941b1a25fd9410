import { AUCTION_TERMS, bearer, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';
import { connect, listen, moveDeadline, openTradingNow, publishedLot, qualifiedBidders, type Client, type Seat } from '../support/trading';

/**
 * DESIGN.md §4, Secrecy: a whole auction with a sealed reserve is recorded — every socket frame and
 * every public HTTP response — as a spectator and as each bidder. Before the close no recording holds
 * the reserve (or a committee member's proposal); no spectator recording ever holds a bidder's
 * identity, and no bidder's recording holds another bidder's. After the close the reserve is revealed
 * and checks against its published commitment.
 */
describe('a recorded auction keeps the reserve and the identities sealed', () => {
  const RESERVE = '9870000.00';
  const PROPOSALS = ['9860000.00', '9870000.00', '9880000.00'];
  let t: TestApp;
  let lotId: string;
  let seats: Seat[];
  let spectator: Client;
  let bidders: Client[];
  const http: Array<{ who: string; path: string; text: string; beforeClose: boolean }> = [];
  const acks: Array<{ who: string; text: string; beforeClose: boolean }> = [];
  let closed = false;

  const record = async (who: string, token: string | undefined) => {
    for (const path of [`/api/public/lots/${lotId}`, `/api/public/lots/${lotId}/trading`, `/api/public/lots/${lotId}/events`, `/api/public/lots/${lotId}/chain`, `/api/public/notices`, `/api/public/lots/${lotId}/result`]) {
      const req = t.http().get(path);
      if (token) req.set(bearer(token));
      const res = await req;
      http.push({ who, path, text: res.text, beforeClose: !closed });
    }
  };
  const recordAll = async () => {
    await record('spectator', undefined);
    for (let i = 0; i < seats.length; i++) await record(`bidder${i}`, seats[i].token);
  };

  beforeAll(async () => {
    t = await createTestApp({ CLOCK_INTERVAL_MS: '50' });
    const url = await listen(t);
    const s = await new SaleBuilder(t).init('secret');
    lotId = await publishedLot(t, s, { ...AUCTION_TERMS, hasReserve: true, reserveRoundingUnit: '10000.00', countdownSeconds: 600 }, async (id) => {
      await t.http().put(`/api/lots/${id}/committee`).set(bearer(s.tokens.trading)).send({ memberIds: s.memberIds }).expect(200);
    });
    for (let i = 0; i < 3; i++) await t.http().post(`/api/lots/${lotId}/reserve-proposals`).set(bearer(s.tokens.members[i])).send({ value: PROPOSALS[i] }).expect(201);
    seats = await qualifiedBidders(t, lotId, 3, 'secret');
    spectator = await connect(url);
    bidders = await Promise.all(seats.map((seat) => connect(url, seat.token)));
    await openTradingNow(t, lotId);
    for (const [i, c] of [spectator, ...bidders].entries()) acks.push({ who: i === 0 ? 'spectator' : `bidder${i - 1}`, text: JSON.stringify(await c.emit('lot:join', { lotId })), beforeClose: true });
    await recordAll();
    const prices = ['9800000.00', '9850000.00', '9900000.00', '9950000.00'];
    for (const [n, price] of prices.entries()) {
      const who = n % 3;
      acks.push({ who: `bidder${who}`, text: JSON.stringify(await bidders[who].emit('bid:place', { lotId, clientBidId: `s-${n}`, price })), beforeClose: true });
      await recordAll();
    }
    await moveDeadline(t, lotId, -1);
    await spectator.waitFor((f) => f.event === 'lot:closed', 20_000);
    closed = true;
    await recordAll();
  }, 60_000);

  afterAll(async () => {
    [spectator, ...(bidders ?? [])].forEach((c) => c?.close());
    await t.close();
  });

  it('the auction ran and closed sold above the reserve (so there was something to leak)', async () => {
    const res = await t.http().get(`/api/public/lots/${lotId}/result`).expect(200);
    expect(res.body).toMatchObject({ outcome: 'sold', price: '9950000.00', winnerNumber: seats[0].bidderNumber, reserve: { value: RESERVE } });
    expect(spectator.frames.filter((f) => f.event === 'bid:accepted')).toHaveLength(4);
    expect(http.filter((h) => h.beforeClose).length).toBeGreaterThan(80);
  });

  it('no frame or response before the close holds the reserve or a committee proposal', async () => {
    const [{ reserve_salt: salt }] = (await t.dataSource.query(`SELECT reserve_salt FROM result WHERE lot_id = $1`, [lotId])) as Array<{ reserve_salt: string }>;
    const secrets = [RESERVE, '9870000', PROPOSALS[0], PROPOSALS[2], salt];
    const closingSeq = Number(spectator.frames.find((f) => f.event === 'lot:closed')!.data.seq);
    const before = [
      ...[spectator, ...bidders].flatMap((c, i) => c.frames.filter((f) => Number(f.data.seq) < closingSeq).map((f) => ({ who: i === 0 ? 'spectator' : `bidder${i - 1}`, text: JSON.stringify(f) }))),
      ...http.filter((h) => h.beforeClose).map((h) => ({ who: `${h.who} GET ${h.path}`, text: h.text })),
      ...acks.filter((a) => a.beforeClose),
    ];
    const leaks = before.flatMap((r) => secrets.filter((s) => r.text.includes(s)).map((s) => `${r.who}: ${s}`));
    expect(leaks).toEqual([]);
  });

  it('no spectator recording names a bidder, and no bidder recording names another bidder', () => {
    const leaks: string[] = [];
    const check = (who: string, text: string, forbidden: Seat[]) => {
      for (const seat of forbidden) for (const secret of [seat.name, seat.creditCode, seat.applicationId, seat.username]) if (text.includes(secret)) leaks.push(`${who}: ${secret}`);
    };
    for (const f of spectator.frames) check('spectator frame', JSON.stringify(f), seats);
    bidders.forEach((c, i) => c.frames.forEach((f) => check(`bidder${i} frame`, JSON.stringify(f), seats.filter((_, j) => j !== i))));
    for (const h of http) check(`${h.who} GET ${h.path}`, h.text, h.who === 'spectator' ? seats : seats.filter((_, j) => `bidder${j}` !== h.who));
    for (const a of acks) check(a.who, a.text, a.who === 'spectator' ? seats : seats.filter((_, j) => `bidder${j}` !== a.who));
    expect(leaks).toEqual([]);
  });

  it('after the close the reserve is revealed and matches the commitment published when it was sealed', async () => {
    const result = await t.http().get(`/api/public/lots/${lotId}/result`).expect(200);
    const verdict = await t.http().post('/api/public/reserve/verify').send({ lotId, value: result.body.reserve.value, salt: result.body.reserve.salt }).expect(200);
    expect(verdict.body.valid).toBe(true);
    const tampered = await t.http().post('/api/public/reserve/verify').send({ lotId, value: '9860000.00', salt: result.body.reserve.salt }).expect(200);
    expect(tampered.body.valid).toBe(false);
  });
});
