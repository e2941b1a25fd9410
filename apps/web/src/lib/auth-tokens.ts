/**
 * Where the session's tokens live. The access token (15 minutes) stays in memory only. The refresh
 * token (single use, rotated on every refresh) goes to sessionStorage: a reload keeps the session,
 * closing the tab or the browser ends it, and other tabs do not share it — what a shared terminal in a
 * trading hall needs. localStorage would outlive the browser; a cookie would need the API to set one
 * (and CSRF protection). Either storage is readable by an injected script, so the defence is no XSS
 * (React escapes, no HTML from the API is rendered) plus the short TTLs.
 */
const REFRESH_KEY = 'land.refreshToken';

export interface TokenPairLike {
  accessToken: string;
  refreshToken: string;
}

let accessToken: string | null = null;
const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export const authTokens = {
  access(): string | null {
    return accessToken;
  },
  refresh(): string | null {
    return storage()?.getItem(REFRESH_KEY) ?? null;
  },
  set(pair: TokenPairLike): void {
    accessToken = pair.accessToken;
    storage()?.setItem(REFRESH_KEY, pair.refreshToken);
    listeners.forEach((l) => l());
  },
  clear(): void {
    accessToken = null;
    storage()?.removeItem(REFRESH_KEY);
    listeners.forEach((l) => l());
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
