import { Role } from '@app/auth';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';

/**
 * The login limit (hardening issue, item 5): keyed on the username *and* the client, so nobody can lock
 * anyone out by guessing wrong; plus a global back-off per username that holds back clients that have
 * failed while many clients guess one username, and never refuses a client with no failures. Behind a
 * trusted proxy (TRUST_PROXY=loopback here) the client is the address in X-Forwarded-For.
 */
describe('login limit per username and client, with a global back-off', () => {
  let t: TestApp;
  let adminToken: string;
  beforeAll(async () => {
    t = await createTestApp({
      TRUST_PROXY: 'loopback',
      LOGIN_MAX_FAILURES: '5',
      LOGIN_BACKOFF_AFTER_FAILURES: '8',
      LOGIN_BACKOFF_BASE_SECONDS: '60',
      LOGIN_BACKOFF_MAX_SECONDS: '600',
    });
    adminToken = await t.tokenFor([Role.Admin], 'limit.admin');
  });
  afterAll(() => t.close());

  const createUser = (username: string) =>
    t.http().post('/api/users').set('authorization', `Bearer ${adminToken}`).send({ username, displayName: username, password: TEST_PASSWORD, roles: [Role.TradingOfficer] }).expect(201);
  const login = (username: string, password: string, client: string) => t.http().post('/api/auth/login').set('x-forwarded-for', client).send({ username, password });

  it('five wrong passwords from client A do not lock out the right password from client B', async () => {
    await createUser('victim.one');
    for (let i = 0; i < 5; i++) expect((await login('victim.one', `wrong-${i}-xxxx`, '198.51.100.1')).status).toBe(401);
    const fromA = await login('victim.one', TEST_PASSWORD, '198.51.100.1');
    expect(fromA.status).toBe(429);
    expect(fromA.body).toMatchObject({ code: 'LOGIN_RATE_LIMITED', field: 'username' });
    expect((await login('victim.one', TEST_PASSWORD, '198.51.100.2')).status).toBe(200);
  });

  it('counts guesses sent all at once: twenty parallel wrong passwords from one client get at most five answers', async () => {
    await createUser('victim.burst');
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login('victim.burst', `wrong-burst-${i}`, '198.51.100.7')));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    expect((await login('victim.burst', TEST_PASSWORD, '198.51.100.8')).status).toBe(200);
  });

  it('the global back-off slows many clients guessing one username, and never refuses the right password from a client with no failures', async () => {
    await createUser('victim.many');
    const clients = Array.from({ length: 12 }, (_, i) => `192.0.2.${i + 1}`);
    const answered: number[] = [];
    const heldBack: Array<{ retryAfter: number }> = [];
    // Three rounds of guesses, each client one guess per round: without the back-off every guess is
    // checked (36 < 5 per client); with it, a client that failed waits 60 s, doubling per failure of the username.
    for (let round = 0; round < 3; round++) {
      for (const client of clients) {
        const res = await login('victim.many', `guess-${round}-${client}`, client);
        if (res.status === 401) answered.push(1);
        else {
          expect(res.status).toBe(429);
          expect(res.body.code).toBe('LOGIN_RATE_LIMITED');
          heldBack.push({ retryAfter: Number(res.headers['retry-after']) });
        }
      }
    }
    expect(answered).toHaveLength(12);
    expect(heldBack).toHaveLength(24);
    for (const h of heldBack) {
      expect(h.retryAfter).toBeGreaterThanOrEqual(60);
      expect(h.retryAfter).toBeLessThanOrEqual(600);
    }
    // A clean client is always heard: a wrong guess is answered 401 (not 429)…
    expect((await login('victim.many', 'one-more-guess', '192.0.2.200')).status).toBe(401);
    // …and the owner's right password from a client with no failures gets in at once.
    const owner = await login('victim.many', TEST_PASSWORD, '192.0.2.201');
    expect(owner.status).toBe(200);
    expect(owner.body.accessToken).toEqual(expect.any(String));
    // A client that failed is held back even with the right password, until its back-off passes.
    expect((await login('victim.many', TEST_PASSWORD, clients[0]!)).status).toBe(429);
  });

  it('a right password forgives only that client\'s failures: other guessing clients stay counted', async () => {
    await createUser('victim.forgive');
    for (let i = 0; i < 5; i++) expect((await login('victim.forgive', `wrong-${i}-xxxx`, '198.51.100.20')).status).toBe(401);
    expect((await login('victim.forgive', TEST_PASSWORD, '198.51.100.21')).status).toBe(200);
    expect((await login('victim.forgive', 'wrong-again-xx', '198.51.100.20')).status).toBe(429);
  });
});
