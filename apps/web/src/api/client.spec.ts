import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authTokens } from '@web/lib/auth-tokens';
import { ApiError } from './api-error';
import { api, setApiLanguage, unwrap } from './client';

type Call = { url: string; auth: string | null; lang: string | null; body: string };

describe('API client', () => {
  let calls: Call[];
  let answers: Array<(c: Call) => Response>;

  beforeEach(() => {
    calls = [];
    answers = [];
    sessionStorage.clear();
    authTokens.clear();
    vi.stubGlobal('fetch', async (input: Request | string, init?: RequestInit) => {
      const req = input instanceof Request ? input : new Request(new URL(input, 'http://localhost'), init);
      const call = { url: new URL(req.url).pathname, auth: req.headers.get('Authorization'), lang: req.headers.get('Accept-Language'), body: await req.clone().text() };
      calls.push(call);
      return answers.shift()!(call);
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setApiLanguage('zh-CN');
  });

  const json = (status: number, body: unknown) => () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

  it('sends the bearer token and the UI language', async () => {
    authTokens.set({ accessToken: 'a1', refreshToken: 'r1' });
    setApiLanguage('en-US');
    answers.push(json(200, { tileUrl: null }));
    expect(await unwrap(api.GET('/api/public/web-config'))).toEqual({ tileUrl: null });
    expect(calls[0]).toMatchObject({ auth: 'Bearer a1', lang: 'en-US' });
  });

  it('refreshes once on TOKEN_EXPIRED and replays the request with the new token', async () => {
    authTokens.set({ accessToken: 'old', refreshToken: 'r1' });
    answers.push(json(401, { code: 'TOKEN_EXPIRED', message: 'expired' }), json(200, { accessToken: 'new', refreshToken: 'r2' }), json(200, { tileUrl: '/tiles/{z}/{x}/{y}.png' }));
    expect(await unwrap(api.GET('/api/public/web-config'))).toEqual({ tileUrl: '/tiles/{z}/{x}/{y}.png' });
    expect(calls.map((c) => [c.url, c.auth])).toEqual([
      ['/api/public/web-config', 'Bearer old'],
      ['/api/auth/refresh', null],
      ['/api/public/web-config', 'Bearer new'],
    ]);
    expect(JSON.parse(calls[1]!.body)).toEqual({ refreshToken: 'r1' });
    expect(authTokens.refresh()).toBe('r2');
  });

  it('does not refresh on other 401s, and a failed refresh ends the session', async () => {
    authTokens.set({ accessToken: 'bad', refreshToken: 'r1' });
    answers.push(json(401, { code: 'UNAUTHENTICATED', message: 'invalid' }));
    await expect(unwrap(api.GET('/api/public/web-config'))).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(calls).toHaveLength(1);
    answers.push(json(401, { code: 'TOKEN_EXPIRED', message: 'expired' }), json(401, { code: 'REFRESH_TOKEN_INVALID', message: 'reused' }));
    await expect(unwrap(api.GET('/api/public/web-config'))).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
    expect(authTokens.refresh()).toBeNull();
    expect(authTokens.access()).toBeNull();
  });

  it('turns an error body into an ApiError with code, message, field and errors', async () => {
    answers.push(json(400, { code: 'VALIDATION_FAILED', message: '用户名不能为空', field: 'username', errors: [{ code: 'REQUIRED', message: '用户名不能为空', field: 'username' }], requestId: 'r-1' }));
    const err = await unwrap(api.POST('/api/auth/login', { body: { username: '', password: 'x' } })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', field: 'username', requestId: 'r-1' });
    expect((err as ApiError).fieldErrors()).toEqual({ username: '用户名不能为空' });
  });
});
