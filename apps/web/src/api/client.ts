import createClient, { type Middleware } from 'openapi-fetch';
import { authTokens, type TokenPairLike } from '@web/lib/auth-tokens';
import { ApiError } from './api-error';
import type { paths } from './schema';

/**
 * The one HTTP client of the web app, typed by the generated schema (`npm run web:api`). It sends the
 * bearer token and the UI language, refreshes the session once when the API answers TOKEN_EXPIRED and
 * replays the request, and turns every error body into an {@link ApiError}.
 */
let language = 'zh-CN';

/** Accept-Language follows the UI language (set by app/i18n). */
export function setApiLanguage(lang: string): void {
  language = lang;
}

/** Called when the session cannot be refreshed (app/auth shows the login page). */
let onSessionLost: () => void = () => undefined;
export function setSessionLostHandler(handler: () => void): void {
  onSessionLost = handler;
}

let refreshing: Promise<boolean> | null = null;

/** One refresh at a time: concurrent 401s wait for the same one (refresh tokens are single use). */
export function refreshSession(fetcher: typeof fetch = fetch): Promise<boolean> {
  refreshing ??= (async () => {
    const refreshToken = authTokens.refresh();
    if (!refreshToken) return false;
    try {
      const res = await fetcher('/api/auth/refresh', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': language },
        body: JSON.stringify({ refreshToken }),
      });
      if (!res.ok) {
        authTokens.clear();
        onSessionLost();
        return false;
      }
      authTokens.set((await res.json()) as TokenPairLike);
      return true;
    } catch {
      return false;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** Each request's replayable copy, until its answer is in (a body can be read only once). */
const originals = new Map<string, Request>();

const session: Middleware = {
  onRequest({ request, id }) {
    request.headers.set('Accept-Language', language);
    const token = authTokens.access();
    if (token && !request.headers.has('Authorization')) request.headers.set('Authorization', `Bearer ${token}`);
    originals.set(id, request.clone());
    return request;
  },
  async onResponse({ response, id }) {
    const original = originals.get(id);
    originals.delete(id);
    if (response.status !== 401 || !original) return response;
    const body = (await response.clone().json().catch(() => null)) as { code?: string } | null;
    if (body?.code !== 'TOKEN_EXPIRED') return response;
    if (!(await refreshSession())) return response;
    // Replayed once, outside the middleware: a second 401 is final.
    const headers = new Headers(original.headers);
    headers.set('Authorization', `Bearer ${authTokens.access() ?? ''}`);
    return fetch(new Request(original, { headers }));
  },
  onError({ id }) {
    originals.delete(id);
  },
};

// fetch is looked up at each call (not captured once), so tests and instrumentation can wrap it.
export const api = createClient<paths>({ baseUrl: '', fetch: (request) => globalThis.fetch(request) });
api.use(session);

type Result = { data?: unknown; error?: unknown; response: Response };

async function settle(call: Promise<Result>): Promise<Result> {
  let result: Result;
  try {
    result = await call;
  } catch (err) {
    throw new ApiError(0, { code: 'NETWORK_ERROR', message: err instanceof Error ? err.message : String(err) });
  }
  if (!result.response.ok) throw new ApiError(result.response.status, result.error);
  return result;
}

/** The body of a successful call, typed by the schema, or a thrown {@link ApiError}. */
export async function unwrap<R extends Result>(call: Promise<R>): Promise<NonNullable<R['data']>> {
  return (await settle(call)).data as NonNullable<R['data']>;
}

/** The file of a download route called with `parseAs: 'blob'` (a PDF, a document), or a thrown {@link ApiError}. */
export async function unwrapBlob(call: Promise<Result>): Promise<Blob> {
  return (await settle(call)).data as Blob;
}
