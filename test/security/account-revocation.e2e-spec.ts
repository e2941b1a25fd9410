import { JwtService } from '@nestjs/jwt';
import { io } from 'socket.io-client';
import { Role, TokenService, UserEntity } from '@app/auth';
import { TradingService } from '@app/bidding';
import { Money } from '@app/money';
import { AUCTION_TERMS, bearer, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';
import { connect, listen, openTradingNow, publishedLot, qualifiedBidders, sharedRoomsEnv, type Client, type Seat } from '../support/trading';

type Ack = { ok: true; seq: number; price: string } | { ok: false; code: string; message: string };

/**
 * Hardening issue, item 1: a disabled account, or a session that logged out, can no longer bid — not on
 * a socket it opened before, not on a new socket with its old token, on any instance. Two API instances
 * share one database and their socket.io rooms (the Redis adapter with REDIS_URL, else the PostgreSQL
 * adapter), like a scaled-out deployment.
 */
describe('a disabled or logged-out account can no longer bid (two instances)', () => {
  const env = sharedRoomsEnv();
  let a: TestApp;
  let b: TestApp;
  let urlA: string;
  let urlB: string;
  let lotId: string;
  let seats: Seat[];
  let adminToken: string;
  let trading: string;
  const open: Client[] = [];

  beforeAll(async () => {
    a = await createTestApp(env);
    b = await createTestApp(env, { sameDatabaseAs: a });
    [urlA, urlB] = [await listen(a), await listen(b)];
    const s = await new SaleBuilder(a).init('revoke');
    trading = s.tokens.trading;
    lotId = await publishedLot(a, s, { ...AUCTION_TERMS, countdownSeconds: 600 });
    seats = await qualifiedBidders(a, lotId, 8, 'revoke');
    adminToken = await a.tokenFor([Role.Admin], 'revoke.admin');
    await openTradingNow(a, lotId);
  }, 120_000);

  afterAll(async () => {
    open.forEach((c) => c.close());
    await b?.close();
    await a?.close();
  });

  async function joined(url: string, token?: string): Promise<Client> {
    const c = await connect(url, token);
    open.push(c);
    expect(await c.emit('lot:join', { lotId })).toMatchObject({ ok: true });
    return c;
  }

  /** The code of a refused handshake (`connect_error`), or 'CONNECTED' if the socket got in. */
  function handshake(url: string, token: string): Promise<string> {
    const socket = io(url, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
    return new Promise((resolve) => {
      socket.once('connect', () => {
        socket.disconnect();
        resolve('CONNECTED');
      });
      socket.once('connect_error', (err: Error & { data?: { code?: string } }) => resolve(err.data?.code ?? err.message));
    });
  }

  const disconnected = (c: Client) => new Promise<string>((resolve) => c.socket.once('disconnect', (reason) => resolve(reason)));

  async function nextPrice(): Promise<string> {
    const snap = (await a.http().get(`/api/public/lots/${lotId}/trading`).expect(200)).body as { minimumNextPrice: string | null };
    return snap.minimumNextPrice ?? AUCTION_TERMS.startPrice;
  }

  let bidCounter = 0;
  const bid = async (c: Client) => c.emit<Ack>('bid:place', { lotId, clientBidId: `rv-${++bidCounter}`, price: await nextPrice() });

  async function storedFor(seat: Seat): Promise<{ bids: number; rejections: number; sealed: number }> {
    const [row] = (await a.dataSource.query(
      `SELECT (SELECT count(*) FROM bid WHERE application_id = $1)::int AS bids, (SELECT count(*) FROM bid_rejection WHERE application_id = $1)::int AS rejections,
              (SELECT count(*) FROM sealed_value WHERE application_id = $1)::int AS sealed`,
      [seat.applicationId],
    )) as Array<{ bids: number; rejections: number; sealed: number }>;
    return row!;
  }

  /** A second login of a seeded bidder (it has no password): a new session with its refresh token. */
  async function newSession(seat: Seat): Promise<{ accessToken: string; refreshToken: string }> {
    return a.dataSource.transaction(async (em) => a.app.get(TokenService).issue(em, await em.findOneByOrFail(UserEntity, { id: seat.userId })));
  }

  const disable = (seat: Seat, reason = 'bidder found to be on the dishonest-debtor list') =>
    a.http().patch(`/api/users/${seat.userId}`).set(bearer(adminToken)).send({ active: false, reason }).expect(200);

  it('disabling an account closes its sockets on every instance, refuses its old token at the handshake and stores nothing more', async () => {
    const [x, y] = [seats[0]!, seats[1]!];
    const onB = await joined(urlB, x.token);
    const onA = await joined(urlA, x.token);
    const other = await joined(urlB, y.token);
    const spectator = await joined(urlB);
    expect(await bid(onB)).toMatchObject({ ok: true });
    const closed = [disconnected(onB), disconnected(onA)];

    await disable(x);

    // The server, not the client, closed both sockets, the one on the other instance included.
    expect(await Promise.all(closed)).toEqual(['io server disconnect', 'io server disconnect']);
    expect(await handshake(urlA, x.token)).toBe('ACCOUNT_DISABLED');
    expect(await handshake(urlB, x.token)).toBe('ACCOUNT_DISABLED');
    expect((await a.http().get('/api/auth/me').set(bearer(x.token)).expect(403)).body.code).toBe('ACCOUNT_DISABLED');
    // Everyone else stays: the other bidder bids on, the spectator watches.
    expect(other.socket.connected && spectator.socket.connected).toBe(true);
    expect(await bid(other)).toMatchObject({ ok: true });
    expect(await storedFor(x)).toEqual({ bids: 1, rejections: 0, sealed: 0 });
  });

  it('refuses a bid from an account disabled while its socket stayed open (seat cached) with ACCOUNT_DISABLED, and stores nothing', async () => {
    const z = seats[2]!;
    const c = await joined(urlB, z.token);
    expect(await bid(c)).toMatchObject({ ok: true }); // its seat is now cached on the socket
    // A disable whose disconnect never reached this socket: the row changes, the socket stays open.
    await a.dataSource.query(`UPDATE app_user SET active = false WHERE id = $1`, [z.userId]);
    expect(c.socket.connected).toBe(true);

    expect(await bid(c)).toMatchObject({ ok: false, code: 'ACCOUNT_DISABLED' });
    expect(await c.emit('bid:sealed', { lotId, price: '99000000.00' })).toMatchObject({ ok: false, code: 'ACCOUNT_DISABLED' });
    expect(await c.emit('bid:opt-in', { lotId })).toMatchObject({ ok: false, code: 'ACCOUNT_DISABLED' });
    expect(await c.emit('bid:area', { lotId, clientBidId: 'rv-area', area: '5000.00' })).toMatchObject({ ok: false, code: 'ACCOUNT_DISABLED' });
    expect(await storedFor(z)).toEqual({ bids: 1, rejections: 0, sealed: 0 });
  });

  it('refuses a bid from a session that ended while its socket stayed open with SESSION_REVOKED, and stores nothing', async () => {
    const w = seats[3]!;
    const c = await joined(urlA, w.token);
    expect(await bid(c)).toMatchObject({ ok: true });
    await a.dataSource.query(`UPDATE auth_session SET revoked_at = now(), revoked_reason = 'logout' WHERE user_id = $1`, [w.userId]);
    expect(await bid(c)).toMatchObject({ ok: false, code: 'SESSION_REVOKED' });
    expect(await storedFor(w)).toEqual({ bids: 1, rejections: 0, sealed: 0 });
  });

  it('a refused account in a batch does not hold up the other bids of the batch', async () => {
    const [disabled, fine] = [seats[2]!, seats[4]!]; // seats[2] was disabled above
    const sessionOf = async (s: Seat) =>
      ((await a.dataSource.query(`SELECT id FROM auth_session WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1`, [s.userId])) as Array<{ id: string }>)[0]!.id;
    const price = Money.of(await nextPrice());
    const acks = await a.app.get(TradingService).placeBids(lotId, [
      { applicationId: disabled.applicationId, bidderNumber: disabled.bidderNumber, clientBidId: 'batch-1', price, account: { userId: disabled.userId, sessionId: await sessionOf(disabled) } },
      { applicationId: fine.applicationId, bidderNumber: fine.bidderNumber, clientBidId: 'batch-2', price, account: { userId: fine.userId, sessionId: await sessionOf(fine) } },
    ]);
    expect(acks).toEqual([expect.objectContaining({ ok: false, code: 'ACCOUNT_DISABLED' }), expect.objectContaining({ ok: true, price: price.toString() })]);
    expect(await storedFor(disabled)).toEqual({ bids: 1, rejections: 0, sealed: 0 });
  });

  it('logging out closes the sockets of that session on every instance, and only that session', async () => {
    const v = seats[5]!;
    const session = await newSession(v);
    const loggingOut = await joined(urlB, session.accessToken);
    const otherSession = await joined(urlA, v.token);
    const closed = disconnected(loggingOut);

    await a.http().post('/api/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);

    expect(await closed).toBe('io server disconnect');
    expect(await handshake(urlB, session.accessToken)).toBe('SESSION_REVOKED');
    expect((await b.http().get('/api/auth/me').set(bearer(session.accessToken)).expect(401)).body.code).toBe('SESSION_REVOKED');
    expect(otherSession.socket.connected).toBe(true);
    expect(await bid(otherSession)).toMatchObject({ ok: true });
  });

  it('a socket takes its roles from the database: a token whose roles claim still says bidder does not let a former bidder bid', async () => {
    const u = seats[6]!;
    const before = await joined(urlB, u.token);
    await a.http().patch(`/api/users/${u.userId}`).set(bearer(adminToken)).send({ roles: [Role.FinanceOfficer], reason: 'moved to the finance office' }).expect(200);
    // The socket opened while it was a bidder: the bid's own check sees the role is gone.
    expect(await bid(before)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // A new socket with the same token (its claims say bidder) gets the database's roles.
    const after = await joined(urlA, u.token);
    expect(await bid(after)).toMatchObject({ ok: false, code: 'NOT_QUALIFIED' });
    // Likewise a validly signed token whose roles claim was altered.
    const claims = JSON.parse(Buffer.from(u.token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    const forged = await a.app.get(JwtService).signAsync({ sub: claims.sub, sid: claims.sid, username: claims.username, roles: [Role.Bidder, Role.TradingOfficer], typ: 'access' }, { expiresIn: 900 });
    const withForged = await joined(urlB, forged);
    expect(await bid(withForged)).toMatchObject({ ok: false, code: 'NOT_QUALIFIED' });
    expect((await a.http().get(`/api/lots/${lotId}/trading/bids`).set(bearer(forged)).expect(403)).body.code).toBe('FORBIDDEN');
    expect(await storedFor(u)).toEqual({ bids: 0, rejections: 0, sealed: 0 });
    // Staff still see every bid: the refusals above left nothing behind.
    await a.http().get(`/api/lots/${lotId}/trading/bids`).set(bearer(trading)).expect(200);
  });

  it('refuses at the handshake a validly signed token without exp, or without a session id', async () => {
    const q = seats[7]!;
    const claims = JSON.parse(Buffer.from(q.token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    const jwt = a.app.get(JwtService);
    const noExp = await jwt.signAsync({ sub: claims.sub, sid: claims.sid, username: claims.username, roles: claims.roles, typ: 'access' });
    const noSid = await jwt.signAsync({ sub: claims.sub, username: claims.username, roles: claims.roles, typ: 'access' }, { expiresIn: 900 });
    expect(await handshake(urlA, noExp)).toBe('UNAUTHENTICATED');
    expect(await handshake(urlB, noSid)).toBe('UNAUTHENTICATED');
    expect(await handshake(urlA, q.token)).toBe('CONNECTED');
  });
});
