import { JwtService } from '@nestjs/jwt';
import { Role } from '@app/auth';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';

describe('authentication', () => {
  let t: TestApp;
  let adminToken: string;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES: '3' });
    adminToken = await t.tokenFor([Role.Admin], 'root.admin');
  });
  afterAll(() => t.close());

  async function createUser(username: string, roles: string[] = [Role.TradingOfficer]) {
    return t
      .http()
      .post('/api/users')
      .set('authorization', `Bearer ${adminToken}`)
      .send({ username, displayName: username, password: TEST_PASSWORD, roles })
      .expect(201);
  }

  it('stores passwords as argon2id hashes, never as given', async () => {
    await createUser('hash.check');
    const rows: Array<{ password_hash: string }> = await t.dataSource.query(`SELECT password_hash FROM app_user WHERE username = 'hash.check'`);
    expect(rows[0]!.password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0]!.password_hash).not.toContain(TEST_PASSWORD);
  });

  it('logs in with the right password and returns a short-lived JWT and a refresh token', async () => {
    await createUser('li.trading');
    const res = await t.http().post('/api/auth/login').send({ username: 'li.trading', password: TEST_PASSWORD }).expect(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const me = await t.http().get('/api/auth/me').set('authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ username: 'li.trading', roles: [Role.TradingOfficer] });
    expect(me.body).not.toHaveProperty('passwordHash');
  });

  it('rejects a wrong password with 401 INVALID_CREDENTIALS and the same answer for an unknown user', async () => {
    await createUser('wrong.pw');
    const a = await t.http().post('/api/auth/login').send({ username: 'wrong.pw', password: 'nope-nope-nope' }).expect(401);
    const b = await t.http().post('/api/auth/login').send({ username: 'nobody.here', password: 'nope-nope-nope' }).expect(401);
    expect(a.body.code).toBe('INVALID_CREDENTIALS');
    expect(b.body.message).toBe(a.body.message);
  });

  const login = async (username: string, password = TEST_PASSWORD) =>
    (await t.http().post('/api/auth/login').send({ username, password }).expect(200)).body as { accessToken: string; refreshToken: string };
  const me = (token: string) => t.http().get('/api/auth/me').set('authorization', `Bearer ${token}`);
  /** A token signed with the platform's real secret, with whatever claims a forger chooses. */
  const sign = (claims: object, options: { expiresIn?: number } = { expiresIn: 900 }) => t.app.get(JwtService).signAsync(claims, options);
  const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sub: string; sid: string; username: string; roles: string[] };

  it('rate-limits failed logins per username and client: that client\'s next attempt gets 429 even with the right password', async () => {
    await createUser('guess.me');
    for (let i = 0; i < 3; i++) {
      await t.http().post('/api/auth/login').send({ username: 'guess.me', password: `wrong-${i}-xxxx` }).expect(401);
    }
    const res = await t.http().post('/api/auth/login').send({ username: 'guess.me', password: TEST_PASSWORD }).expect(429);
    expect(res.body).toMatchObject({ code: 'LOGIN_RATE_LIMITED', field: 'username' });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('believes no X-Forwarded-For without TRUST_PROXY: a guesser cannot pose as many clients', async () => {
    await createUser('spoof.me');
    for (let i = 0; i < 3; i++) {
      await t.http().post('/api/auth/login').set('x-forwarded-for', `203.0.113.${i + 1}`).send({ username: 'spoof.me', password: `wrong-${i}-xxxx` }).expect(401);
    }
    const res = await t.http().post('/api/auth/login').set('x-forwarded-for', '203.0.113.99').send({ username: 'spoof.me', password: 'wrong-again-xx' }).expect(429);
    expect(res.body.code).toBe('LOGIN_RATE_LIMITED');
  });

  it('ends the session at logout: its access token is refused at once with 401 SESSION_REVOKED; another session of the account keeps working, even when the logged-out refresh token is tried again', async () => {
    const created = await createUser('log.out');
    const first = await login('log.out');
    const second = await login('log.out');
    await me(first.accessToken).expect(200);
    await t.http().post('/api/auth/logout').send({ refreshToken: first.refreshToken }).expect(204);
    const res = await me(first.accessToken).expect(401);
    expect(res.body.code).toBe('SESSION_REVOKED');
    await t.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    await me(second.accessToken).expect(200);
    const audit: Array<{ actor_id: string; entity_id: string; after: { reason: string } }> = await t.dataSource.query(
      `SELECT actor_id, entity_id, after FROM audit_event WHERE action = 'auth.logout' AND entity_id = $1`,
      [claimsOf(first.accessToken).sid],
    );
    expect(audit).toEqual([{ actor_id: created.body.id, entity_id: claimsOf(first.accessToken).sid, after: { live: false, reason: 'logout' } }]);
  });

  it('keeps the session across a refresh: the new access token works, and logging out ends both', async () => {
    await createUser('keep.session');
    const first = await login('keep.session');
    const next = (await t.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body as { accessToken: string; refreshToken: string };
    expect(claimsOf(next.accessToken).sid).toBe(claimsOf(first.accessToken).sid);
    await t.http().post('/api/auth/logout').send({ refreshToken: next.refreshToken }).expect(204);
    await me(first.accessToken).expect(401);
    await me(next.accessToken).expect(401);
  });

  it('a reused refresh token ends every session of the account, access tokens included', async () => {
    await createUser('stolen.refresh');
    const a = await login('stolen.refresh');
    const b = await login('stolen.refresh');
    await t.http().post('/api/auth/refresh').send({ refreshToken: a.refreshToken }).expect(200);
    await t.http().post('/api/auth/refresh').send({ refreshToken: a.refreshToken }).expect(401);
    expect((await me(a.accessToken).expect(401)).body.code).toBe('SESSION_REVOKED');
    expect((await me(b.accessToken).expect(401)).body.code).toBe('SESSION_REVOKED');
  });

  it('refuses a validly signed access token without exp, without a session id, of another type, or claiming a longer life than configured', async () => {
    await createUser('odd.tokens');
    const good = await login('odd.tokens');
    const { sub, sid, username, roles } = claimsOf(good.accessToken);
    const noExp = await sign({ sub, sid, username, roles, typ: 'access' }, {});
    const noSid = await sign({ sub, username, roles, typ: 'access' });
    const refreshTyp = await sign({ sub, sid, username, roles, typ: 'refresh' });
    const tooLong = await sign({ sub, sid, username, roles, typ: 'access' }, { expiresIn: 30 * 86_400 });
    for (const token of [noExp, noSid, refreshTyp, tooLong]) {
      expect((await me(token).expect(401)).body.code).toBe('UNAUTHENTICATED');
    }
    await me(good.accessToken).expect(200);
  });

  it('takes roles from the database, never from the token: a validly signed token whose roles claim says admin gets the account\'s own roles', async () => {
    await createUser('forger', [Role.Bidder]);
    const { sub, sid, username } = claimsOf((await login('forger')).accessToken);
    const forged = await sign({ sub, sid, username, roles: [Role.Admin, Role.TradingOfficer, Role.Supervisor], typ: 'access' });
    const res = await t.http().get('/api/users').set('authorization', `Bearer ${forged}`).expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
    expect((await me(forged).expect(200)).body.roles).toEqual([Role.Bidder]);
  });

  it('rotates refresh tokens: a used one is refused and its reuse revokes the newer one too', async () => {
    await createUser('rotate.me');
    const login = await t.http().post('/api/auth/login').send({ username: 'rotate.me', password: TEST_PASSWORD }).expect(200);
    const first = login.body.refreshToken as string;
    const second = (await t.http().post('/api/auth/refresh').send({ refreshToken: first }).expect(200)).body.refreshToken as string;
    expect(second).not.toBe(first);
    const reuse = await t.http().post('/api/auth/refresh').send({ refreshToken: first }).expect(401);
    expect(reuse.body.code).toBe('INVALID_REFRESH_TOKEN');
    await t.http().post('/api/auth/refresh').send({ refreshToken: second }).expect(401);
  });

  it('refuses a token signed with another secret, and a malformed Authorization header, with 401', async () => {
    const forged =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDAiLCJ1c2VybmFtZSI6ImFkbWluIiwicm9sZXMiOlsiYWRtaW4iXSwidHlwIjoiYWNjZXNzIn0.c2lnbmF0dXJlLWZyb20tYW5vdGhlci1zZWNyZXQ';
    const a = await t.http().get('/api/users').set('authorization', `Bearer ${forged}`).expect(401);
    expect(a.body.code).toBe('UNAUTHENTICATED');
    await t.http().get('/api/users').set('authorization', 'Basic abc').expect(401);
  });

  it('shuts a disabled account out at once, even with a token issued before', async () => {
    const created = await createUser('to.disable');
    const login = await t.http().post('/api/auth/login').send({ username: 'to.disable', password: TEST_PASSWORD }).expect(200);
    await t
      .http()
      .patch(`/api/users/${created.body.id}`)
      .set('authorization', `Bearer ${adminToken}`)
      .send({ active: false, reason: 'left the trading center' })
      .expect(200);
    const res = await t.http().get('/api/auth/me').set('authorization', `Bearer ${login.body.accessToken}`).expect(403);
    expect(res.body.code).toBe('ACCOUNT_DISABLED');
    await t.http().post('/api/auth/login').send({ username: 'to.disable', password: TEST_PASSWORD }).expect(403);
    await t.http().post('/api/auth/refresh').send({ refreshToken: login.body.refreshToken }).expect(401);
  });

  it('disabling ends the account\'s sessions for good: after re-enabling, a token issued before stays refused (audited)', async () => {
    const created = await createUser('re.enable');
    const before = await login('re.enable');
    const patch = (active: boolean) =>
      t.http().patch(`/api/users/${created.body.id}`).set('authorization', `Bearer ${adminToken}`).send({ active, reason: 'suspected account sharing' }).expect(200);
    await patch(false);
    await patch(true);
    expect((await me(before.accessToken).expect(401)).body.code).toBe('SESSION_REVOKED');
    await t.http().post('/api/auth/refresh').send({ refreshToken: before.refreshToken }).expect(401);
    await me((await login('re.enable')).accessToken).expect(200);
    const audit: Array<{ action: string; after: Record<string, unknown>; reason: string }> = await t.dataSource.query(
      `SELECT action, after, reason FROM audit_event WHERE entity_id = $1 AND action IN ('user.update', 'auth.sessions.end') ORDER BY id`,
      [created.body.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['user.update', 'auth.sessions.end', 'user.update']);
    expect(audit[1]).toMatchObject({ after: { reason: 'account_disabled', sessionsEnded: 1 }, reason: 'suspected account sharing' });
  });

  it('refuses a weak password for a new account, naming the field, and creates nothing', async () => {
    const res = await t
      .http()
      .post('/api/users')
      .set('authorization', `Bearer ${adminToken}`)
      .send({ username: 'weak.pw', displayName: 'x', password: 'short', roles: [Role.Bidder] })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'WEAK_PASSWORD', field: 'password' });
    const rows: unknown[] = await t.dataSource.query(`SELECT 1 FROM app_user WHERE username = 'weak.pw'`);
    expect(rows).toHaveLength(0);
  });

  it('refuses an unknown role, naming the field', async () => {
    const res = await t
      .http()
      .post('/api/users')
      .set('authorization', `Bearer ${adminToken}`)
      .send({ username: 'bad.role', displayName: 'x', password: TEST_PASSWORD, roles: ['emperor'] })
      .expect(400);
    expect(res.body.field).toBe('roles');
  });

  it('changes one’s own password and ends every session: refresh and access tokens issued before are refused', async () => {
    await createUser('change.pw');
    const login = await t.http().post('/api/auth/login').send({ username: 'change.pw', password: TEST_PASSWORD }).expect(200);
    const other = await t.http().post('/api/auth/login').send({ username: 'change.pw', password: TEST_PASSWORD }).expect(200);
    await t
      .http()
      .post('/api/auth/password')
      .set('authorization', `Bearer ${login.body.accessToken}`)
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'Another-strong-pw-9' })
      .expect(204);
    await t.http().post('/api/auth/refresh').send({ refreshToken: login.body.refreshToken }).expect(401);
    expect((await me(login.body.accessToken).expect(401)).body.code).toBe('SESSION_REVOKED');
    expect((await me(other.body.accessToken).expect(401)).body.code).toBe('SESSION_REVOKED');
    await t.http().post('/api/auth/login').send({ username: 'change.pw', password: 'Another-strong-pw-9' }).expect(200);
  });
});
