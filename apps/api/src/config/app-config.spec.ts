import { startPlatform } from '../bootstrap';
import { ConfigError, loadConfig } from './app-config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('configuration is validated at boot', () => {
  it('starts with no settings at all: every setting has a default on the embedded database', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, demo: true, timezone: 'Asia/Shanghai', loginMaxFailures: 5 });
    expect(config.databaseUrl).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'http://localhost' }, 'REDIS_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ DEMO: 'maybe' }, 'DEMO'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ ADMIN_USERNAME: 'root' }, 'ADMIN_PASSWORD'],
    [{ ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD'],
    [{ TIMEZONE: 'Shanghai' }, 'TIMEZONE'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: 'proxy.example.com' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY'],
    [{ LOGIN_BACKOFF_AFTER_FAILURES: '0' }, 'LOGIN_BACKOFF_AFTER_FAILURES'],
    [{ LOGIN_BACKOFF_BASE_SECONDS: '60', LOGIN_BACKOFF_MAX_SECONDS: '30' }, 'LOGIN_BACKOFF_MAX_SECONDS'],
  ])('refuses %j with a message naming %s', (env, name) => {
    const problems = problemsOf(env);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toContain(name);
  });

  it('requires JWT_SECRET when DATABASE_URL points at a real server', () => {
    expect(problemsOf({ DATABASE_URL: 'postgres://u:p@db:5432/land' }).join('\n')).toMatch(/JWT_SECRET is required/);
    expect(problemsOf({ DATABASE_URL: 'postgres://u:p@db:5432/land', JWT_SECRET: 'x'.repeat(32) }).join('\n')).toMatch(/RESERVE_ENCRYPTION_KEY is required/);
    expect(problemsOf({ DATABASE_URL: 'postgres://u:p@db:5432/land', JWT_SECRET: 'x'.repeat(32), RESERVE_ENCRYPTION_KEY: 'ab'.repeat(32), BANK_NOTICE_SECRET: 'b'.repeat(32) })).toEqual([]);
  });

  it('believes no X-Forwarded-For by default; TRUST_PROXY takes a hop count or the proxies\' addresses', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::1' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', 'fd00::1']);
  });

  it('never serves the simulated bank by default against a real database', () => {
    expect(loadConfig({}).bankSimulator).toBe(true);
    const real = { DATABASE_URL: 'postgres://u:p@db:5432/land', JWT_SECRET: 'x'.repeat(32), RESERVE_ENCRYPTION_KEY: 'ab'.repeat(32), BANK_NOTICE_SECRET: 'b'.repeat(32) };
    expect(loadConfig(real).bankSimulator).toBe(false);
    expect(loadConfig({ ...real, BANK_SIMULATOR: 'on' }).bankSimulator).toBe(true);
  });

  it('never serves the simulated bank with DEMO=off, whatever BANK_SIMULATOR says', () => {
    expect(loadConfig({ DEMO: 'off' }).bankSimulator).toBe(false);
    expect(loadConfig({ DEMO: 'off', BANK_SIMULATOR: 'on' }).bankSimulator).toBe(false);
  });

  it('lists every bad setting at once', () => {
    expect(problemsOf({ PORT: 'x', DEMO: 'y', LOG_LEVEL: 'z' })).toHaveLength(3);
  });

  it('stops start-up before touching any database when a setting is bad', async () => {
    await expect(startPlatform({ PORT: 'not-a-port', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' })).rejects.toThrow(/PORT/);
  });
});
