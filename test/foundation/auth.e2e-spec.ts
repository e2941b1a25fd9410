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

  it('rate-limits failed logins per username: the next attempt gets 429 even with the right password', async () => {
    await createUser('guess.me');
    for (let i = 0; i < 3; i++) {
      await t.http().post('/api/auth/login').send({ username: 'guess.me', password: `wrong-${i}-xxxx` }).expect(401);
    }
    const res = await t.http().post('/api/auth/login').send({ username: 'guess.me', password: TEST_PASSWORD }).expect(429);
    expect(res.body).toMatchObject({ code: 'LOGIN_RATE_LIMITED', field: 'username' });
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

  it('changes one’s own password and revokes every refresh token', async () => {
    await createUser('change.pw');
    const login = await t.http().post('/api/auth/login').send({ username: 'change.pw', password: TEST_PASSWORD }).expect(200);
    await t
      .http()
      .post('/api/auth/password')
      .set('authorization', `Bearer ${login.body.accessToken}`)
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'Another-strong-pw-9' })
      .expect(204);
    await t.http().post('/api/auth/refresh').send({ refreshToken: login.body.refreshToken }).expect(401);
    await t.http().post('/api/auth/login').send({ username: 'change.pw', password: 'Another-strong-pw-9' }).expect(200);
  });
});
